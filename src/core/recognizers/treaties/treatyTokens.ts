/**
 * Words as the treaty recognizer sees them, shared by the lexicon tables (forms) and the scanner (text) so that
 * both sides split names the same way: letters and digits joined by hyphens, en dashes or slashes
 * ("Intermediate-Range", "START-3", "A/CFE", "Russia–NATO"); an em dash ("Europe—putting"), apostrophes and other
 * punctuation separate words.
 */
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { ASCII_MAX, HYPHEN_MINUS, SLASH } = codes;
const { isAsciiAlnum, isAsciiDigit, isAsciiUpper, isLetterOrNumberCode, isPlainSpace } = classes;

/** One word at a sticky position; `lastIndex` must be set before `exec`. */
export const WORD_AT = /[\p{L}\p{N}]+(?:[-‐‑–/][\p{L}\p{N}]+)*/uy;

/** All words of a string, for splitting lexicon forms. */
const WORDS = /[\p{L}\p{N}]+(?:[-‐‑–/][\p{L}\p{N}]+)*/gu;

const DASHES = /[‐‑–]/g;
const HAS_DASH = /[‐‑–]/;

/** Unifies the dashes a source may use inside a word, so "Russia–NATO" compares equal to "Russia-NATO". */
export function normalizeDashes(word: string): string {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > ASCII_MAX) return HAS_DASH.test(word) ? word.replace(DASHES, '-') : word;
  return word;
}

/** Key for case-insensitive comparison and lookup. */
export function foldKey(word: string): string {
  return normalizeDashes(word).toLowerCase();
}

/** An acronym token ("START", "NPT", "SNV-3", "II"): compared exactly, so "New Start" is not "New START". */
export function isAcronym(word: string): boolean {
  let upper = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isAsciiUpper(c)) upper++;
    else if (!(isAsciiDigit(c) || c === HYPHEN_MINUS || c === SLASH)) return false;
  }
  return upper >= 2;
}

export function isUpperInitial(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase();
}

/** Words of a form plus the punctuation between each pair ("" for plain whitespace, "," for ", "). */
export function splitForm(form: string): { words: string[]; seps: string[] } {
  const words: string[] = [];
  const seps: string[] = [];
  let last = -1;
  for (const m of form.matchAll(WORDS)) {
    if (last >= 0) seps.push(gapKey(form, last, m.index));
    words.push(normalizeDashes(m[0]));
    last = m.index + m[0].length;
  }
  return { words, seps };
}

/** The non-space characters of a gap between two words: what must agree between a form and the text. */
export function gapKey(text: string, from: number, to: number): string {
  let key = '';
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isPlainSpace(c)) key += text[i];
  }
  return key;
}

/**
 * Reads the gap after `from`: returns the index of the next word start when the gap is short and holds only
 * whitespace (a line wrap included) plus at most a little punctuation; -1 otherwise.
 */
export function nextWordStart(text: string, from: number, maxGap = 6): number {
  const limit = Math.min(text.length, from + maxGap);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isLetterOrNumberCode(c)) return i;
  }
  return -1;
}

/** The word starting exactly at `pos`, or undefined. */
export function wordAt(text: string, pos: number): string | undefined {
  const end = wordAtEnd(text, pos);
  return end < 0 ? undefined : text.slice(pos, end);
}

/**
 * Where `wordAt` ends its word, or -1; for callers that compare the word in place rather than as a string. ASCII
 * words are read by hand (the common case, and hot); a character past 127 at the end of a run hands the word to
 * `WORD_AT`. Unlike `wordEndAt`, a hyphen before a non-ASCII letter ends the word here (kept as it always was).
 */
export function wordAtEnd(text: string, pos: number): number {
  let i = pos;
  const n = text.length;
  for (;;) {
    const start = i;
    while (i < n && isAsciiAlnum(text.charCodeAt(i))) i++;
    if (i < n && text.charCodeAt(i) > ASCII_MAX) break;
    if (i === start) return i === pos ? -1 : i - 1;
    const c = i < n ? text.charCodeAt(i) : 0;
    // A joiner continues the word only when a letter or digit follows it.
    if ((c === HYPHEN_MINUS || c === SLASH) && i + 1 < n && isAsciiAlnum(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    return i;
  }
  WORD_AT.lastIndex = pos;
  const m = WORD_AT.exec(text);
  return m ? pos + m[0].length : -1;
}

/**
 * Where the word at `pos` ends, exactly as `WORD_AT` would match it, or -1 when no word starts there. ASCII words
 * are read by hand (no regex call, no match array); any character past 127 at a point that decides the word's
 * extent hands the whole word to the regex, so non-ASCII letters and dashes keep the regex's reading.
 */
export function wordEndAt(text: string, pos: number): number {
  const n = text.length;
  let i = pos;
  for (;;) {
    while (i < n && isAsciiAlnum(text.charCodeAt(i))) i++;
    if (i < n && text.charCodeAt(i) > ASCII_MAX) return regexWordEnd(text, pos);
    // Only `pos` can start an empty run: a joiner is crossed only when a word character follows it.
    if (i === pos) return -1;
    const c = i + 1 < n ? text.charCodeAt(i) : 0;
    if (c !== HYPHEN_MINUS && c !== SLASH) return i;
    const d = text.charCodeAt(i + 1);
    if (d > ASCII_MAX) return regexWordEnd(text, pos);
    if (!isAsciiAlnum(d)) return i;
    i++;
  }
}

function regexWordEnd(text: string, pos: number): number {
  WORD_AT.lastIndex = pos;
  return WORD_AT.test(text) ? WORD_AT.lastIndex : -1;
}

/** Lower-case slug for generated ids (`treaty:<slug>`). */
export function slugify(name: string): string {
  return foldKey(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
