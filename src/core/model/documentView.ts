/**
 * What every feature reads about one document: the automatic mentions and the user's annotations reconciled
 * into one list. Manual annotations win over automatic mentions of the same kind they overlap, rejected
 * automatic mentions disappear, and annotations that could not be placed are listed as orphans with the reason,
 * never dropped.
 */
import type { Annotation, DocumentMetadata, Rejection, Sidecar } from './annotation';
import { compareMentions, type Mention } from './mention';
import { linkManualPeople } from '../recognizers/speakers/manualPeople';
import { reanchor, type Orphan, type PlacementStatus } from '../anchoring/reanchor';

/** A manual annotation placed on the current text. */
export interface PlacedAnnotation {
  annotation: Annotation;
  /** Where it is now (may differ from its stored position after edits). */
  start: number;
  end: number;
  status: PlacementStatus;
  /** The mention it contributes to {@link DocumentView.mentions}. */
  mention: Mention;
}

export interface DocumentView {
  /** Automatic and manual mentions after reconciling, sorted by {@link compareMentions}. */
  mentions: Mention[];
  /** Manual annotations that were placed, sorted by position. */
  placed: PlacedAnnotation[];
  /** Manual annotations that could not be placed, with the reason. */
  orphans: Orphan<Annotation>[];
  /** Automatic mentions hidden by a rejection, with the rejection that hid each. */
  rejected: { mention: Mention; rejection: Rejection }[];
  /** Rejections that match no automatic mention any more (kept; they may match again after an edit). */
  unmatchedRejections: Rejection[];
  /** Automatic mentions hidden because a manual annotation of the same kind overlaps them. */
  superseded: Mention[];
  metadata: DocumentMetadata;
}

/**
 * Reconciles the automatic mentions of `text` with the sidecar. Manual mentions carry their annotation id,
 * label and note in `attributes` (`annotationId`, `label`, `note`) so features can act on them.
 */
export function reconcile(autoMentions: readonly Mention[], sidecar: Sidecar, text: string): DocumentView {
  const anchored = reanchor(sidecar.annotations, text);
  const placed: PlacedAnnotation[] = anchored.placed
    .map((p) => ({ annotation: p.item, start: p.start, end: p.end, status: p.status, mention: manualMention(p.item, p.start, p.end, text) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);

  const rejectionPlaces = reanchor(sidecar.rejections, text).placed;
  const rejected: DocumentView['rejected'] = [];
  const matchedRejections = new Set<string>();
  const superseded: Mention[] = [];
  const kept: Mention[] = [];
  for (const m of autoMentions) {
    if (m.source !== 'auto') {
      kept.push(m);
      continue;
    }
    const rejection = rejectionPlaces.find((r) => r.item.kind === m.kind && r.start === m.start && r.end === m.end);
    if (rejection) {
      rejected.push({ mention: m, rejection: rejection.item });
      matchedRejections.add(rejection.item.id);
      continue;
    }
    if (placed.some((p) => p.annotation.kind === m.kind && p.start < m.end && m.start < p.end)) {
      superseded.push(m);
      continue;
    }
    kept.push(m);
  }
  const mentions = linkManualPeople([...kept, ...placed.map((p) => p.mention)].sort(compareMentions));
  return {
    mentions,
    placed,
    orphans: anchored.orphans,
    rejected,
    unmatchedRejections: sidecar.rejections.filter((r) => !matchedRejections.has(r.id)),
    superseded,
    metadata: sidecar.document,
  };
}

function manualMention(a: Annotation, start: number, end: number, text: string): Mention {
  const attributes: Record<string, string> = { ...(a.attributes ?? {}), annotationId: a.id };
  if (a.label !== undefined) attributes.label = a.label;
  if (a.note !== undefined) attributes.note = a.note;
  const mention: Mention = { kind: a.kind, start, end, text: text.slice(start, end), source: 'manual', attributes };
  if (a.entityId !== undefined) mention.entityId = a.entityId;
  return mention;
}
