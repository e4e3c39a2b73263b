/**
 * Writing a sidecar back. A file in canonical form is rewritten canonically; any other file is edited in place
 * through its parsed `yaml` Document so the user's comments, unknown keys and layout survive (reliability #8),
 * and only the nodes of annotations that changed are touched.
 */
import { isMap, isScalar, isSeq, type Document, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Annotation, DocumentMetadata, Rejection, Sidecar } from '../model/annotation';
import { writeCanonical } from './canonicalFormat';
import type { SidecarSource } from './parseSidecar';
import { sameSidecar } from './sidecarEdits';

/** The text to write for `sidecar`, given how the file on disk was written (undefined: a new file). */
export function serializeSidecar(sidecar: Sidecar, source: SidecarSource | undefined): string {
  return serializeWithSource(sidecar, source).text;
}

/**
 * The text to write, and how the file will have been written once it is: the baseline for the next save.
 * The parsed document is edited in place rather than cloned (a clone of a 10,000-item document costs a
 * second): {@link applyToDocument} makes the document say what `sidecar` says whatever it said before, so a
 * failed write followed by another save still produces the right text.
 */
export function serializeWithSource(sidecar: Sidecar, source: SidecarSource | undefined): { text: string; source: SidecarSource } {
  const written = serializeBody(sidecar, source);
  return source?.bom ? { text: `\ufeff${written.text}`, source: { ...written.source, bom: true } } : written;
}

/** The text without any byte order mark, and its source (whose `text` never has one either). */
function serializeBody(sidecar: Sidecar, source: SidecarSource | undefined): { text: string; source: SidecarSource } {
  if (!source || source.form === 'canonical') return { text: writeCanonical(sidecar), source: { form: 'canonical' } };
  // Same content: the user's bytes, exactly (the yaml printer would normalise some spacing).
  if (sameSidecar(sidecar, source.sidecar)) return { text: source.text, source };
  const doc = source.document;
  applyToDocument(doc, sidecar);
  let text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  if (doc.comment) {
    // The printer always puts a blank line before a comment that ends the file; keep the user's spacing.
    const marker = `\n\n#${doc.comment.split('\n')[0]}`;
    const at = text.lastIndexOf(marker);
    if (at >= 0 && !source.text.replace(/\r\n/g, '\n').includes(marker)) text = text.slice(0, at) + text.slice(at + 1);
  }
  if (source.crlf) text = text.replace(/\r?\n/g, '\r\n');
  return { text, source: { form: 'yaml', document: doc, crlf: source.crlf, text, sidecar } };
}

/** Edits `doc` so it says what `sidecar` says, changing as few nodes as possible. */
export function applyToDocument(doc: Document, sidecar: Sidecar): void {
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as Document['contents'];
  const root = doc.contents as unknown as YAMLMap;
  setScalar(doc, root, 'marginalia', sidecar.version, 0);
  applyMetadata(doc, root, sidecar.document);
  applyList(doc, root, 'annotations', sidecar.annotations, annotationPlain);
  applyList(doc, root, 'rejections', sidecar.rejections, rejectionPlain);
}

function applyMetadata(doc: Document, root: YAMLMap, meta: DocumentMetadata): void {
  const keys = ['title', 'source', 'date', 'fingerprint'] as const;
  let node = root.get('document', true) as YamlNode | undefined;
  if (!isMap(node)) {
    if (keys.every((k) => meta[k] === undefined)) return;
    node = doc.createNode({}) as YAMLMap;
    insertAt(root, 1, doc.createPair('document', node));
  }
  const map = node as YAMLMap;
  for (const k of keys) {
    const value = meta[k];
    if (value === undefined) map.delete(k);
    else setScalar(doc, map, k, value);
  }
}

function applyList<T extends { id: string; selectors: { position: { start: number; end: number } } }>(
  doc: Document,
  root: YAMLMap,
  key: string,
  items: readonly T[],
  plain: (item: T) => Record<string, unknown>,
): void {
  let seq = root.get(key, true) as YamlNode | undefined;
  if (!isSeq(seq)) {
    seq = doc.createNode([]) as YAMLSeq;
    root.set(key, seq);
  }
  const list = seq as YAMLSeq;
  const wanted = new Map(items.map((i) => [i.id, i]));
  // Remove what is gone, update what changed, in place; existing items never move, so diffs stay small.
  list.items = list.items.filter((n) => {
    const id = isMap(n) ? n.get('id') : undefined;
    return typeof id === 'string' && wanted.has(id);
  });
  const present = new Set<string>();
  for (const n of list.items as YAMLMap[]) {
    const id = n.get('id') as string;
    present.add(id);
    updateNode(doc, n, plain(wanted.get(id) as T));
  }
  // New items go where the canonical order would put them, so a file stays sorted if it was.
  for (const item of items) {
    if (present.has(item.id)) continue;
    const node = doc.createNode(plain(item)) as YAMLMap;
    flowPositions(node);
    const at = list.items.findIndex((n) => compareToNode(item, n as YAMLMap) < 0);
    insertAt(list, at < 0 ? list.items.length : at, node);
  }
}

function compareToNode(item: { id: string; selectors: { position: { start: number; end: number } } }, node: YAMLMap): number {
  const start = node.getIn(['selectors', 'position', 'start']);
  const end = node.getIn(['selectors', 'position', 'end']);
  const id = node.get('id');
  if (typeof start !== 'number' || typeof end !== 'number' || typeof id !== 'string') return 1;
  const p = item.selectors.position;
  return p.start - start || p.end - end || (item.id < id ? -1 : item.id > id ? 1 : 0);
}

/** Sets each known key of `node` to `value`'s, recursing into maps; unknown keys of the node are left alone. */
function updateNode(doc: Document, node: YAMLMap, value: Record<string, unknown>): void {
  for (const item of [...node.items]) {
    const k = isScalar(item.key) ? item.key.value : undefined;
    if (typeof k === 'string' && KNOWN_KEYS.has(k) && !(k in value)) node.delete(k);
  }
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && typeof v === 'object' && k !== 'attributes') {
      const child = node.get(k, true) as YamlNode | undefined;
      if (isMap(child)) {
        updateNode(doc, child, v as Record<string, unknown>);
        continue;
      }
      const created = doc.createNode(v) as YAMLMap;
      if (k === 'position') created.flow = true;
      flowPositions(created);
      node.set(k, created);
    } else if (k === 'attributes') {
      const current = node.get(k, true) as YamlNode | undefined;
      if (!isMap(current) || !sameAttributes(current, v as Record<string, string>)) node.set(k, doc.createNode(v));
    } else {
      setScalar(doc, node, k, v as string | number);
    }
  }
}

const KNOWN_KEYS = new Set(['id', 'kind', 'label', 'entityId', 'note', 'attributes', 'author', 'created', 'modified', 'selectors']);

function sameAttributes(node: YAMLMap, value: Record<string, string>): boolean {
  const keys = Object.keys(value);
  if (node.items.length !== keys.length) return false;
  return keys.every((k) => {
    const v = node.get(k);
    return v !== undefined && String(v) === value[k];
  });
}

function setScalar(doc: Document, map: YAMLMap, key: string, value: string | number, index?: number): void {
  const current = map.get(key, true) as YamlNode | undefined;
  if (isScalar(current) && current.value === value) return;
  if (isScalar(current)) {
    // Keep the node (and any comment on it); only its value changes.
    current.value = value;
    return;
  }
  if (current === undefined && index !== undefined) insertAt(map, index, doc.createPair(key, value));
  else map.set(key, value);
}

function insertAt(collection: YAMLMap | YAMLSeq, index: number, item: unknown): void {
  (collection.items as unknown[]).splice(index, 0, item);
}

function flowPositions(node: YAMLMap): void {
  const position = node.getIn(['selectors', 'position'], true);
  if (isMap(position)) position.flow = true;
}

function annotationPlain(a: Annotation): Record<string, unknown> {
  const out: Record<string, unknown> = { id: a.id, kind: a.kind };
  if (a.label !== undefined) out.label = a.label;
  if (a.entityId !== undefined) out.entityId = a.entityId;
  if (a.note !== undefined) out.note = a.note;
  if (a.attributes !== undefined) out.attributes = { ...a.attributes };
  if (a.author !== undefined) out.author = a.author;
  out.created = a.created;
  out.modified = a.modified;
  out.selectors = selectorsPlain(a);
  return out;
}

function rejectionPlain(r: Rejection): Record<string, unknown> {
  const out: Record<string, unknown> = { id: r.id, kind: r.kind };
  if (r.author !== undefined) out.author = r.author;
  out.created = r.created;
  out.selectors = selectorsPlain(r);
  return out;
}

function selectorsPlain(x: Annotation | Rejection): Record<string, unknown> {
  const { position, quote } = x.selectors;
  return {
    position: { start: position.start, end: position.end },
    quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
  };
}
