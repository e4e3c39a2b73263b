/**
 * Placing stored annotations on a text that may have changed since they were made (git pull, another editor).
 * The position is only a hint; the quote and its context decide. Anything that cannot be placed with confidence
 * becomes an orphan with a reason: kept, listed, never dropped (reliability #22). The bias is deliberate:
 * an orphan costs the user a click, an annotation silently moved to the wrong place costs their trust.
 */
import type { QuoteSelector, Selectors } from '../model/annotation';
import { normalizeSnippet, normalizeText, type NormalizedText } from './normalizedText';
import { orphanMessage, type OrphanFacts } from './orphanWords';
import { nearestWithContext, OccurrenceIndex, quickPlace } from './exactPlace';
import {
  contextScore,
  describeQuote,
  rankFuzzyNear,
  rankQuoteMatches,
  type Candidate,
  type QuoteMatch,
} from './textQuote';

/** Anything with an id and selectors: annotations and rejections. */
export interface Anchorable {
  id: string;
  selectors: Selectors;
}

/** How an item was placed. `exact`: where it was; `shifted`: same text elsewhere; `fuzzy`: the quote changed. */
export type PlacementStatus = 'exact' | 'shifted' | 'fuzzy';

export interface Placed<T> {
  item: T;
  start: number;
  end: number;
  status: PlacementStatus;
}

export type { OrphanReason } from './orphanWords';

/** Why an item could not be placed: the facts ({@link OrphanFacts}) and the sentence in English. */
export interface Orphan<T> extends OrphanFacts {
  item: T;
  /** One sentence for the user (tree tooltip, Problems panel, `marginalia check`); `orphanMessage` words it in another language. */
  message: string;
  /** With `ambiguous`: the places that fit equally well, in text order, for the user to choose from. */
  candidates?: Array<{ start: number; end: number }>;
}

export interface ReanchorResult<T> {
  /** Placed items, in the order they were given. */
  placed: Placed<T>[];
  orphans: Orphan<T>[];
}

/** Below these, a candidate is not trusted (see the module comment for the bias). */
const MIN_CONTEXT_FOR_EXACT = 0.75;
const MIN_CONTEXT_FOR_FUZZY = 0.75;
/**
 * A changed quote is looked for with at most this fraction of its characters different; that cap is the only
 * threshold on the quote itself (every candidate the search returns is within it).
 */
const MAX_QUOTE_ERRORS = 0.2;
const ONE_SIDE_ENOUGH = 0.9;
const MIN_OTHER_SIDE = 0.6;
/** Trusted candidates whose scores differ by less than this are a tie: the user chooses, not the position. */
const AMBIGUOUS_MARGIN = 0.02;
/** Places listed for an ambiguous orphan. */
const MAX_LISTED = 5;
/** Candidates scored per quote: the nearest to where it was. Farther ones only count when context is exact. */
const MAX_SCORED = 20;
/** What the searches of one re-anchoring share: candidates per quote, and the line starts for messages. */
interface SearchState {
  candidates: Map<string, Candidate[]>;
  lines?: number[];
}

/** A side with less context than this on the quote's own line is too little evidence on its own. */
const MIN_LINE_CONTEXT = 8;

/** Places every item on `text`; each ends up in exactly one of `placed` or `orphans`. */
export function reanchor<T extends Anchorable>(items: readonly T[], text: string): ReanchorResult<T> {
  const order = items.map((_, i) => i).sort((a, b) => items[a].selectors.position.start - items[b].selectors.position.start);
  const placedAt: (Placed<T> | undefined)[] = new Array(items.length);
  const orphans: Orphan<T>[] = [];
  let normalized: NormalizedText | undefined;
  // Edits shift everything after them by the same amount: trying the last item's shift first makes re-anchoring
  // after an edit linear instead of a search per annotation.
  let delta = 0;
  let normalizedDelta = 0;
  const search: SearchState = { candidates: new Map() };
  const rawIndex = new OccurrenceIndex(text);
  let normalizedIndex: OccurrenceIndex | undefined;
  const isNormal = () => (normalized ??= normalizeText(text)).text === text;
  for (const index of order) {
    const item = items[index];
    const { position, quote } = item.selectors;
    if (quote.exact.length === 0) {
      orphans.push({ item, reason: 'empty-quote', message: orphanMessage({ reason: 'empty-quote' }, '') });
      continue;
    }
    let quick = quickPlace(quote, position.start, delta, rawIndex) ?? nearestWithContext(quote, position.start + delta, rawIndex, isNormal);
    // In a text written differently from the stored context (CRLF, NFD, a BOM), a place whose context agrees only
    // in part can be a coincidence of short lines at an offset that means another place there: where the
    // normalised context agrees whole, the normalised search below places it.
    if (quick !== undefined && !agreesWhole(text, quote, quick) && !isNormal()) {
      const nq = normalizeQuote(quote);
      const nIndex = (normalizedIndex ??= new OccurrenceIndex((normalized as NormalizedText).text));
      const whole = quickPlace(nq, position.start, normalizedDelta, nIndex) ?? nearestWithContext(nq, position.start + normalizedDelta, nIndex);
      if (whole !== undefined && agreesWhole(nIndex.text, nq, whole)) quick = undefined;
    }
    if (quick !== undefined) {
      delta = quick - position.start;
      placedAt[index] = { item, start: quick, end: quick + quote.exact.length, status: delta === 0 ? 'exact' : 'shifted' };
      continue;
    }
    normalized ??= normalizeText(text);
    const nq = normalizeQuote(quote);
    // Stored positions made on the LF twin of a CRLF text are valid offsets into the normalised text.
    const nQuick =
      normalized.text === text
        ? undefined
        : (quickPlace(nq, position.start, normalizedDelta, (normalizedIndex ??= new OccurrenceIndex(normalized.text))) ??
          nearestWithContext(nq, position.start + normalizedDelta, (normalizedIndex ??= new OccurrenceIndex(normalized.text))));
    if (nQuick !== undefined) {
      normalizedDelta = nQuick - position.start;
      const start = normalized.toOriginal(nQuick);
      const end = normalized.toOriginal(nQuick + nq.exact.length);
      delta = start - position.start;
      placedAt[index] = { item, start, end, status: delta === 0 ? 'exact' : 'shifted' };
      continue;
    }
    const occurrences = normalized.text === text ? rawIndex : (normalizedIndex ??= new OccurrenceIndex(normalized.text));
    const result = searchPlace(normalized, nq, quote, position.start + delta, search, occurrences);
    if ('reason' in result) {
      orphans.push({ item, ...result });
      continue;
    }
    delta = result.start - position.start;
    normalizedDelta = normalized.fromOriginal(result.start) - position.start;
    const status = result.status === 'shifted' && delta === 0 ? 'exact' : result.status;
    placedAt[index] = { item, start: result.start, end: result.end, status };
  }
  return { placed: placedAt.filter((p): p is Placed<T> => p !== undefined), orphans };
}

/** True when every character of the stored context agrees at `at`, on both sides: no coincidence does that. */
function agreesWhole(text: string, quote: QuoteSelector, at: number): boolean {
  return at >= quote.prefix.length && text.startsWith(quote.prefix, at - quote.prefix.length) && text.startsWith(quote.suffix, at + quote.exact.length);
}

function normalizeQuote(quote: QuoteSelector): QuoteSelector {
  return { exact: normalizeSnippet(quote.exact), prefix: normalizeSnippet(quote.prefix), suffix: normalizeSnippet(quote.suffix) };
}

function searchPlace(
  normalized: NormalizedText,
  q: QuoteSelector,
  quote: QuoteSelector,
  hint: number,
  search: SearchState,
  index: OccurrenceIndex,
): { start: number; end: number; status: PlacementStatus } | Omit<Orphan<unknown>, 'item'> {
  const nHint = normalized.fromOriginal(Math.max(0, hint));
  const exact = rankQuoteMatches(normalized.text, q, {
    hint: nHint,
    maxErrorRate: 0,
    maxScored: MAX_SCORED,
    occurrences: index.of(q.exact),
    cache: search.candidates,
  });
  // A changed quote is looked for only near where it was (a typo inside a name), even when it has an exact
  // twin elsewhere, and the scores decide; near, so that the work per quote stays small whatever the text.
  const fuzzy = rankFuzzyNear(normalized.text, q, nHint, MAX_QUOTE_ERRORS);
  const scored = [...exact, ...fuzzy].map((m) => lineScores(m, q, normalized.text));
  const trusted = scored.filter((c) => isTrusted(c, scored)).map((c) => c.match).sort((a, b) => b.score - a.score);
  const best = trusted[0];
  const runnerUp = trusted.filter((m) => m !== best).sort((a, b) => b.textScore - a.textScore)[0];
  // Compared on the text alone: how near each is to where the quote was must not settle a tie.
  if (best && runnerUp && Math.abs(best.textScore - runnerUp.textScore) < AMBIGUOUS_MARGIN) {
    const tied = trusted.filter((m) => Math.abs(best.textScore - m.textScore) < AMBIGUOUS_MARGIN).sort((a, b) => a.start - b.start);
    const listed = tied.slice(0, MAX_LISTED);
    const lines = (search.lines ??= lineStarts(normalized.text));
    const facts: OrphanFacts = { reason: 'ambiguous', fits: tied.length, lines: listed.map((m) => lineOf(lines, m.start)) };
    return {
      ...facts,
      message: orphanMessage(facts, quote.exact),
      candidates: listed.map((m) => ({ start: normalized.toOriginal(m.start), end: normalized.toOriginal(m.end) })),
    };
  }
  if (!best) {
    if (exact.length === 0 && fuzzy.length === 0) {
      return { reason: 'quote-not-found', message: orphanMessage({ reason: 'quote-not-found' }, quote.exact) };
    }
    const facts: OrphanFacts = exact.length > 0 ? { reason: 'context-mismatch' } : { reason: 'context-mismatch', similarOnly: true };
    return { ...facts, message: orphanMessage(facts, quote.exact) };
  }
  const start = normalized.toOriginal(best.start);
  const end = normalized.toOriginal(best.end);
  return { start, end, status: best.quoteScore === 1 ? 'shifted' : 'fuzzy' };
}

/**
 * A candidate's context compared line against line: `prefixLine`/`suffixLine` score the text on the quote's own
 * line (0 when there is too little of it to count alone); `prefixSide`/`suffixSide` are what each side counts
 * when both must agree, with text across a line break counting only if the short text before it agrees exactly
 * (after a deleted paragraph the next one's opening can match while the quote's own line does not).
 */
interface LineScores {
  match: QuoteMatch;
  prefixLine: number;
  suffixLine: number;
  prefixSide: number;
  suffixSide: number;
}

function lineScores(m: QuoteMatch, q: QuoteSelector, text: string): LineScores {
  const tail = (s: string) => s.slice(s.lastIndexOf('\n') + 1);
  const head = (s: string) => (s.includes('\n') ? s.slice(0, s.indexOf('\n')) : s);
  const storedPrefix = tail(q.prefix);
  const storedSuffix = head(q.suffix);
  const actualPrefix = tail(text.slice(Math.max(0, m.start - storedPrefix.length), m.start));
  const actualSuffix = head(text.slice(m.end, m.end + storedSuffix.length));
  const wholeLine = storedPrefix.length === 0 && storedSuffix.length === 0;
  // A candidate right after a paragraph break has no same-line prefix at all.
  // With no line break on either side, the line is the whole context, scored already.
  const score = (actual: string, stored: string, full: string, whole: number) =>
    stored.length === full.length && actual.length === full.length ? whole : contextScore(actual, stored);
  const prefixLine = storedPrefix.length >= MIN_LINE_CONTEXT ? score(actualPrefix, storedPrefix, q.prefix, m.prefixScore) : wholeLine ? m.prefixScore : 0;
  const suffixLine = storedSuffix.length >= MIN_LINE_CONTEXT ? score(actualSuffix, storedSuffix, q.suffix, m.suffixScore) : wholeLine ? m.suffixScore : 0;
  const side = (stored: string, actual: string, line: number, whole: number) =>
    stored.length >= MIN_LINE_CONTEXT ? line : stored.length === 0 || stored === actual ? whole : 0;
  return {
    match: m,
    prefixLine,
    suffixLine,
    prefixSide: side(storedPrefix, actualPrefix, prefixLine, m.prefixScore),
    suffixSide: side(storedSuffix, actualSuffix, suffixLine, m.suffixScore),
  };
}

/**
 * One side of the context agreeing closely is enough, if that side has text on the quote's own line and no other
 * candidate agrees on that side as closely (a speaker label before every answer tells none of them apart);
 * otherwise both sides must agree somewhat. Two sentences that share a phrase ("...and Deputy Minister...")
 * agree on one side only partly, and that is not enough.
 */
function isTrusted(c: LineScores, all: readonly LineScores[]): boolean {
  const m = c.match;
  const alone = (side: 'prefixLine' | 'suffixLine') => c[side] >= ONE_SIDE_ENOUGH && all.every((o) => o === c || o[side] < ONE_SIDE_ENOUGH);
  if (alone('prefixLine') || alone('suffixLine')) return true;
  const best = Math.max(c.prefixSide, c.suffixSide);
  const worst = Math.min(c.prefixSide, c.suffixSide);
  const minBest = m.quoteScore === 1 ? MIN_CONTEXT_FOR_EXACT : MIN_CONTEXT_FOR_FUZZY;
  return best >= minBest && worst >= MIN_OTHER_SIDE;
}

/** Where each line of a text starts (for messages). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** 1-based line of an offset. */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}


/** The item with its selectors recorded afresh at `start`..`end` of `text` (after it was placed or moved). */
export function withSelectors<T extends Anchorable>(item: T, text: string, start: number, end: number): T {
  return { ...item, selectors: { position: { start, end }, quote: describeQuote(text, start, end) } };
}
