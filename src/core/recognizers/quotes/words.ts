/**
 * Reading words next to an offset, for the quote rules: they look at a few words around a reporting verb or a
 * quotation mark, never tokenise a whole block.
 */
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { APOSTROPHE, ASCII_MAX, FULL_STOP } = codes;
const { isAsciiUpper, isPlainSpace, isRegexSpace, isWordPartOrNumeral } = classes;

export interface Word {
  start: number;
  end: number;
  text: string;
}

/** Offset of the first non-space character at or after `i` (spaces and tabs only unless `lines`). */
export function skipSpace(s: string, i: number, max = s.length): number {
  while (i < max && isPlainSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Offset after the last non-space character before `i`. */
export function skipSpaceBack(s: string, i: number, min = 0): number {
  while (i > min && isPlainSpace(s.charCodeAt(i - 1))) i--;
  return i;
}

/** The word ending at `end` (after spaces are skipped back), without a trailing full stop; undefined at punctuation. */
export function wordBefore(s: string, end: number, min = 0): Word | undefined {
  const e = skipSpaceBack(s, end, min);
  let b = e;
  while (b > min && isWordPartOrNumeral(s.charCodeAt(b - 1))) b--;
  if (b === e) return undefined;
  let we = e;
  while (we > b && s.charCodeAt(we - 1) === FULL_STOP) we--;
  return we > b ? { start: b, end: we, text: s.slice(b, we) } : undefined;
}

/** The word starting at `start` (after spaces are skipped), without a trailing full stop or comma. */
export function wordAfter(s: string, start: number, max = s.length): Word | undefined {
  const b = skipSpace(s, start, max);
  let e = b;
  while (e < max && isWordPartOrNumeral(s.charCodeAt(e))) e++;
  let we = e;
  while (we > b && (s.charCodeAt(we - 1) === FULL_STOP || s.charCodeAt(we - 1) === APOSTROPHE)) we--;
  return we > b ? { start: b, end: we, text: s.slice(b, we) } : undefined;
}

export function isCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  return isAsciiUpper(c) || (c > ASCII_MAX && w[0] !== w[0]?.toLowerCase());
}

/** Whether [start, end) of `s` holds at least `n` words (runs of what `\S` matches), read no further than the nth. */
export function hasWords(s: string, start: number, end: number, n: number): boolean {
  let count = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    if (isRegexSpace(s.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      if (++count >= n) return true;
      inWord = true;
    }
  }
  return count >= n;
}
