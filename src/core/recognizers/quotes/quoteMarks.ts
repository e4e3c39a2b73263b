/**
 * Quotation marks and sentences of one block, as the quote rules read them. Double quotation marks of every style
 * (straight, curly, guillemets, low-9) are paired by alternation within the block: sources mix styles and garble
 * directions (`“…, “the magazine quoted`, `"…,” he said`), so a mark's shape says less than its order. Sentence
 * bounds skip over quoted passages, so a full stop inside a quotation never ends the sentence around it.
 */
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { FULL_STOP, LEFT_SQUARE_BRACKET, LINE_FEED, RIGHT_SQUARE_BRACKET } = codes;
const { isAsciiDigit, isAsciiLetter, isAsciiLower, isAsciiUpper, isBlank, isPlainSpace, isSentenceStop } = classes;

/** A quoted passage: offsets of its opening and closing marks. */
export interface QuotePair {
  open: number;
  close: number;
}

/** The quoted passages of a block, in order (an unpaired last mark opens a passage continued elsewhere: left out). */
export function quotePairs(block: string): QuotePair[] {
  const pairs: QuotePair[] = [];
  let open = -1;
  // The marks are found by a regex, which skips the text between them faster than a loop reading each character.
  MARKS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKS.exec(block)) !== null) {
    const i = m.index;
    if (open < 0) open = i;
    else {
      pairs.push({ open, close: i });
      open = -1;
    }
  }
  return pairs;
}

/** Double quotation marks: straight, curly, low-9 and guillemets. */
const MARKS = /["\u201c\u201d\u201e\u00ab\u00bb]/g;

/**
 * The quoted passages of a block, with lookups from either mark to its pair: binary searches of the pairs, which
 * are in order by both marks (most blocks hold none or a few, and two maps per block cost more to fill).
 */
export class QuotedBlock {
  private found: QuotePair[] | undefined;

  constructor(readonly text: string) {}

  /** The quoted passages, found on first use: the rules read most blocks' triggers without asking for them. */
  get pairs(): QuotePair[] {
    return (this.found ??= quotePairs(this.text));
  }

  /** The pair whose opening mark is at `i`. */
  opening(i: number): QuotePair | undefined {
    const pair = pairAt(this.pairs, firstPairFrom(this.pairs, i, 'open'));
    return pair !== undefined && pair.open === i ? pair : undefined;
  }

  /** The pair whose closing mark is at `i`. */
  closing(i: number): QuotePair | undefined {
    const pair = pairAt(this.pairs, firstPairFrom(this.pairs, i, 'close'));
    return pair !== undefined && pair.close === i ? pair : undefined;
  }

  /** Index of the first pair opening at or after `pos`. */
  private firstOpenAtOrAfter(pos: number): number {
    return firstPairFrom(this.pairs, pos, 'open');
  }

  /** Offset of the first character of the sentence holding `pos`. */
  sentenceStart(pos: number): number {
    const s = this.text;
    const pairs = this.pairs;
    // The pair before `pos`, whose passage the backward scan jumps over (a stop inside it ends nothing).
    let k = this.firstOpenAtOrAfter(pos) - 1;
    let i = pos - 1;
    while (i >= 0) {
      const pair = pairAt(pairs, k);
      if (pair && pair.close === i && pair.open < i) {
        i = pair.open - 1;
        k--;
        continue;
      }
      if (pair && pair.close > i) {
        k--;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === LINE_FEED && lineBreakEnds(s, i)) break;
      if (isSentenceStop(c) && endsSentence(s, i)) break;
      i--;
    }
    let start = i + 1;
    if (codeAt(s, start) === LEFT_SQUARE_BRACKET) start = Math.max(start, Math.min(pos, referenceMarkEnd(s, start)));
    while (start < pos && isPlainSpace(s.charCodeAt(start))) start++;
    return start;
  }

  /**
   * End (exclusive) of the sentence holding `pos`: before its final stop, or after a closing quotation mark that
   * follows the stop (`… impossible."` keeps the mark, whose passage the sentence holds).
   */
  sentenceEnd(pos: number): number {
    const s = this.text;
    const pairs = this.pairs;
    let k = this.firstOpenAtOrAfter(pos);
    let i = pos;
    // A line break and the block's end close the sentence through one call, so neither is a path the compiled
    // scan has never run.
    let end = s.length;
    while (i < s.length) {
      // The next stop or line break is found by a regex, which skips the words between faster than a loop reading
      // each character (and makes this scan small to compile); a quoted passage opening before it is jumped over.
      const j = nextStopOrBreak(s, i);
      const pair = pairAt(pairs, k);
      if (pair !== undefined && pair.open < j) {
        const before = s.charCodeAt(pair.close - 1);
        if (isSentenceStop(before) && (pair.close + 1 >= s.length || isPlainSpace(s.charCodeAt(pair.close + 1)))) {
          return pair.close + 1;
        }
        i = pair.close + 1;
        k++;
        continue;
      }
      if (j === s.length) break;
      const c = s.charCodeAt(j);
      if (c === LINE_FEED) {
        if (lineBreakEnds(s, j)) {
          end = j;
          break;
        }
      } else if (endsSentence(s, j)) return c === FULL_STOP ? j : j + 1;
      i = j + 1;
    }
    return trimEnd(s, end, pos);
  }
}

/** `.` `!` `?` and the line feed: where a sentence may end. */
const STOP_OR_BREAK = /[.!?\n]/g;

/** Offset of the first stop or line break at or after `i`, or the length of `s`. */
function nextStopOrBreak(s: string, i: number): number {
  STOP_OR_BREAK.lastIndex = i;
  // `test` finds it without building a match array.
  return STOP_OR_BREAK.test(s) ? STOP_OR_BREAK.lastIndex - 1 : s.length;
}

/**
 * The pair at index `k`, or undefined past either end: an index outside an array, or a character code read past
 * the end of a string, deoptimizes the compiled caller, so the sentence scans read through these checks.
 */
function pairAt(pairs: readonly QuotePair[], k: number): QuotePair | undefined {
  return k >= 0 && k < pairs.length ? pairs[k] : undefined;
}

/** The character code at `i`, or -1 past either end of `s`. */
function codeAt(s: string, i: number): number {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : -1;
}

/** Index of the first pair whose `mark` is at or after `pos`: the pairs are in order by both marks, and do not nest. */
function firstPairFrom(pairs: readonly QuotePair[], pos: number, mark: 'open' | 'close'): number {
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((pairs[mid] as QuotePair)[mark] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function trimEnd(s: string, end: number, min: number): number {
  while (end > min && isPlainSpace(s.charCodeAt(end - 1))) end--;
  return end;
}

/** Words whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr st jr sr gen sen rep gov prof col lt sgt adm capt maj no vs etc jan feb mar apr aug sep sept oct nov
  dec u.s u.k u.n e.g i.e a.m p.m amb ret inc ltd co corp dept`.split(/\s+/),
);

/** A full stop (or ! ?) at `i` ends a sentence: followed by a space and not a lowercase word or digit, nor after an initial or abbreviation. */
function endsSentence(s: string, i: number): boolean {
  const next = codeAt(s, i + 1);
  // A reference mark after the stop (`… MIRVs.[4] According to …`) belongs to the sentence it closes.
  if (next === LEFT_SQUARE_BRACKET) return referenceMarkEnd(s, i + 1) > 0;
  if (i + 1 < s.length && !isPlainSpace(next)) return false;
  if (s.charCodeAt(i) !== FULL_STOP) return true;
  let j = i + 1;
  while (j < s.length && isBlank(s.charCodeAt(j))) j++;
  const after = codeAt(s, j);
  if (isAsciiLower(after) || isAsciiDigit(after)) return false;
  // The letters and stops of an abbreviation (`U.S.`), read back.
  let w = i;
  while (w > 0) {
    const c = s.charCodeAt(w - 1);
    if (!isAsciiLetter(c) && c !== FULL_STOP) break;
    w--;
  }
  // An initial (`J. Smith`) or an abbreviation; a stop after anything else ends the sentence, with no word to read.
  if (w === i) return true;
  if (i - w === 1) return !isAsciiUpper(s.charCodeAt(w)) && !ABBREVIATIONS.has(s.slice(w, i).toLowerCase());
  return !ABBREVIATIONS.has(s.slice(w, i).toLowerCase());
}

/** End of a reference mark (`[4]`, `[12]`) at `i` followed by white space or the end, or -1. */
export function referenceMarkEnd(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && j - i <= 4 && isAsciiDigit(s.charCodeAt(j))) j++;
  if (j === i + 1 || codeAt(s, j) !== RIGHT_SQUARE_BRACKET) return -1;
  return j + 1 >= s.length || isPlainSpace(s.charCodeAt(j + 1)) ? j + 1 : -1;
}

/** A line break ends a sentence unless the line goes on in lowercase (a hard-wrapped paragraph). */
function lineBreakEnds(s: string, i: number): boolean {
  let j = i + 1;
  while (j < s.length && isBlank(s.charCodeAt(j))) j++;
  return !isAsciiLower(codeAt(s, j));
}
