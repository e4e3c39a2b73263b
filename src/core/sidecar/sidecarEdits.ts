/**
 * Changes to a sidecar, as data. The store keeps the edits made since the last save and replays them on the
 * file as it is on disk at save time, so an external change (git pull, a second window, another process) and
 * the user's edits are merged instead of one overwriting the other (reliability #5, #6). Every edit carries
 * the whole new item, so replaying an update of an annotation someone else deleted brings it back rather
 * than losing the user's work.
 */
import type { Annotation, DocumentMetadata, Rejection, Sidecar } from '../model/annotation';

export type SidecarEdit =
  /** Adds the annotation or replaces the one with its id. */
  | { type: 'putAnnotation'; annotation: Annotation }
  | { type: 'removeAnnotation'; id: string }
  /** Adds the rejection or replaces the one with its id. */
  | { type: 'putRejection'; rejection: Rejection }
  | { type: 'removeRejection'; id: string }
  /** Sets the given metadata fields; a field given as undefined is removed. */
  | { type: 'setMetadata'; metadata: Partial<DocumentMetadata> };

/** The sidecar after one edit. Pure: `sidecar` is not modified. */
export function applyEdit(sidecar: Sidecar, edit: SidecarEdit): Sidecar {
  switch (edit.type) {
    case 'putAnnotation':
      return { ...sidecar, annotations: put(sidecar.annotations, edit.annotation) };
    case 'removeAnnotation':
      return { ...sidecar, annotations: sidecar.annotations.filter((a) => a.id !== edit.id) };
    case 'putRejection':
      return { ...sidecar, rejections: put(sidecar.rejections, edit.rejection) };
    case 'removeRejection':
      return { ...sidecar, rejections: sidecar.rejections.filter((r) => r.id !== edit.id) };
    case 'setMetadata': {
      const document: DocumentMetadata = { ...sidecar.document };
      for (const key of ['title', 'source', 'date', 'fingerprint'] as const) {
        if (!(key in edit.metadata)) continue;
        const value = edit.metadata[key];
        if (value === undefined) delete document[key];
        else document[key] = value;
      }
      return { ...sidecar, document };
    }
  }
}

/** The sidecar after all edits, in order. */
export function applyEdits(sidecar: Sidecar, edits: readonly SidecarEdit[]): Sidecar {
  return edits.reduce(applyEdit, sidecar);
}

function put<T extends { id: string }>(items: readonly T[], item: T): T[] {
  const i = items.findIndex((x) => x.id === item.id);
  if (i < 0) return [...items, item];
  const copy = [...items];
  copy[i] = item;
  return copy;
}

/** Deep equality of two sidecars' content (order of annotations ignored), to skip writes that change nothing. */
export function sameSidecar(a: Sidecar, b: Sidecar): boolean {
  return canonicalKey(a) === canonicalKey(b);
}

function canonicalKey(s: Sidecar): string {
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return JSON.stringify([s.version, sortKeys(s.document), byId(s.annotations).map(sortKeys), byId(s.rejections).map(sortKeys)]);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sortKeys(v);
  }
  return out;
}
