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
import type { Placements } from '../anchoring/backgroundReanchor';
import type { Entity } from './entity';
import type { DocumentDate } from '../recognizers/context';

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

/**
 * What a document shows: its analysis ({@link AnalysisResult} in analyze.ts) reconciled with its sidecar. Made by
 * documentPipeline.ts (`reconciledView`, `viewDocument`; {@link reconcile} and {@link analysisView} here) for every
 * host. Read by the workspace index (`WorkspaceIndex.setDocument` keeps its mentions, entities and date), the
 * editor's sidecar host (placed annotations and orphans: Problems, the Orphans view, the annotation commands), the
 * export pipeline and the CLI's `analyze`, `export` and `check`.
 */
export interface DocumentView {
  /** Automatic and manual mentions after reconciling, sorted by {@link compareMentions}. */
  mentions: Mention[];
  /** The canonical entities the analysis linked the mentions to. */
  entities: Entity[];
  /** The date relative dates were resolved against: the user's (given, or the sidecar's), else the analysis's. */
  documentDate?: DocumentDate;
  /**
   * True when the sidecar's annotations and rejections were placed on the text (it has some): the lists below say
   * where. False for a document without them: the lists are empty and `mentions` are the analysis's own.
   */
  reconciled: boolean;
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
  /** The sidecar's metadata (title, source, date), when the document has a sidecar. */
  metadata?: DocumentMetadata;
}

/** What a view is made from: the analysis's mentions, entities and date (see AnalysisResult). */
type Analysed = Pick<DocumentView, 'mentions' | 'entities' | 'documentDate'>;

/** The view of a document whose sidecar has no annotations or rejections: the analysis as it is. */
export function analysisView(auto: Analysed, documentDate: DocumentDate | undefined, metadata?: DocumentMetadata): DocumentView {
  const view: DocumentView = {
    mentions: auto.mentions,
    entities: auto.entities,
    documentDate,
    reconciled: false,
    placed: [],
    orphans: [],
    rejected: [],
    unmatchedRejections: [],
    superseded: [],
  };
  if (metadata) view.metadata = metadata;
  return view;
}

/**
 * Reconciles the analysis of `text` with the sidecar. Manual mentions carry their annotation id,
 * label and note in `attributes` (`annotationId`, `label`, `note`) so features can act on them. `placements`:
 * the sidecar's annotations and rejections already placed on `text` (see BackgroundReanchor), else placed here.
 */
export function reconcile(
  auto: Analysed,
  sidecar: Sidecar,
  text: string,
  placements?: Placements<Annotation, Rejection>,
): DocumentView {
  const autoMentions = auto.mentions;
  const anchored = placements?.annotations ?? reanchor(sidecar.annotations, text);
  const placed: PlacedAnnotation[] = anchored.placed
    .map((p) => ({ annotation: p.item, start: p.start, end: p.end, status: p.status, mention: manualMention(p.item, p.start, p.end, text) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);

  const rejectionPlaces = (placements?.rejections ?? reanchor(sidecar.rejections, text)).placed;
  const rejected: DocumentView['rejected'] = [];
  const matchedRejections = new Set<string>();
  const superseded: Mention[] = [];
  const kept: Mention[] = [];
  // Looked up per mention, not searched: a long document has thousands of mentions and annotations.
  const rejectionAt = new Map<string, (typeof rejectionPlaces)[number]>();
  for (const r of rejectionPlaces) {
    const key = `${r.item.kind}:${r.start}:${r.end}`;
    if (!rejectionAt.has(key)) rejectionAt.set(key, r);
  }
  const overlapsPlaced = placedOverlap(placed);
  for (const m of autoMentions) {
    if (m.source !== 'auto') {
      kept.push(m);
      continue;
    }
    const rejection = rejectionAt.get(`${m.kind}:${m.start}:${m.end}`);
    if (rejection) {
      rejected.push({ mention: m, rejection: rejection.item });
      matchedRejections.add(rejection.item.id);
      continue;
    }
    if (overlapsPlaced(m)) {
      superseded.push(m);
      continue;
    }
    kept.push(m);
  }
  const mentions = linkManualPeople([...kept, ...placed.map((p) => p.mention)].sort(compareMentions));
  return {
    mentions,
    entities: auto.entities,
    documentDate: auto.documentDate,
    reconciled: true,
    placed,
    orphans: anchored.orphans,
    rejected,
    unmatchedRejections: sidecar.rejections.filter((r) => !matchedRejections.has(r.id)),
    superseded,
    metadata: sidecar.document,
  };
}

/**
 * Whether a mention overlaps a placed annotation of its kind: per kind, the annotations by start with the
 * furthest end among those up to each, so that one binary search answers (annotations may overlap each other).
 */
function placedOverlap(placed: readonly PlacedAnnotation[]): (m: Mention) => boolean {
  const byKind = new Map<string, { starts: number[]; maxEnds: number[] }>();
  for (const p of placed) {
    let k = byKind.get(p.annotation.kind);
    if (!k) byKind.set(p.annotation.kind, (k = { starts: [], maxEnds: [] }));
    k.maxEnds.push(Math.max(p.end, k.maxEnds[k.maxEnds.length - 1] ?? -Infinity));
    k.starts.push(p.start);
  }
  return (m) => {
    const k = byKind.get(m.kind);
    if (!k) return false;
    // The annotations starting before the mention ends; one of them overlaps it if the furthest end passes its start.
    let lo = 0;
    let hi = k.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (k.starts[mid] < m.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && k.maxEnds[lo - 1] > m.start;
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
