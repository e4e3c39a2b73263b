/**
 * Word-by-word scanning around a trigger, forward or backward from an offset. Speaker rules only look at a
 * few words either side of a speech verb, so scanning char codes near triggers beats tokenising whole blocks:
 * nothing is allocated for text far from any trigger.
 */
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
import { ABBREVIATIONS } from './nameWords';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { APOSTROPHE, FULL_STOP, HYPHEN_MINUS, LOWER_S, RIGHT_SINGLE_QUOTE, UPPER_S } = codes;
const { isWordInnerMark, isWordPart, isWordSpace } = classes;

/** One word (or one punctuation mark) of a block. */
export interface Tok {
  // Read-only: BlockTokens hands the same object to every rule that reads the same word.
  readonly start: number;
  readonly end: number;
  /** The word without a trailing sentence period or possessive `'s`. */
  readonly core: string;
  readonly lower: string;
  /** True for a punctuation mark (`core` holds the mark). */
  readonly punct: boolean;
  /** The word carried a possessive `'s` / `’s` (excluded from `end`). */
  readonly possessive: boolean;
  /** A sentence-final period followed the word (excluded from `end`). */
  readonly sentenceEnd: boolean;
}

/** Initials ("R.", "J.F."): kept whole, the dot is not a sentence end. Module-level, not a literal per word. */
const INITIALS_RUN = /^(?:\p{Lu}\.)+$/u;

function makeWord(s: string, start: number, end: number): Tok | undefined {
  while (start < end && isWordInnerMark(s.charCodeAt(start))) start++;
  // A trailing hyphen or apostrophe is punctuation, not part of the word.
  while (end > start && (s.charCodeAt(end - 1) === HYPHEN_MINUS || s.charCodeAt(end - 1) === APOSTROPHE)) end--;
  if (end <= start) return undefined;
  // The period and the possessive are read from the block's char codes, so the word is sliced once, when its end
  // is known (a dotted word that keeps its dot reuses the slice its test needed).
  let sentenceEnd = false;
  if (s.charCodeAt(end - 1) === FULL_STOP) {
    const dotted = s.slice(start, end);
    const lowerDot = lowerCase(dotted);
    // An initial's dot is its second code unit (third after an astral capital): most words skip the regex.
    const initial = (dotted.charCodeAt(1) === FULL_STOP || dotted.charCodeAt(2) === FULL_STOP) && INITIALS_RUN.test(dotted);
    if (initial || ABBREVIATIONS.has(lowerDot)) return { start, end, core: dotted, lower: lowerDot, punct: false, possessive: false, sentenceEnd: false };
    end--;
    sentenceEnd = true;
  }
  let possessive = false;
  if (end - start > 2 && isPossessiveEnd(s, end)) {
    end -= 2;
    possessive = true;
  }
  const core = s.slice(start, end);
  return { start, end, core, lower: lowerCase(core), punct: false, possessive, sentenceEnd };
}

/** `'s` / `’s` (either case of the s) just before `end`. */
function isPossessiveEnd(s: string, end: number): boolean {
  const c = s.charCodeAt(end - 1);
  const q = s.charCodeAt(end - 2);
  return (c === LOWER_S || c === UPPER_S) && (q === APOSTROPHE || q === RIGHT_SINGLE_QUOTE);
}

/**
 * `w.toLowerCase()`, answered without the call when `w` has no upper-case ASCII letter and nothing beyond ASCII
 * (most words beside a trigger): a word sliced from a document holding any non-Latin-1 character is a two-byte
 * string, which V8 lowers in its runtime rather than in the one-byte fast path.
 */
function lowerCase(w: string): string {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c > 127 || (c >= 65 && c <= 90)) return w.toLowerCase();
  }
  return w;
}

function makePunct(s: string, at: number): Tok {
  const ch = s[at] as string;
  return { start: at, end: at + 1, core: ch, lower: ch, punct: true, possessive: false, sentenceEnd: false };
}

/** How many of the block's recent answers BlockTokens holds: a power of two, the slot is the position's low bits. */
const BEFORE_SLOTS = 32;

/**
 * The words before positions of the block last read, remembered by position (direct-mapped): the rules around a
 * trigger re-read the same words (the subject's last word, the word before a name, the role before it), so most
 * reads repeat one already made for the block. Only the last block is held. The speaker recognizer's state owns
 * one (so a document analyzer does), and passes it to every rule that reads backwards.
 */
export class BlockTokens {
  private block = '';
  private readonly pos = new Int32Array(BEFORE_SLOTS).fill(-1);
  private readonly min = new Int32Array(BEFORE_SLOTS);
  private readonly tok: Array<Tok | undefined> = new Array<Tok | undefined>(BEFORE_SLOTS).fill(undefined);

  /** The word or punctuation mark of block `s` that ends before `pos` (after skipping spaces), not before `min`. */
  before(s: string, pos: number, min = 0): Tok | undefined {
    this.useBlock(s);
    const k = pos & (BEFORE_SLOTS - 1);
    if (this.pos[k] === pos && this.min[k] === min) return this.tok[k];
    const t = readBefore(s, pos, min);
    this.hold(pos, min, t);
    return t;
  }

  /** Forgets the answers of the block held, unless it is `s`. */
  private useBlock(s: string): void {
    if (s === this.block) return;
    this.block = s;
    this.pos.fill(-1);
  }

  /** Holds `tok` as the answer from `pos` with `min`, in that position's slot. */
  private hold(pos: number, min: number, tok: Tok | undefined): void {
    const k = pos & (BEFORE_SLOTS - 1);
    this.pos[k] = pos;
    this.min[k] = min;
    this.tok[k] = tok;
  }

  /**
   * Holds `tok`, a word read forward ({@link tokAfter}), as the answer of {@link before} from `pos` (with `min` 0)
   * when reading back from there makes that same word: its run of word characters starts at the word, ends where
   * the white space before `pos` begins, and goes past the word by its sentence period and possessive only (a
   * word cut short by a limit, or with a trailing hyphen dropped, is not held). A rule that reads a name forward
   * and then back from its end (titledPeople.ts) then finds its words in place. True when it is held.
   */
  remember(s: string, tok: Tok, pos: number): boolean {
    if (tok.punct || (tok.start > 0 && isWordPart(s.charCodeAt(tok.start - 1)))) return false;
    let runEnd = tok.end;
    while (runEnd < s.length && isWordPart(s.charCodeAt(runEnd))) runEnd++;
    if (runEnd - tok.end !== (tok.possessive ? 2 : 0) + (tok.sentenceEnd ? 1 : 0)) return false;
    let i = pos;
    while (i > 0 && isWordSpace(s.charCodeAt(i - 1))) i--;
    if (i !== runEnd) return false;
    this.useBlock(s);
    this.hold(pos, 0, tok);
    return true;
  }

  /**
   * The name last read forward with these tokens (names.ts's nameStartingAt), when reading back from its end finds
   * the same words up to its role's first word (see names.ts's readsBackAlike): where that role starts and where
   * the name ends; -1 otherwise.
   */
  readRoleStart = -1;
  readEnd = -1;
}

function readBefore(s: string, pos: number, min: number): Tok | undefined {
  let i = pos;
  while (i > min && isWordSpace(s.charCodeAt(i - 1))) i--;
  if (i <= min) return undefined;
  const end = i;
  // One call makes every mark (a mark, or a run that makes no word): a call first met in optimized code
  // deoptimizes it.
  if (isWordPart(s.charCodeAt(end - 1))) {
    while (i > min && isWordPart(s.charCodeAt(i - 1))) i--;
    // The full word runs to `end`; a possessive or sentence period is split off by makeWord.
    const raw = makeWord(s, i, end);
    if (raw !== undefined) return raw;
  }
  return makePunct(s, end - 1);
}

/** The word or punctuation mark that starts at or after `pos` (after skipping spaces), before `max`. */
export function tokAfter(s: string, pos: number, max = s.length): Tok | undefined {
  let i = pos;
  while (i < max && isWordSpace(s.charCodeAt(i))) i++;
  if (i >= max) return undefined;
  const start = i;
  // One call makes every mark, as in readBefore.
  if (isWordPart(s.charCodeAt(start))) {
    while (i < max && isWordPart(s.charCodeAt(i))) i++;
    const w = makeWord(s, start, i);
    if (w !== undefined) return w;
  }
  return makePunct(s, start);
}

/** True when the gap between two offsets holds a blank line (a paragraph break). */
export function hasBlankLine(s: string, from: number, to: number): boolean {
  const nl = s.indexOf('\n', from);
  if (nl === -1 || nl >= to) return false;
  return /\n[ \t\r]*\n/.test(s.slice(from, to));
}
