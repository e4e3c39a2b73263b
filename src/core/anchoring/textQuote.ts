/**
 * Finding a quote again in a changed text, after Hypothesis' `matchQuote`: exact occurrences first, fuzzy ones
 * (Myers' bit-parallel algorithm from approx-string-match) only when there is none; each candidate is scored on
 * the quote, the prefix, the suffix and the distance to the position hint. The trade-off: prefix and suffix
 * weigh enough that a repeated phrase ("the treaty") lands on the occurrence whose surroundings match.
 */
import search from 'approx-string-match';
import type { QuoteSelector } from '../model/annotation';
import { fewestEdits } from './editDistance';

/** About this many characters of context are kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

export interface QuoteMatch {
  start: number;
  end: number;
  /** Overall score in [0, 1]; higher is better. */
  score: number;
  /** Similarity of the quote itself in [0, 1] (1 = exact). */
  quoteScore: number;
  /** Similarity of the text before and after the match to the stored prefix and suffix, in [0, 1]. */
  prefixScore: number;
  suffixScore: number;
  /** The part of `score` that comes from the text (quote and context), without the distance to the hint. */
  textScore: number;
}

export interface MatchOptions {
  /** Where the quote is expected to start (the stored position); breaks ties between equal candidates. */
  hint?: number;
  /** Fuzzy matches may differ from the quote in at most this fraction of its length. */
  maxErrorRate?: number;
  /** Score only this many candidates, those nearest the hint (a name may occur thousands of times). */
  maxScored?: number;
  /** Where the quote occurs exactly, when the caller has looked already (saves a pass over the text). */
  occurrences?: readonly number[];
  /** Candidates found per quote, shared across the calls of one re-anchoring (names repeat). */
  cache?: Map<string, Candidate[]>;
}

/** Where a quote (or something close to it) occurs. */
export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Builds the quote selector for `text.slice(start, end)`. */
export function describeQuote(text: string, start: number, end: number): QuoteSelector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, Math.min(text.length, end + CONTEXT_LENGTH)),
  };
}

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const TOTAL_WEIGHT = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/**
 * The best place for `quote` in `text`, or undefined when none is close enough. Only candidates whose quote
 * differs in at most `maxErrorRate` (default 0.2) of its characters are considered.
 */
export function matchQuote(text: string, quote: QuoteSelector, options: MatchOptions = {}): QuoteMatch | undefined {
  return rankQuoteMatches(text, quote, options)[0];
}

/** Every candidate with its score, best first: what {@link matchQuote} chooses from (for ambiguity checks). */
export function rankQuoteMatches(text: string, quote: QuoteSelector, options: MatchOptions = {}): QuoteMatch[] {
  let candidates = options.cache?.get(quote.exact);
  if (!candidates) {
    const found: Candidate[] = findCandidates(text, quote.exact, options.maxErrorRate ?? 0.2, options.occurrences);
    candidates = found;
    options.cache?.set(quote.exact, candidates);
  }
  if (options.maxScored !== undefined && candidates.length > options.maxScored) {
    candidates = nearest(candidates, options.hint ?? 0, options.maxScored);
  }
  return candidates.map((c) => scoreCandidate(text, quote, c, options.hint)).sort((a, b) => b.score - a.score);
}

/** The `n` candidates nearest `hint`; `candidates` are in text order. */
function nearest(candidates: readonly Candidate[], hint: number, n: number): Candidate[] {
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (candidates[mid].start < hint) lo = mid + 1;
    else hi = mid;
  }
  let left = lo - 1;
  let right = lo;
  const out: Candidate[] = [];
  while (out.length < n && (left >= 0 || right < candidates.length)) {
    const takeLeft = right >= candidates.length || (left >= 0 && hint - candidates[left].start <= candidates[right].start - hint);
    out.push(candidates[takeLeft ? left-- : right++]);
  }
  return out;
}

/**
 * Inexact occurrences of the quote near `hint`, even where exact ones exist elsewhere (which hide inexact ones
 * from a whole-text search): exact occurrences inside the window are masked out first.
 */
export function rankFuzzyNear(text: string, quote: QuoteSelector, hint: number, maxErrorRate = 0.2): QuoteMatch[] {
  const length = quote.exact.length;
  const maxErrors = Math.floor(length * maxErrorRate);
  if (length === 0 || maxErrors === 0) return [];
  const from = Math.max(0, hint - length - 64);
  const to = Math.min(text.length, hint + 2 * length + 64);
  let window = text.slice(from, to);
  for (let at = window.indexOf(quote.exact); at !== -1; at = window.indexOf(quote.exact, at + 1)) {
    window = window.slice(0, at) + '\u0000'.repeat(length) + window.slice(at + length);
  }
  return search(window, quote.exact, maxErrors)
    .filter((m) => m.errors > 0)
    .map((m) => scoreCandidate(text, quote, { start: m.start + from, end: m.end + from, errors: m.errors }, hint))
    .sort((a, b) => b.score - a.score);
}

function findCandidates(text: string, exact: string, maxErrorRate: number, occurrences?: readonly number[]): Candidate[] {
  if (exact.length === 0) return [];
  const found: Candidate[] = [];
  if (occurrences) {
    for (const at of occurrences) found.push({ start: at, end: at + exact.length, errors: 0 });
  } else {
    for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push({ start: at, end: at + exact.length, errors: 0 });
  }
  if (found.length > 0) return found;
  const maxErrors = Math.floor(exact.length * maxErrorRate);
  return maxErrors === 0 ? [] : search(text, exact, maxErrors);
}

function scoreCandidate(text: string, quote: QuoteSelector, c: Candidate, hint: number | undefined): QuoteMatch {
  const quoteScore = 1 - c.errors / quote.exact.length;
  const prefixScore = contextScore(text.slice(Math.max(0, c.start - quote.prefix.length), c.start), quote.prefix);
  const suffixScore = contextScore(text.slice(c.end, c.end + quote.suffix.length), quote.suffix);
  const positionScore = hint === undefined || text.length === 0 ? 1 : 1 - Math.min(1, Math.abs(c.start - hint) / text.length);
  // Context scores are squared: one side that agrees well is strong evidence, two sides that half agree (as
  // any two stretches of English do) are not.
  const fromText = WEIGHTS.quote * quoteScore + WEIGHTS.prefix * prefixScore ** 2 + WEIGHTS.suffix * suffixScore ** 2;
  const raw = fromText + WEIGHTS.position * positionScore;
  return { start: c.start, end: c.end, score: raw / TOTAL_WEIGHT, quoteScore, prefixScore, suffixScore, textScore: fromText / TOTAL_WEIGHT };
}

/**
 * How well the text beside a candidate matches the stored context, in [0, 1]. An empty stored context (a quote
 * at the very start or end of its text) matches only when the candidate is also at the edge.
 */
export function contextScore(actual: string, expected: string): number {
  if (expected.length === 0) return actual.length === 0 ? 1 : 0.5;
  if (actual === expected) return 1;
  if (actual.length === 0) return 0;
  // Characters of expected that fall outside actual count as errors: at most all of them.
  const errors = Math.min(expected.length, fewestEdits(actual, expected));
  return Math.max(0, 1 - errors / expected.length);
}
