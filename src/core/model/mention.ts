/**
 * The shared model of one place in one text. Every feature (decorations, hovers, tree, symbols, export)
 * reads mentions; recognizers produce them and the sidecar adds manual ones. Offsets are UTF-16 code units,
 * end exclusive, exactly as `String.prototype.slice` and VS Code count them.
 */

/** The three kinds Marginalia recognizes, plus `person` for people named without speaking. */
export type EntityKind = 'speaker' | 'date' | 'treaty' | 'person';

/**
 * Manual annotations may also carry a user-defined label; `custom` is their kind. `quote` is what a person said,
 * a span of a derived layer (`layer: 'quotes'`) whose `entityId` is the speaker's.
 */
export type MentionKind = EntityKind | 'custom' | 'quote';
/** The kinds that are highlighted, listed and annotated by hand: every kind but the quote layer's. */
export type HighlightKind = Exclude<MentionKind, 'quote'>;

export const ENTITY_KINDS: readonly EntityKind[] = ['speaker', 'date', 'treaty', 'person'];

/** Precision of a normalised date value. */
export type DatePrecision = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'season' | 'year' | 'decade' | 'century';

export interface Mention {
  /** What kind of entity this place names. */
  kind: MentionKind;
  /** UTF-16 offset of the first code unit. */
  start: number;
  /** UTF-16 offset after the last code unit (exclusive). */
  end: number;
  /** `text.slice(start, end)`, kept so consumers need not hold the document. */
  text: string;
  /** Canonical entity this mention refers to (`person:sergey-ryabkov`, `treaty:new-start`, `date:2022-12-01`). */
  entityId?: string;
  /** Normalised value: ISO 8601 for dates (`2022-12-01`, `2022-12`, `2022-W49`), canonical name otherwise. */
  value?: string;
  /** Extra facts about this mention: date precision and resolution, speaker role, the recognition rule... */
  attributes?: Record<string, string>;
  /** `auto` when a recognizer found it, `manual` when it comes from the user's sidecar. */
  source: 'auto' | 'manual';
  /** Optional layer name for derived mentions that are not spans of the main layer (e.g. `turns`). */
  layer?: string;
}

/** Orders mentions by start, then longer first, then kind: the one order every consumer can rely on. */
export function compareMentions(a: Mention, b: Mention): number {
  return a.start - b.start || b.end - a.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}

/**
 * Two lists sorted by {@link compareMentions} as one sorted list; on a tie the mention of `a` comes first, as a
 * stable sort of `a` followed by `b` would give. Returns `a` itself when `b` is empty.
 */
export function mergeSortedMentions(a: Mention[], b: readonly Mention[]): Mention[] {
  if (b.length === 0) return a;
  // Pushed, not stored into `new Array(n)`: that array's elements change kind at the first store (small integers
  // to objects, with holes), and the optimised loop deoptimised on it.
  const out: Mention[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareMentions(b[j], a[i]) < 0 ? b[j++] : a[i++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
