/**
 * The canonical text of a sidecar: what Marginalia writes when the file has nothing but its own content. One
 * fixed key order, one line per scalar, strings double-quoted with JSON-compatible escapes, annotations sorted by
 * position then id. Each annotation's lines depend only on that annotation, so editing one changes only its
 * lines and git merges stay small.
 *
 * It also has a reader, for speed: the general `yaml` library is far too slow for a sidecar with thousands of
 * annotations. {@link readCanonical} accepts only this small subset of YAML, and the caller trusts its result
 * only when writing it back gives the very same text; anything else (comments, extra keys, other styles) goes
 * through `yaml`. A property test checks that both readers agree.
 */
import { compareAnnotations, type Annotation, type Rejection, type Selectors, type Sidecar } from '../model/annotation';
import { FORBIDDEN_KEYS } from '../model/attributes';
import type { TreeMap, TreeNode, TreeScalar, TreeSeq } from './sidecarTree';

/** The canonical text of a sidecar. */
export function writeCanonical(sidecar: Sidecar): string {
  const out: string[] = [`marginalia: ${sidecar.version}\n`];
  const d = sidecar.document;
  const docLines: string[] = [];
  if (d.title !== undefined) docLines.push(`  title: ${str(d.title)}\n`);
  if (d.source !== undefined) docLines.push(`  source: ${str(d.source)}\n`);
  if (d.date !== undefined) docLines.push(`  date: ${str(d.date)}\n`);
  if (d.fingerprint !== undefined) docLines.push(`  fingerprint: ${str(d.fingerprint)}\n`);
  if (docLines.length > 0) out.push('document:\n', ...docLines);
  const annotations = sortedForFile(sidecar.annotations);
  out.push(annotations.length === 0 ? 'annotations: []\n' : 'annotations:\n');
  for (const a of annotations) out.push(annotationText(a));
  const rejections = sortedForFile(sidecar.rejections);
  out.push(rejections.length === 0 ? 'rejections: []\n' : 'rejections:\n');
  for (const r of rejections) out.push(rejectionText(r));
  return out.join('');
}

/** Annotations (or rejections) in file order: by position, then id. */
export function sortedForFile<T extends { id: string; selectors: Selectors }>(items: readonly T[]): T[] {
  return [...items].sort(compareAnnotations);
}

// Annotations are immutable values, so their text can be cached by identity: a save after editing one
// annotation of 10,000 serializes one.
const textCache = new WeakMap<object, string>();

/** The canonical lines of one annotation, as a list item under `annotations:`. */
export function annotationText(a: Annotation): string {
  let cached = textCache.get(a);
  if (cached === undefined) {
    cached = annotationTextUncached(a);
    textCache.set(a, cached);
  }
  return cached;
}

function annotationTextUncached(a: Annotation): string {
  let s = `  - id: ${str(a.id)}\n    kind: ${str(a.kind)}\n`;
  if (a.label !== undefined) s += `    label: ${str(a.label)}\n`;
  if (a.entityId !== undefined) s += `    entityId: ${str(a.entityId)}\n`;
  if (a.note !== undefined) s += `    note: ${str(a.note)}\n`;
  if (a.attributes !== undefined) {
    const keys = Object.keys(a.attributes).sort();
    if (keys.length === 0) s += '    attributes: {}\n';
    else {
      s += '    attributes:\n';
      for (const k of keys) s += `      ${key(k)}: ${str(a.attributes[k])}\n`;
    }
  }
  if (a.author !== undefined) s += `    author: ${str(a.author)}\n`;
  s += `    created: ${str(a.created)}\n    modified: ${str(a.modified)}\n`;
  return s + selectorsText(a.selectors);
}

function rejectionText(r: Rejection): string {
  let cached = textCache.get(r);
  if (cached === undefined) {
    cached = rejectionTextUncached(r);
    textCache.set(r, cached);
  }
  return cached;
}

/**
 * Records the exact lines an annotation or rejection was read from, so writing the file back reproduces them
 * byte for byte while the item is unchanged (items are immutable: an edit makes a new object).
 */
export function rememberItemText(item: Annotation | Rejection, lines: string): void {
  textCache.set(item, lines);
}

function rejectionTextUncached(r: Rejection): string {
  let s = `  - id: ${str(r.id)}\n    kind: ${str(r.kind)}\n`;
  if (r.author !== undefined) s += `    author: ${str(r.author)}\n`;
  s += `    created: ${str(r.created)}\n`;
  return s + selectorsText(r.selectors);
}

function selectorsText(sel: Selectors): string {
  const q = sel.quote;
  return (
    `    selectors:\n      position: {start: ${sel.position.start}, end: ${sel.position.end}}\n` +
    `      quote:\n        exact: ${str(q.exact)}\n        prefix: ${str(q.prefix)}\n        suffix: ${str(q.suffix)}\n`
  );
}

const PLAIN = /^[A-Za-z][A-Za-z0-9_-]*$/;
// Words some YAML readers (1.1: PyYAML, old Ruby) turn into booleans or null; always quoted.
const RESERVED = /^(y|n|yes|no|true|false|on|off|null)$/i;
// Everything YAML's double-quoted style cannot carry raw, or that a YAML 1.1 reader would treat as a line break.
const NEEDS_ESCAPE = /["\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A scalar as canonical YAML: plain when it is a simple word, otherwise double-quoted. */
function str(s: string): string {
  if (PLAIN.test(s) && !RESERVED.test(s)) return s;
  NEEDS_ESCAPE.lastIndex = 0;
  return NEEDS_ESCAPE.test(s) ? `"${s.replace(NEEDS_ESCAPE, escape)}"` : `"${s}"`;
}

function key(k: string): string {
  return PLAIN.test(k) && !RESERVED.test(k) ? k : str(k);
}

function escape(ch: string): string {
  switch (ch) {
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\t':
      return '\\t';
    case '\r':
      return '\\r';
    default:
      return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}

// --- the reader -------------------------------------------------------------------------------------------------

const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
const INT = /^(0|[1-9][0-9]{0,15})$/;
const FLOW_POSITION = /^\{start: (0|[1-9][0-9]{0,15}), end: (0|[1-9][0-9]{0,15})\}$/;
// Inside a double-quoted scalar JSON and YAML agree on every raw character except these, and on the escapes
// \" \\ \n \t \r \uXXXX; tokens with anything else are left to the full reader.
const SIMPLE_QUOTED = /^"[^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*"$/;
const RAW_NOT_SHARED = /[\x7f-\x9f\u2028\u2029\ufeff]/;
const SHARED_ESCAPES_ONLY = /^"(?:[^\\"]|\\["\\ntr]|\\u[0-9a-fA-F]{4})*"$/;

const PENDING: TreeScalar = { type: 'scalar', line: 0, value: null };

interface Frame {
  indent: number;
  node: TreeMap | TreeSeq;
}

/**
 * Reads text in the canonical subset into a tree, or returns undefined at the first line outside it. The
 * caller must still check that {@link writeCanonical} of the validated result reproduces the text. Hand-written
 * rather than one regular expression per line: this is the hot path of loading a large sidecar.
 */
export function readCanonical(text: string): TreeNode | undefined {
  if (!text.startsWith('marginalia: ') || !text.endsWith('\n')) return undefined;
  const root: TreeMap = { type: 'map', line: 1, entries: [] };
  const stack: Frame[] = [{ indent: 0, node: root }];
  let pending: { entry: { value: TreeNode }; indent: number } | undefined;
  let lineStart = 0;
  let lineNo = 0;
  // List items still open, innermost last, with the indent of their dash: closed by the next line at or left
  // of that indent, which gives each item's own lines.
  const openItems: { map: TreeMap; indent: number }[] = [];
  // A file has few distinct keys; each is checked against KEY once.
  const seenKeys = new Set<string>();
  while (lineStart < text.length) {
    const thisLine = lineStart;
    const lineEnd = text.indexOf('\n', lineStart);
    lineNo++;
    let i = lineStart;
    while (text.charCodeAt(i) === 0x20) i++;
    const indent = i - lineStart;
    const dash = text.charCodeAt(i) === 0x2d && text.charCodeAt(i + 1) === 0x20;
    if (dash) i += 2;
    let k: string | undefined;
    let colon: number;
    if (text.charCodeAt(i) === 0x22) {
      // A quoted key (attribute names that are not simple words).
      colon = quotedEnd(text, i, lineEnd);
      k = colon < 0 ? undefined : readQuoted(text.slice(i, colon));
      if (text.charCodeAt(colon) !== 0x3a) return undefined;
    } else {
      colon = text.indexOf(':', i);
      if (colon < 0 || colon > lineEnd) return undefined;
      k = text.slice(i, colon);
      if (!seenKeys.has(k)) {
        if (!KEY.test(k)) return undefined;
        seenKeys.add(k);
      }
    }
    if (k === undefined || FORBIDDEN_KEYS.has(k)) return undefined;
    let rest: string | undefined;
    if (colon + 1 < lineEnd) {
      if (text.charCodeAt(colon + 1) !== 0x20) return undefined;
      rest = text.slice(colon + 2, lineEnd);
    }
    lineStart = lineEnd + 1;
    while (openItems.length > 0 && openItems[openItems.length - 1].indent >= indent) {
      const closed = (openItems.pop() as { map: TreeMap }).map;
      if (closed.source) closed.source.end = thisLine;
    }
    if (pending) {
      if (indent !== pending.indent + 2) return undefined;
      const node: TreeMap | TreeSeq = dash ? { type: 'seq', line: lineNo, items: [] } : { type: 'map', line: lineNo, entries: [] };
      pending.entry.value = node;
      stack.push({ indent, node });
      pending = undefined;
    }
    while (stack.length > 0 && stack[stack.length - 1].indent > indent) stack.pop();
    const top = stack[stack.length - 1];
    if (!top || top.indent !== indent) return undefined;
    let map: TreeMap;
    if (dash) {
      if (top.node.type !== 'seq') return undefined;
      map = { type: 'map', line: lineNo, entries: [], source: { start: thisLine, end: text.length } };
      top.node.items.push(map);
      stack.push({ indent: indent + 2, node: map });
      openItems.push({ map, indent });
    } else {
      if (top.node.type !== 'map') return undefined;
      map = top.node;
      // A key given twice (as a merge can leave it) is left to the full reader, which refuses it with its line.
      if (map.entries.some((e) => e.key === k)) return undefined;
    }
    if (rest === undefined) {
      // The value (a nested map or list) starts on the next line; PENDING is replaced there.
      const entry: { key: string; line: number; value: TreeNode } = { key: k, line: lineNo, value: PENDING };
      map.entries.push(entry);
      pending = { entry, indent: dash ? indent + 2 : indent };
      continue;
    }
    const value = readValue(rest, lineNo);
    if (!value) return undefined;
    map.entries.push({ key: k, line: lineNo, value });
  }
  return pending ? undefined : root;
}

function readValue(rest: string, line: number): TreeNode | undefined {
  if (rest.startsWith('"')) {
    const value = readQuoted(rest);
    return value === undefined ? undefined : scalar(line, value);
  }
  if (INT.test(rest)) return scalar(line, Number(rest));
  if (PLAIN.test(rest)) return RESERVED.test(rest) ? undefined : scalar(line, rest);
  if (rest === '[]') return { type: 'seq', line, items: [] };
  if (rest === '{}') return { type: 'map', line, entries: [] };
  const p = FLOW_POSITION.exec(rest);
  if (p) {
    return {
      type: 'map',
      line,
      entries: [
        { key: 'start', line, value: scalar(line, Number(p[1])) },
        { key: 'end', line, value: scalar(line, Number(p[2])) },
      ],
    };
  }
  return undefined;
}

/** The offset after the closing quote of the double-quoted scalar starting at `start`, or -1. */
function quotedEnd(text: string, start: number, lineEnd: number): number {
  for (let i = start + 1; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
  }
  return -1;
}

/** A double-quoted scalar read with JSON.parse, when JSON and YAML agree on it; otherwise undefined. */
function readQuoted(token: string): string | undefined {
  // Most strings have nothing to unescape: then the text between the quotes is the value.
  if (SIMPLE_QUOTED.test(token)) return token.slice(1, -1);
  if (RAW_NOT_SHARED.test(token) || (token.includes('\\') && !SHARED_ESCAPES_ONLY.test(token))) return undefined;
  try {
    const value: unknown = JSON.parse(token);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function scalar(line: number, value: string | number | null): TreeScalar {
  return { type: 'scalar', line, value };
}
