/**
 * Reading the words around a candidate: the word after or before it, whether its line is shouted (all capitals)
 * or set in title case. These decide the exclusions of the guidelines without a parser.
 */
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
import { foldKey, wordEndAt } from './treatyTokens';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { APOSTROPHE, ASCII_MAX, HYPHEN_MINUS, RIGHT_SINGLE_QUOTE, SPACE } = codes;
const { isAsciiLower, isAsciiUpper, isCasedLetter, isLetterOrNumberCode, isPlainSpace, isUpperCode, isWordJoiner } = classes;

/** The word after `end` (as written) and where it starts, when only whitespace (a line wrap too) separates them. */
export function rawWordAfter(text: string, end: number): { word: string; start: number } | undefined {
  let i = end;
  while (i < text.length && i - end < 8 && isPlainSpace(text.charCodeAt(i))) i++;
  if (i === end || i >= text.length) return undefined;
  const wordEnd = wordEndAt(text, i);
  return wordEnd < 0 ? undefined : { word: text.slice(i, wordEnd), start: i };
}

/** The word ending right before `start` when only whitespace separates them, with its start; else undefined. */
export function rawWordBefore(text: string, start: number, floor = 0): { word: string; start: number } | undefined {
  let j = start - 1;
  while (j >= floor && start - j < 9 && isPlainSpace(text.charCodeAt(j))) j--;
  if (j === start - 1 || j < floor || !isLetterOrNumberCode(text.charCodeAt(j))) return undefined;
  let k = j;
  while (k > floor) {
    const c = text.charCodeAt(k - 1);
    if (isLetterOrNumberCode(c)) k--;
    else if (isWordJoiner(c) && k - 2 >= floor && isLetterOrNumberCode(text.charCodeAt(k - 2))) k--;
    else break;
  }
  return { word: text.slice(k, j + 1), start: k };
}

/** The folded word before `start`, or '' when punctuation intervenes. */
export function wordBefore(text: string, start: number): string {
  const w = rawWordBefore(text, start);
  return w ? foldKey(w.word) : '';
}

/**
 * An abbreviation inside a run of capitals ("LEADERS TO START TALKS", "KEY TREATIES"): a word right before or after
 * it, with only spaces between, is itself all capitals. Looking at the neighbours only keeps this check local.
 * `after`: the word after it (`rawWordAfter`), which the caller has read already.
 */
export function inShoutedRun(text: string, start: number, after: { word: string } | undefined): boolean {
  const before = rawWordBefore(text, start);
  if (before && isCapitalsWord(before.word)) return true;
  return after !== undefined && isCapitalsWord(after.word);
}

/**
 * Two or more characters, no lower-case letter and at least one capital (`w === w.toUpperCase()` and
 * `w !== w.toLowerCase()`), read by character for ASCII: it runs beside most abbreviations found, where the two
 * case-mapped copies were the allocations.
 */
function isCapitalsWord(w: string): boolean {
  if (w.length < 2) return false;
  let upper = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c > 127) return w === w.toUpperCase() && w !== w.toLowerCase();
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper;
}

/** Per-block memo of line shapes, so a line is measured once however many candidates it holds. */
export class LineShapes {
  private lineStart = -1;
  private lineEnd = -1;
  private current: { shouted: boolean; titled: boolean } | undefined;

  constructor(private readonly text: string) {}

  /** The line holding `pos` is in capitals (a headline or a shouted label), where names are not names. */
  shouted(pos: number): boolean {
    return this.shape(pos).shouted;
  }

  /** The line holding `pos` is in title case (a headline), where capitalised runs are not names. */
  titled(pos: number): boolean {
    return this.shape(pos).titled;
  }

  private shape(pos: number): { shouted: boolean; titled: boolean } {
    // Callers move forward through the block, so the last line measured is usually the one asked about.
    if (this.current && pos >= this.lineStart && pos <= this.lineEnd) return this.current;
    this.lineStart = this.text.lastIndexOf('\n', pos - 1) + 1;
    const end = this.text.indexOf('\n', pos);
    this.lineEnd = end < 0 ? this.text.length : end;
    this.current = measure(this.text.slice(this.lineStart, this.lineEnd), this.startsStandalone(this.lineStart));
    return this.current;
  }

  /**
   * A headline stands on its own: first line of the block, after a line that ends a sentence, or under another
   * headline line in capitals.
   */
  private startsStandalone(lineStart: number): boolean {
    let i = lineStart - 2;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\t' || this.text[i] === '\r')) i--;
    if (i < 0 || this.text[i] === '\n' || /[.!?:"”)\]]/.test(this.text[i] as string)) return true;
    const previous = this.text.slice(this.text.lastIndexOf('\n', i) + 1, i + 1);
    return previous === previous.toUpperCase();
  }
}

function measure(line: string, standalone: boolean): { shouted: boolean; titled: boolean } {
  // One pass over the characters (no regex, no word array): this runs for every line holding a candidate.
  let words = 0;
  let upperWords = 0;
  let long = 0;
  let capitalisedLong = 0;
  let len = 0;
  let upper = 0;
  let firstUpper = false;
  for (let i = 0; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : SPACE;
    const isUpper = c <= ASCII_MAX ? isAsciiUpper(c) : isUpperCode(c);
    const letter = isUpper || (c <= ASCII_MAX ? isAsciiLower(c) : isCasedLetter(c)) || ((c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE || c === HYPHEN_MINUS) && len > 0);
    if (letter) {
      if (len === 0) firstUpper = isUpper;
      if (isUpper) upper++;
      len++;
      continue;
    }
    if (len > 0) {
      words++;
      if (len >= 2 && upper === len) upperWords++;
      if (len >= 4) {
        long++;
        if (firstUpper) capitalisedLong++;
      }
    }
    len = 0;
    upper = 0;
  }
  const shouted = words >= 2 && upperWords / words >= 0.6;
  // A sentence has many lower-case long words; a headline has almost none. A wrapped line of a sentence can look
  // the same ("Treaty on the Non-Proliferation of Nuclear Weapons (NPT), the United"), so only a line that
  // stands on its own and starts with a capital counts.
  const first = line.trimStart().charCodeAt(0);
  const titled = standalone && first >= 65 && first <= 90 && long >= 3 && capitalisedLong / long >= 0.75 && !/[.;]\s*$/.test(line.trimEnd());
  return { shouted, titled };
}
