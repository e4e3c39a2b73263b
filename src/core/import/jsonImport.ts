/**
 * Our JSON export back into annotations. Everything is validated into fresh objects (a file from elsewhere may
 * be malformed or hostile), every span is re-checked against the document text it travels with, and a newer
 * format version is refused rather than half-read.
 */
import { JSON_EXPORT_VERSION } from '../export/jsonExport';
import { splitsSurrogatePair } from '../export/offsets';
import type { ExportDocument, ExportMention } from '../export/types';
import { attributeKeyProblem } from '../model/attributes';
import type { MentionKind } from '../model/mention';
import { jsonLineIndex, type JsonPath } from './jsonLines';

export interface JsonImport {
  /** Documents with their mentions, all marked `manual` (imported annotations are the user's from now on). */
  documents: ExportDocument[];
  /** Skipped or doubtful parts ("line 12: ..."): the rest of the file is still imported. */
  problems: string[];
  /** What makes the whole file unusable (an attribute name a sidecar refuses): nothing of it may be written. */
  refused: string[];
}

const KINDS = new Set(['speaker', 'date', 'treaty', 'person', 'custom', 'quote']);

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
  const refused: string[] = [];
  // Positions are only looked up for a problem: a clean file is not scanned twice.
  let lineIndex: ((path: JsonPath) => number | undefined) | undefined;
  const at = (path: JsonPath, what: string): string => {
    lineIndex ??= jsonLineIndex(json);
    const line = lineIndex(path);
    return line === undefined ? what : `line ${line}: ${what}`;
  };
  const documents: ExportDocument[] = [];
  data.documents.forEach((d: unknown, i: number) => {
    if (!isObj(d) || typeof d.path !== 'string' || typeof d.text !== 'string' || !Array.isArray(d.mentions)) {
      problems.push(`${at(['documents', i], `documents[${i}]`)}: needs "path", "text" and "mentions"; skipped`);
      return;
    }
    const pathProblem = documentPathProblem(d.path);
    if (pathProblem) {
      problems.push(`${at(['documents', i, 'path'], `documents[${i}]`)}: ${pathProblem}; skipped`);
      return;
    }
    const text = d.text;
    const mentions: ExportMention[] = [];
    d.mentions.forEach((raw: unknown, j: number) => {
      const path = ['documents', i, 'mentions', j];
      const report: Report = (message, key, refuse) => {
        const where = at(key === undefined ? path : [...path, ...key], `${d.path as string} mentions[${j}]`);
        (refuse ? refused : problems).push(`${where}: ${message}`);
      };
      const m = readMention(raw, text, report);
      if (m) mentions.push(m);
    });
    const doc: ExportDocument = { path: d.path, text, mentions };
    const metadata = { title: optString(d, 'title'), date: optString(d, 'date'), source: optString(d, 'source') };
    if (metadata.title || metadata.date || metadata.source) {
      doc.metadata = Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== undefined));
    }
    documents.push(doc);
  });
  return { documents, problems, refused };
}

/**
 * Reports a problem of the mention being read, at one of its keys (the mention itself when absent); `refuse`
 * when the problem makes the whole file unusable.
 */
type Report = (message: string, key?: JsonPath, refuse?: boolean) => void;

function readMention(raw: unknown, text: string, report: Report): ExportMention | undefined {
  if (!isObj(raw)) {
    report('not an object; skipped');
    return undefined;
  }
  const { kind, start, end } = raw;
  if (typeof kind !== 'string' || !KINDS.has(kind)) {
    report(`unknown kind ${JSON.stringify(kind)}; skipped`, ['kind']);
    return undefined;
  }
  for (const [key, value] of [['start', start], ['end', end]] as const) {
    if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > text.length) {
      report(`"${key}" is ${describeOffset(value)}; offsets into this text are whole numbers from 0 to ${text.length}; skipped`, [key]);
      return undefined;
    }
  }
  if ((start as number) >= (end as number)) {
    report(`offsets ${start as number}-${end as number} are not a span of the text (the end must be after the start); skipped`, ['start']);
    return undefined;
  }
  for (const [key, value] of [['start', start], ['end', end]] as const) {
    if (splitsSurrogatePair(text, value as number)) {
      report(`"${key}" ${value as number} falls inside a character (between the two halves of a surrogate pair); skipped`, [key]);
      return undefined;
    }
  }
  const actual = text.slice(start as number, end as number);
  if (typeof raw.text === 'string' && raw.text !== actual) {
    report(`the text at ${start as number}-${end as number} is ${JSON.stringify(actual)}, not ${JSON.stringify(raw.text)}; skipped`);
    return undefined;
  }
  const m: ExportMention = { kind: kind as MentionKind, start: start as number, end: end as number, text: actual, source: 'manual' };
  for (const key of ['id', 'label', 'entityId', 'value', 'note', 'layer', 'author', 'created', 'modified'] as const) {
    const v = optString(raw, key);
    if (v !== undefined) m[key] = v;
  }
  if (raw.attributes !== undefined) {
    if (!isObj(raw.attributes)) report('"attributes" is not an object; ignored', ['attributes']);
    else {
      const attributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(raw.attributes)) {
        const keyProblem = attributeKeyProblem(k);
        if (keyProblem) report(keyProblem, ['attributes', k], true);
        else if (typeof v !== 'string') report(`attribute ${JSON.stringify(k)} is not text; ignored`, ['attributes', k]);
        else attributes[k] = v;
      }
      if (Object.keys(attributes).length > 0) m.attributes = attributes;
    }
  }
  return m;
}

/** An offset as the file gave it, for a message: JSON.parse turns 1e400 into Infinity and JSON.stringify that into null. */
function describeOffset(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'a number too large to be an offset';
  return value === undefined ? 'missing' : JSON.stringify(value);
}

/**
 * Why a document's path cannot be used, or undefined. Exports write paths relative to the folder holding the
 * documents, so anything that could lead out of the folder the import is told to use is refused.
 */
function documentPathProblem(path: string): string | undefined {
  const segments = path.split(/[\\/]/);
  if (path === '' || segments[0] === '' || /^[A-Za-z]:/.test(path)) return `path ${JSON.stringify(path)} is not relative to the documents folder`;
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return `path ${JSON.stringify(path)} may not contain '..', '.' or empty parts: it could lead outside the documents folder`;
  return undefined;
}
