/**
 * The quick placements tried before any scoring: the quote found exactly, where it was, shifted by the edit
 * before it, or elsewhere with its context agreeing (a moved paragraph). String comparisons only, and only at
 * occurrences whose neighbouring characters already agree with the stored context, so that a word found
 * thousands of times ("the") costs a look-up per annotation, not a pass over every occurrence.
 */
import type { QuoteSelector } from '../model/annotation';
import { agreementAt, sidesThatAgree } from './contextAgreement';

/** Characters of context by which occurrences are grouped (see {@link OccurrenceIndex.beside}). */
const KEY = 4;

/** Where each quote occurs in one text, found once per quote and re-anchoring (names repeat a lot). */
export class OccurrenceIndex {
  private readonly cache = new Map<string, number[]>();
  private readonly keyed = new Map<string, Map<string, number[]>>();

  constructor(readonly text: string) {}

  /** Every occurrence of `s`, in text order. */
  of(s: string): number[] {
    let positions = this.cache.get(s);
    if (!positions) {
      positions = [];
      for (let at = this.text.indexOf(s); at !== -1; at = this.text.indexOf(s, at + 1)) positions.push(at);
      this.cache.set(s, positions);
    }
    return positions;
  }

  /**
   * The occurrences of `exact` right after `before` or right before `after` (compared on up to {@link KEY}
   * characters next to the quote), in text order: the only places where one side of the context can agree.
   */
  beside(exact: string, before: string, after: string): number[] {
    const a = this.grouped(exact, 'before', before);
    const b = this.grouped(exact, 'after', after);
    if (a.length === 0 || a === b) return b;
    if (b.length === 0) return a;
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
      if (out[out.length - 1] !== next) out.push(next);
    }
    return out;
  }

  private grouped(exact: string, side: 'before' | 'after', context: string): number[] {
    const n = Math.min(KEY, context.length);
    if (n === 0) return this.of(exact);
    const id = `${side}${n}\u0000${exact}`;
    let groups = this.keyed.get(id);
    if (!groups) {
      groups = new Map();
      for (const at of this.of(exact)) {
        const end = at + exact.length;
        const key = side === 'before' ? this.text.slice(Math.max(0, at - n), at) : this.text.slice(end, end + n);
        const group = groups.get(key);
        if (group) group.push(at);
        else groups.set(key, [at]);
      }
      this.keyed.set(id, groups);
    }
    return groups.get(side === 'before' ? context.slice(context.length - n) : context.slice(0, n)) ?? [];
  }
}

/** The quote at its stored place or shifted by `delta`, with its context agreeing there. */
export function quickPlace(quote: QuoteSelector, start: number, delta: number, index: OccurrenceIndex): number | undefined {
  const { text } = index;
  const count = (s: string) => index.of(s).length;
  for (const s of delta === 0 ? [start] : [start + delta, start]) {
    if (s >= 0 && text.startsWith(quote.exact, s) && !splitsLineBreak(text, s, quote.exact.length) && agreementAt(text, quote, s, count).strong) return s;
  }
  return undefined;
}

/** How far around the hint {@link nearestWithContext} looks before it looks at the whole text. */
const NEAR_WINDOW = 4096;

/**
 * The exact occurrence of the quote whose context agrees best (longest exact runs on both sides), nearest to
 * `hint` among equals: a moved paragraph, or the first annotation after an edit. Looks near the hint first and
 * at the whole text only when nothing agrees there. `hintDecidesTies` is asked when two places agree equally: in
 * a text whose line ends or accents are written differently from the stored context (CRLF against LF, NFD), the
 * runs stop at the first such character and the hint is an offset into the other form, so neither can decide;
 * the caller then compares the normalised texts instead (undefined is returned).
 */
export function nearestWithContext(quote: QuoteSelector, hint: number, index: OccurrenceIndex, hintDecidesTies: () => boolean = () => true): number | undefined {
  const { text } = index;
  const { before, after } = sidesThatAgree(quote);
  const positions = index.beside(quote.exact, before, after);
  if (positions.length === 0) return undefined;
  const count = (s: string) => index.of(s).length;
  const from = Math.max(0, hint - NEAR_WINDOW);
  const to = hint + NEAR_WINDOW;
  let best: number | undefined;
  let bestRun = -1;
  let tied = false;
  const consider = (at: number) => {
    if (splitsLineBreak(text, at, quote.exact.length)) return;
    const a = agreementAt(text, quote, at, count);
    if (!a.strong) return;
    const run = a.prefixRun + a.suffixRun;
    tied = run === bestRun || (tied && run < bestRun);
    if (run > bestRun || (run === bestRun && best !== undefined && Math.abs(at - hint) < Math.abs(best - hint))) {
      best = at;
      bestRun = run;
    }
  };
  const decided = () => (best !== undefined && tied && !hintDecidesTies() ? undefined : best);
  let first = 0;
  let hi = positions.length;
  while (first < hi) {
    const mid = (first + hi) >>> 1;
    if (positions[mid] < from) first = mid + 1;
    else hi = mid;
  }
  for (let i = first; i < positions.length && positions[i] <= to; i++) consider(positions[i]);
  if (best !== undefined) return decided();
  for (const at of positions) if (at < from || at > to) consider(at);
  return decided();
}

/** True when `start..start+length` begins or ends between the CR and LF of a CRLF (no editor offset is there). */
function splitsLineBreak(text: string, start: number, length: number): boolean {
  return insideCrlf(text, start) || insideCrlf(text, start + length);
}

function insideCrlf(text: string, o: number): boolean {
  return text.charCodeAt(o - 1) === 0x0d && text.charCodeAt(o) === 0x0a;
}
