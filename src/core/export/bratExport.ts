/**
 * brat standoff: for each document a copy of its text (`.txt`, byte for byte, CRLF kept) and an `.ann` file,
 * plus one `annotation.conf` declaring the entity types and attributes used. Offsets are code points (brat is
 * Python and counts characters). brat spans cannot contain a line break, so a span crossing one is written as
 * discontinuous fragments (`T1 treaty 0 5;7 12`). Canonical links become normalisations
 * (`N1 Reference T1 marginalia:<entity id> <name>`), notes become `#` AnnotatorNotes, and attributes whose
 * value is one brat-safe token become brat attributes. Every fragment is re-checked against the text.
 */
import { ATTRIBUTE_NAME } from '../model/attributes';
import { replaceExtension, safeRelativePath } from './paths';
import { prepareDocuments } from './prepare';
import type { OffsetConverter } from './offsets';
import type { ExportDocument, ExportMention, ExportOptions, ExportResult, ExportedFile } from './types';

/** Normalisation database name used in `N` lines for Marginalia entity ids. */
export const BRAT_NORMALIZATION_DB = 'marginalia';

/** The brat type of a mention: a custom label made brat-safe, else the kind. */
export function bratType(m: ExportMention): string {
  if (m.kind !== 'custom' || !m.label) return m.kind;
  const safe = m.label.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[^A-Za-z]+/, '');
  return safe.length > 0 ? safe : 'custom';
}

const SAFE_ATTRIBUTE_VALUE = /^[A-Za-z0-9_.:+-]+$/;

/** [start, end) UTF-16 pieces of a span, split at line breaks (which are left out). */
export function spanFragments(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (i > from) out.push([from, i]);
      from = i + 1;
    }
  }
  if (end > from) out.push([from, end]);
  return out;
}

/** Single-line form of a note: brat notes end at the line break. */
function oneLine(s: string): string {
  return s.replace(/\r\n|[\r\n\t]/g, ' ');
}

interface DocAnn {
  ann: string;
  types: Set<string>;
  attributes: Map<string, { types: Set<string>; values: Set<string> }>;
}

function documentAnn(
  mentions: ExportMention[],
  text: string,
  offsets: OffsetConverter,
  path: string,
  warnings: string[],
  unsafe: Map<string, number>,
): DocAnn {
  const lines: string[] = [];
  const types = new Set<string>();
  const attributes = new Map<string, { types: Set<string>; values: Set<string> }>();
  let t = 0;
  let n = 0;
  let note = 0;
  let a = 0;
  for (const m of mentions) {
    const fragments = spanFragments(text, m.start, m.end);
    if (fragments.length === 0) {
      warnings.push(`${path}: ${m.kind} ${m.start}-${m.end} skipped for brat: only line breaks`);
      continue;
    }
    const cp = fragments.map(([s, e]) => [offsets.toCodePoints(s), offsets.toCodePoints(e)] as const);
    // Re-check in brat's own units: the code-point slice of every fragment is the text we write.
    const pieces = cp.map(([s, e]) => offsets.sliceCodePoints(s, e));
    if (pieces.some((p, i) => p !== text.slice((fragments[i] as [number, number])[0], (fragments[i] as [number, number])[1]))) {
      throw new Error(`${path}: brat offsets of ${m.start}-${m.end} do not give back the text`);
    }
    const type = bratType(m);
    types.add(type);
    const id = `T${++t}`;
    lines.push(`${id}\t${type} ${cp.map(([s, e]) => `${s} ${e}`).join(';')}\t${pieces.join(' ')}`);
    if (m.entityId) {
      lines.push(`N${++n}\tReference ${id} ${BRAT_NORMALIZATION_DB}:${m.entityId}\t${oneLine(m.value ?? '')}`);
    } else if (m.value) {
      warnings.push(`${path}: value ${JSON.stringify(m.value)} of ${m.start}-${m.end} has no entity to normalise to; left out of the .ann`);
    }
    if (m.note) lines.push(`#${++note}\tAnnotatorNotes ${id}\t${oneLine(m.note)}`);
    for (const [key, value] of Object.entries(m.attributes ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
      if (!ATTRIBUTE_NAME.test(key) || !SAFE_ATTRIBUTE_VALUE.test(value)) {
        // Counted, then reported once per attribute name: one line per mention would bury real problems.
        unsafe.set(key, (unsafe.get(key) ?? 0) + 1);
        continue;
      }
      lines.push(`A${++a}\t${key} ${id} ${value}`);
      const decl = attributes.get(key) ?? { types: new Set<string>(), values: new Set<string>() };
      decl.types.add(type);
      decl.values.add(value);
      attributes.set(key, decl);
    }
  }
  return { ann: lines.map((l) => `${l}\n`).join(''), types, attributes };
}

/** brat's configuration for the exported collection: our kinds, any custom labels, and attributes seen. */
function annotationConf(types: Set<string>, attributes: Map<string, { types: Set<string>; values: Set<string> }>): string {
  const sorted = (s: Iterable<string>) => [...s].sort();
  const attrLines = sorted(attributes.keys()).map((k) => {
    const d = attributes.get(k) as { types: Set<string>; values: Set<string> };
    return `${k}\tArg:${sorted(d.types).join('|')}, Value:${sorted(d.values).join('|')}`;
  });
  return [
    '# brat configuration written by Marginalia export',
    '[entities]',
    ...sorted(new Set(['speaker', 'date', 'treaty', 'person', ...types])),
    '',
    '[relations]',
    '# Overlapping spans of any types are allowed (speakers inside quotes, dates inside treaty names).',
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '',
    '[attributes]',
    ...attrLines,
    '',
  ].join('\n');
}

/** Exports `<doc>.txt` + `<doc>.ann` per document and one `annotation.conf`. */
export function exportBrat(documents: readonly ExportDocument[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const files: ExportedFile[] = [];
  const types = new Set<string>();
  const attributes = new Map<string, { types: Set<string>; values: Set<string> }>();
  const unsafe = new Map<string, number>();
  for (const { doc, mentions, offsets } of prepareDocuments(documents, options, warnings)) {
    const base = safeRelativePath(doc.path);
    const result = documentAnn(mentions, doc.text, offsets, doc.path, warnings, unsafe);
    files.push({ path: replaceExtension(base, '.txt'), content: doc.text });
    files.push({ path: replaceExtension(base, '.ann'), content: result.ann });
    for (const t of result.types) types.add(t);
    for (const [k, d] of result.attributes) {
      const into = attributes.get(k) ?? { types: new Set<string>(), values: new Set<string>() };
      for (const t of d.types) into.types.add(t);
      for (const v of d.values) into.values.add(v);
      attributes.set(k, into);
    }
  }
  for (const [key, count] of [...unsafe.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    warnings.push(`attribute '${key}' left out of ${count} annotation(s): brat attribute values must be one token (letters, digits, _ . : + -)`);
  }
  files.push({ path: 'annotation.conf', content: annotationConf(types, attributes) });
  return { files, warnings };
}
