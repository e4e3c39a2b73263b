/**
 * Cheap, exact checks of a quote's surroundings, used before any fuzzy search. Only context on the quote's own
 * line counts as evidence on its own: text across a line break belongs to the neighbouring paragraph, and
 * paragraphs move. (A speaker label such as "OKAFOR:" at the start of each answer has the previous question as
 * its prefix; after the answers are reordered, that prefix would point at the wrong answer.)
 *
 * Nor does context that repeats: "MR. HALE: " before "Yeah" agrees at every answer of a transcript, and "On "
 * before "December 1" at every paragraph that opens with that date. Such a side agrees wherever the quote
 * occurs, so it says nothing about which occurrence is the annotated one, and it must not outweigh the other
 * side disagreeing (issue 15: one Q&A pair deleted moved its annotation onto the next answer).
 */
import type { QuoteSelector } from '../model/annotation';
import { CONTEXT_LENGTH } from './textQuote';

/** Below this many characters on the quote's own line, a side is too short to count on its own. */
const MIN_LOCAL = 8;

export interface Agreement {
  /** Characters of the stored prefix that match the text right before the candidate, counted outward. */
  prefixRun: number;
  /** Characters of the stored suffix that match the text right after the candidate. */
  suffixRun: number;
  /** True when the context agrees enough to place the quote here without scoring. */
  strong: boolean;
}

/** How often a string occurs in the text (callers cache it; only 0, 1 and "more" matter). */
export type OccurrenceCount = (s: string) => number;

/**
 * The context that must agree, on one side at least, for {@link agreementAt} to call a place strong: the text
 * on the quote's own line, or the whole stored side when there is none on the line.
 */
export function sidesThatAgree(quote: QuoteSelector): { before: string; after: string } {
  const { prefix, suffix } = quote;
  const prefixLocal = prefix.length - (prefix.lastIndexOf('\n') + 1);
  const newline = suffix.indexOf('\n');
  const suffixLocal = newline < 0 ? suffix.length : newline;
  return { before: prefixLocal > 0 ? prefix.slice(prefix.length - prefixLocal) : prefix, after: suffixLocal > 0 ? suffix.slice(0, suffixLocal) : suffix };
}

/** How the text around an exact occurrence of the quote at `start` agrees with its stored context. */
export function agreementAt(text: string, quote: QuoteSelector, start: number, count: OccurrenceCount = countIn(text)): Agreement {
  const { prefix, suffix, exact } = quote;
  const end = start + exact.length;
  let prefixRun = 0;
  while (prefixRun < prefix.length && start - prefixRun > 0 && text.charCodeAt(start - prefixRun - 1) === prefix.charCodeAt(prefix.length - prefixRun - 1)) {
    prefixRun++;
  }
  let suffixRun = 0;
  while (suffixRun < suffix.length && end + suffixRun < text.length && text.charCodeAt(end + suffixRun) === suffix.charCodeAt(suffixRun)) {
    suffixRun++;
  }
  // A context shorter than usual was cut by the edge of the text: it agrees only at that edge again.
  const prefixWhole = prefixRun === prefix.length && (prefix.length >= CONTEXT_LENGTH || start === prefix.length);
  const suffixWhole = suffixRun === suffix.length && (suffix.length >= CONTEXT_LENGTH || end + suffix.length === text.length);
  const prefixLocal = prefix.length - (prefix.lastIndexOf('\n') + 1);
  const newline = suffix.indexOf('\n');
  const suffixLocal = newline < 0 ? suffix.length : newline;
  // A quote that is a whole line has no context of its own: its neighbouring lines are all there is.
  if (prefixLocal === 0 && suffixLocal === 0) return { prefixRun, suffixRun, strong: prefixWhole || suffixWhole };
  // A side agrees when all its text on the quote's line matches, or, with none on the line, across the break.
  const prefixAgrees = prefixLocal > 0 ? prefixRun >= prefixLocal : prefixWhole;
  const suffixAgrees = suffixLocal > 0 ? suffixRun >= suffixLocal : suffixWhole;
  // Both sides agreeing needs no uniqueness check (the common case: the quote where it was, or shifted).
  if (prefixAgrees && suffixAgrees) return { prefixRun, suffixRun, strong: true };
  // One side alone must be long enough on the line and occur with the quote only here; a side that repeats
  // (a label, a stock phrase after it) counts together with enough of the other side on the line, if that
  // combination occurs only here (the sentence's own opening before a name that recurs with the same words).
  const before = prefixAgrees ? (prefixLocal > 0 ? prefix.slice(prefix.length - prefixLocal) : prefix) : undefined;
  const after = suffixAgrees ? (suffixLocal > 0 ? suffix.slice(0, suffixLocal) : suffix) : undefined;
  const prefixPart = Math.min(prefixRun, prefixLocal);
  const suffixPart = Math.min(suffixRun, suffixLocal);
  const strong =
    (before !== undefined &&
      ((prefixLocal >= MIN_LOCAL && count(before + exact) === 1) ||
        (prefixLocal > 0 && suffixPart >= MIN_LOCAL && count(before + exact + suffix.slice(0, suffixPart)) === 1))) ||
    (after !== undefined &&
      ((suffixLocal >= MIN_LOCAL && count(exact + after) === 1) ||
        (suffixLocal > 0 && prefixPart >= MIN_LOCAL && count(prefix.slice(prefix.length - prefixPart) + exact + after) === 1)));
  return { prefixRun, suffixRun, strong };
}

/** Counts occurrences of a string in `text`, stopping at two. */
function countIn(text: string): OccurrenceCount {
  return (s) => {
    const first = text.indexOf(s);
    return first < 0 ? 0 : text.indexOf(s, first + 1) < 0 ? 1 : 2;
  };
}
