/**
 * Adapts the mentions features read (a reconciled DocumentView) to what exporters take. The view carries a
 * manual annotation's id, label and note in `attributes` (`annotationId`, `label`, `note`); exporters want
 * them as fields, and must not export them a second time as attributes.
 */
import type { Mention } from '../model/mention';
import type { ExportDocument, ExportMention } from './types';

const LIFTED = ['annotationId', 'label', 'note'];

/** One view mention as an export mention: id, label and note lifted out of `attributes`. */
export function toExportMention(m: Mention): ExportMention {
  const attrs = m.attributes;
  if (!attrs || !LIFTED.some((k) => k in attrs)) return { ...m };
  const out: ExportMention = { ...m };
  const rest: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (!LIFTED.includes(k)) rest[k] = v;
  if (Object.keys(rest).length > 0) out.attributes = rest;
  else delete out.attributes;
  if (attrs.annotationId) out.id = attrs.annotationId;
  if (attrs.label) out.label = attrs.label;
  if (attrs.note) out.note = attrs.note;
  return out;
}

/** The parts of a reconciled document view an export needs (structural, so any view shape fits). */
export interface ViewLike {
  mentions: readonly Mention[];
  /** Placed manual annotations, for their author and timestamps. */
  placed?: readonly { annotation: { id: string; author?: string; created?: string; modified?: string } }[];
  metadata?: { title?: string; date?: string; source?: string };
}

/**
 * One export document from a document's text and its reconciled view: what the editor command calls for
 * each selected document before `exportDocuments(format, documents, options)`.
 */
export function documentFromView(path: string, text: string, view: ViewLike): ExportDocument {
  const byId = new Map((view.placed ?? []).map((p) => [p.annotation.id, p.annotation]));
  const mentions = view.mentions.map((m) => {
    const out = toExportMention(m);
    const a = out.id ? byId.get(out.id) : undefined;
    if (a?.author) out.author = a.author;
    if (a?.created) out.created = a.created;
    if (a?.modified) out.modified = a.modified;
    return out;
  });
  const doc: ExportDocument = { path, text, mentions };
  const { title, date, source } = view.metadata ?? {};
  const metadata = Object.fromEntries(Object.entries({ title, date, source }).filter(([, v]) => v !== undefined));
  if (Object.keys(metadata).length > 0) doc.metadata = metadata;
  return doc;
}
