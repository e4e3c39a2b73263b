/**
 * Reading words next to an offset, for the quote rules: they look at a few words around a reporting verb or a
 * quotation mark, never tokenise a whole block.
 */
import { isSpaceCode } from './quoteMarks';

export interface Word {
  start: number;
  end: number;
  text: string;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}'’.-]/u;

function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || c === 45 || c === 46;
  return WORD_CHAR.test(s[i] as string);
}

/** Offset of the first non-space character at or after `i` (spaces and tabs only unless `lines`). */
export function skipSpace(s: string, i: number, max = s.length): number {
  while (i < max && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/** Offset after the last non-space character before `i`. */
export function skipSpaceBack(s: string, i: number, min = 0): number {
  while (i > min && isSpaceCode(s.charCodeAt(i - 1))) i--;
  return i;
}

/** The word ending at `end` (after spaces are skipped back), without a trailing full stop; undefined at punctuation. */
export function wordBefore(s: string, end: number, min = 0): Word | undefined {
  const e = skipSpaceBack(s, end, min);
  let b = e;
  while (b > min && isWordChar(s, b - 1)) b--;
  if (b === e) return undefined;
  let we = e;
  while (we > b && s.charCodeAt(we - 1) === 46) we--;
  return we > b ? { start: b, end: we, text: s.slice(b, we) } : undefined;
}

/** The word starting at `start` (after spaces are skipped), without a trailing full stop or comma. */
export function wordAfter(s: string, start: number, max = s.length): Word | undefined {
  const b = skipSpace(s, start, max);
  let e = b;
  while (e < max && isWordChar(s, e)) e++;
  let we = e;
  while (we > b && (s.charCodeAt(we - 1) === 46 || s.charCodeAt(we - 1) === 39)) we--;
  return we > b ? { start: b, end: we, text: s.slice(b, we) } : undefined;
}

export function isCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && w[0] !== w[0]?.toLowerCase());
}

/** Number of words in `s` (runs of non-space). */
export function wordCount(s: string): number {
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
}
