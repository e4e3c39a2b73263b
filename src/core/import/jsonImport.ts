/**
 * Our JSON export back into annotations. Everything is validated into fresh objects (a file from elsewhere may
 * be malformed or hostile), every span is re-checked against the document text it travels with, and a newer
 * format version is refused rather than half-read.
 */
import { JSON_EXPORT_VERSION } from '../export/jsonExport';
import type { ExportDocument, ExportMention } from '../export/types';
import type { MentionKind } from '../model/mention';

export interface JsonImport {
  /** Documents with their mentions, all marked `manual` (imported annotations are the user's from now on). */
  documents: ExportDocument[];
  problems: string[];
}

const KINDS = new Set(['speaker', 'date', 'treaty', 'person', 'custom', 'quote']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const optString = (o: Obj, k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);

/**
 * Parses a `marginalia-export` JSON file. Throws only when the file as a whole cannot be used (not JSON, not
 * our format, a newer version); single bad mentions are skipped and listed in `problems`.
 */
export function parseJsonExport(json: string): JsonImport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`not valid JSON: ${(e as Error).message}`);
  }
  if (!isObj(data) || typeof data['marginalia-export'] !== 'number') {
    throw new Error('not a Marginalia JSON export (no "marginalia-export" version)');
  }
  const version = data['marginalia-export'] as number;
  if (version > JSON_EXPORT_VERSION) {
    throw new Error(`export format version ${version} is newer than this Marginalia reads (${JSON_EXPORT_VERSION}); update Marginalia`);
  }
  if (data.offsetUnit !== undefined && data.offsetUnit !== 'utf-16') {
    throw new Error(`offsetUnit ${JSON.stringify(data.offsetUnit)} is not supported (expected "utf-16")`);
  }
  if (!Array.isArray(data.documents)) throw new Error('"documents" is missing or not a list');
  const problems: string[] = [];
  const documents: ExportDocument[] = [];
  data.documents.forEach((d: unknown, i: number) => {
    if (!isObj(d) || typeof d.path !== 'string' || typeof d.text !== 'string' || !Array.isArray(d.mentions)) {
      problems.push(`documents[${i}]: needs "path", "text" and "mentions"; skipped`);
      return;
    }
    const text = d.text;
    const mentions: ExportMention[] = [];
    d.mentions.forEach((raw: unknown, j: number) => {
      const where = `${d.path} mentions[${j}]`;
      const m = readMention(raw, text, where, problems);
      if (m) mentions.push(m);
    });
    const doc: ExportDocument = { path: d.path, text, mentions };
    const metadata = { title: optString(d, 'title'), date: optString(d, 'date'), source: optString(d, 'source') };
    if (metadata.title || metadata.date || metadata.source) {
      doc.metadata = Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== undefined));
    }
    documents.push(doc);
  });
  return { documents, problems };
}

function readMention(raw: unknown, text: string, where: string, problems: string[]): ExportMention | undefined {
  if (!isObj(raw)) {
    problems.push(`${where}: not an object; skipped`);
    return undefined;
  }
  const { kind, start, end } = raw;
  if (typeof kind !== 'string' || !KINDS.has(kind)) {
    problems.push(`${where}: unknown kind ${JSON.stringify(kind)}; skipped`);
    return undefined;
  }
  if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) > text.length || (start as number) >= (end as number)) {
    problems.push(`${where}: offsets ${JSON.stringify(start)}-${JSON.stringify(end)} are not a span of the text; skipped`);
    return undefined;
  }
  const actual = text.slice(start as number, end as number);
  if (typeof raw.text === 'string' && raw.text !== actual) {
    problems.push(`${where}: the text at ${start}-${end} is ${JSON.stringify(actual)}, not ${JSON.stringify(raw.text)}; skipped`);
    return undefined;
  }
  const m: ExportMention = { kind: kind as MentionKind, start: start as number, end: end as number, text: actual, source: 'manual' };
  for (const key of ['id', 'label', 'entityId', 'value', 'note', 'layer', 'author', 'created', 'modified'] as const) {
    const v = optString(raw, key);
    if (v !== undefined) m[key] = v;
  }
  if (raw.attributes !== undefined) {
    if (!isObj(raw.attributes)) problems.push(`${where}: "attributes" is not an object; ignored`);
    else {
      const attributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(raw.attributes)) {
        if (FORBIDDEN_KEYS.has(k) || typeof v !== 'string') problems.push(`${where}: attribute ${JSON.stringify(k)} ignored`);
        else attributes[k] = v;
      }
      if (Object.keys(attributes).length > 0) m.attributes = attributes;
    }
  }
  return m;
}
