/**
 * Adapts the mentions features read (a reconciled DocumentView) to what exporters take. The view carries a
 * manual annotation's id, label and note in `attributes` (`annotationId`, `label`, `note`); exporters want
 * them as fields, and must not export them a second time as attributes.
 */
import type { Mention } from '../model/mention';
import type { ExportMention } from './types';

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
