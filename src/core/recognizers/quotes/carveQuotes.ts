/**
 * A speaker's turn (or bylined statement) may quote someone else: `as Secretary Clinton said, "Nobody wins."`.
 * Words in quotation marks are the other person's, not the turn speaker's: the quotation is carved out of the
 * turn, which goes on as the speaker's own words on either side of it. Indirect speech stays in the turn: its
 * words are the turn speaker's own, reporting another's content (`As President Obama said, one weapon would be a
 * catastrophe`). Only quotations whose speaker the turn itself names are carved (an anaphor whose referent lies
 * outside the turn may be the speaker talking of themself), and pull quotes a caption closes (`"…" — Peres, on
 * history`) end the turn they interrupt, caption line and all.
 */
import type { ResolvedQuote } from './turnQuotes';
import { skipSpace, skipSpaceBack } from './words';

/** A quote found in a block, with where its speaker's name mention starts (absolute). */
export interface FoundQuote extends ResolvedQuote {
  speakerAt: number;
}

const OPENING = /["“«„\s]/;
const CLOSING = /["”»\s.,;:!?]/;

/** The turns with every report of another person named inside them carved out. */
export function carveReports(text: string, whole: readonly ResolvedQuote[], found: readonly FoundQuote[]): ResolvedQuote[] {
  if (found.length === 0) return [...whole];
  // By start (a stable sort keeps the found order among equal starts): each turn reads only the quotes starting
  // inside it, found by a binary search, where filtering every quote for every turn grew with their product.
  const byStart = [...found].sort(byStartOnly);
  const out: ResolvedQuote[] = [];
  for (const w of whole) {
    const inside: FoundQuote[] = [];
    for (let i = firstFrom(byStart, w.start); i < byStart.length && (byStart[i] as FoundQuote).start < w.end; i++) {
      const q = byStart[i] as FoundQuote;
      if (q.end <= w.end && carves(text, w, q)) inside.push(q);
    }
    let from = w.start;
    for (const q of inside) {
      if (q.start < from) continue;
      push(out, w, from, trimBefore(text, q.start, from));
      from = q.rule === 'caption' ? lineEnd(text, q.end, w.end) : trimAfter(text, q.end, w.end);
    }
    push(out, w, from, w.end);
  }
  return out;
}

function byStartOnly(a: FoundQuote, b: FoundQuote): number {
  return a.start - b.start;
}

/** Index of the first span starting at or after `at` (spans sorted by start): a binary search. */
export function firstFrom(sorted: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as { start: number }).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function carves(text: string, w: ResolvedQuote, q: FoundQuote): boolean {
  const named = q.speakerAt >= w.start && q.speakerAt < w.end;
  return q.rule === 'caption' ? named : named && q.speakerId !== w.speakerId && quoted(text, q);
}

/** Whether a quote is the words between a pair of quotation marks. */
function quoted(text: string, q: FoundQuote): boolean {
  const before = text[skipSpaceBack(text, q.start) - 1] ?? '';
  let after = q.end;
  while (after < text.length && /[\s.,;:!?]/.test(text[after] as string) && !MARK.test(text[after - 1] as string)) after++;
  return MARK.test(before) && MARK.test(text[after] ?? '');
}

const MARK = /["“”«»„]/;

function push(out: ResolvedQuote[], w: ResolvedQuote, start: number, end: number): void {
  if (end - start >= 2) out.push({ ...w, start, end });
}

/** The end of the turn's words before a report at `at`: before its opening quotation mark and spaces. */
function trimBefore(text: string, at: number, min: number): number {
  let i = at;
  while (i > min && OPENING.test(text[i - 1] as string)) i--;
  return skipSpaceBack(text, i, min);
}

/** Where the turn's words resume after a report ending at `at`: after its closing mark and punctuation. */
function trimAfter(text: string, at: number, max: number): number {
  let i = at;
  while (i < max && CLOSING.test(text[i] as string)) i++;
  return skipSpace(text, i, max);
}

/** After the line a caption ends on. */
function lineEnd(text: string, at: number, max: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 || nl >= max ? max : trimAfter(text, nl, max);
}

/**
 * A reported clause runs to the end of its sentence unless another attribution starts inside it (`Biden was
 * clear that …, which President Putin said that he understood`): it ends at the clause boundary (a comma, dash,
 * semicolon or parenthesis) before the other speaker's name. Changes `found` in place.
 */
export function endBeforeNestedReports(text: string, found: FoundQuote[]): void {
  if (found.length < 2) return;
  const sorted = [...found].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as FoundQuote;
    if (!a.rule.startsWith('indirect') && a.rule !== 'according-to') continue;
    for (let j = i + 1; j < sorted.length && (sorted[j] as FoundQuote).start < a.end; j++) {
      const b = sorted[j] as FoundQuote;
      if (b.speakerAt <= a.start || b.speakerAt >= b.start || b.speakerId === a.speakerId) continue;
      const boundary = lastBoundary(text, a.start, b.speakerAt);
      if (boundary > a.start) a.end = trimBefore(text, boundary, a.start);
      break;
    }
  }
}

function lastBoundary(text: string, from: number, to: number): number {
  for (let i = to - 1; i > from; i--) if (BOUNDARY.test(text[i] as string)) return i;
  return -1;
}

const BOUNDARY = /[,;:—–()]/;
