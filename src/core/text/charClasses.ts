/**
 * The character classes the recognisers read text with, each defined once. They take a UTF-16 code unit
 * (`s.charCodeAt(i)`; NaN past the end of a string belongs to no class). ASCII is answered from the code; beyond it,
 * a class that follows Unicode asks a regular expression about that one code unit. Several classes look alike on
 * purpose: each rule was tuned with its own, and what is recognised must not change by merging them.
 */
import * as codes from './charCodes';

// Bound once, not read through the module on every use: see charCodes.ts.
const {
  APOSTROPHE,
  ASCII_MAX,
  CARRIAGE_RETURN,
  DIGIT_NINE,
  DIGIT_ZERO,
  EN_DASH,
  EXCLAMATION_MARK,
  FULL_STOP,
  HYPHEN,
  HYPHEN_MINUS,
  LATIN1_FIRST_LETTER,
  LATIN_EXTENDED_B_LAST,
  LEFT_DOUBLE_QUOTE,
  LEFT_GUILLEMET,
  LINE_FEED,
  LOW_DOUBLE_QUOTE,
  LOWER_A,
  LOWER_Z,
  NARROW_NO_BREAK_SPACE,
  NO_BREAK_SPACE,
  NON_BREAKING_HYPHEN,
  QUESTION_MARK,
  QUOTATION_MARK,
  RIGHT_DOUBLE_QUOTE,
  RIGHT_GUILLEMET,
  RIGHT_SINGLE_QUOTE,
  SLASH,
  SPACE,
  TAB,
  THIN_SPACE,
  UPPER_A,
  UPPER_Z,
  UNDERSCORE,
} = codes;

// ---- ASCII classes ----

/** `0`-`9` only. */
export function isAsciiDigit(c: number): boolean {
  return c >= DIGIT_ZERO && c <= DIGIT_NINE;
}

/** `A`-`Z` only. */
export function isAsciiUpper(c: number): boolean {
  return c >= UPPER_A && c <= UPPER_Z;
}

/** `a`-`z` only. */
export function isAsciiLower(c: number): boolean {
  return c >= LOWER_A && c <= LOWER_Z;
}

/** `A`-`Z` and `a`-`z`. */
export function isAsciiLetter(c: number): boolean {
  return (c >= UPPER_A && c <= UPPER_Z) || (c >= LOWER_A && c <= LOWER_Z);
}

/** ASCII letters and digits. */
export function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || isAsciiDigit(c);
}

/**
 * What a non-unicode regular expression's `\w` and `\d` read, per UTF-16 code unit, as a table for loops that
 * classify every character of a text: 1 for an ASCII letter or `_`, 2 for an ASCII digit, 0 for anything else.
 */
export const REGEX_WORD_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  for (let c = 0; c <= ASCII_MAX; c++) table[c] = isAsciiDigit(c) ? 2 : isAsciiLetter(c) || c === UNDERSCORE ? 1 : 0;
  return table;
})();

// ---- White space ----

/** Space and tab: the blanks inside a line. */
export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** What `\s` matches within ASCII: space, tab, line feed, vertical tab, form feed, carriage return. */
export function isAsciiSpace(c: number): boolean {
  return c === SPACE || (c >= TAB && c <= CARRIAGE_RETURN);
}

/**
 * Space, tab, line feed, carriage return and the no-break space: the white space of ordinary text between words
 * (not vertical tab, form feed or the other Unicode spaces).
 */
export function isPlainSpace(c: number): boolean {
  return c === SPACE || c === LINE_FEED || c === TAB || c === CARRIAGE_RETURN || c === NO_BREAK_SPACE;
}

/** `isPlainSpace` plus the thin space and the narrow no-break space that typeset text puts between words of a name. */
export function isWordSpace(c: number): boolean {
  return isPlainSpace(c) || c === THIN_SPACE || c === NARROW_NO_BREAK_SPACE;
}

const REGEX_SPACE = /\s/;

/** The first half of a surrogate pair: a code point outside the BMP starts here. */
export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** The second half of a surrogate pair. */
export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** What `\s` matches in a regular expression: ASCII white space and every Unicode space and line separator. */
export function isRegexSpace(c: number): boolean {
  if (c === SPACE || (c >= TAB && c <= CARRIAGE_RETURN)) return true;
  return c > ASCII_MAX && REGEX_SPACE.test(String.fromCharCode(c));
}

// ---- Letters ----

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const LETTER_MARK_OR_NUMBER = /[\p{L}\p{M}\p{N}]/u;

/** A letter of any script or a combining mark (Unicode L and M; a lone surrogate is neither). */
export function isLetterCode(c: number): boolean {
  if (c <= ASCII_MAX) return isAsciiLetter(c);
  return LETTER_OR_MARK.test(String.fromCharCode(c));
}

/** A letter or a digit of any script (Unicode L and N): what treaty names are made of. */
export function isLetterOrNumberCode(c: number): boolean {
  if (c <= ASCII_MAX) return isAsciiAlnum(c);
  return LETTER_OR_NUMBER.test(String.fromCharCode(c));
}

/** A letter that has an upper and a lower case form (Latin, Greek, Cyrillic...; not CJK, Arabic or Hebrew). */
export function isCasedLetter(c: number): boolean {
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** An upper-case (or title-case) letter of any script: one that lower-casing changes. */
export function isUpperCode(c: number): boolean {
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/** The Latin letters: ASCII, then `À` to `ɏ` (Latin-1, Latin Extended-A and -B; `×` and `÷` fall inside). */
export function isLatinLetter(c: number): boolean {
  return isAsciiLetter(c) || (c >= LATIN1_FIRST_LETTER && c <= LATIN_EXTENDED_B_LAST);
}

/** ASCII letters and every code unit from `À` on: a cheap "may be a letter" where a word must not go on. */
export function mayBeLetter(c: number): boolean {
  return isAsciiLetter(c) || c >= LATIN1_FIRST_LETTER;
}

// ---- Inside words ----

/** The marks that occur inside words and names: `'` `’` `-` `.` ("O'Brien", "Jean-Yves", "U.S."). */
export function isWordInnerMark(c: number): boolean {
  return c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE || c === HYPHEN_MINUS || c === FULL_STOP;
}

/** ASCII letters and the marks inside words: a word as the date rules read the one before a number. */
export function isAsciiWordPart(c: number): boolean {
  return isAsciiLetter(c) || isWordInnerMark(c);
}

/** Letters and marks of any script, ASCII digits and the marks inside words: a word as the speaker rules read it. */
export function isWordPart(c: number): boolean {
  return isLetterCode(c) || isAsciiDigit(c) || isWordInnerMark(c);
}

/** `isWordPart` with the digits of every script (`²`, `½`, Arabic-Indic): a word as the quote rules read it. */
export function isWordPartOrNumeral(c: number): boolean {
  if (c <= ASCII_MAX) return isAsciiAlnum(c) || isWordInnerMark(c);
  // The no-break space, the guillemets and General Punctuation (dashes, curly quotes, spaces), which the rules read
  // next to most words they look at, hold no letter, mark or number: told without compiling the expression.
  if (c === NO_BREAK_SPACE || c === LEFT_GUILLEMET || c === RIGHT_GUILLEMET || (c >= GENERAL_PUNCTUATION_FIRST && c <= GENERAL_PUNCTUATION_LAST)) {
    return c === RIGHT_SINGLE_QUOTE;
  }
  return LETTER_MARK_OR_NUMBER.test(String.fromCharCode(c));
}

/** The General Punctuation block. */
const GENERAL_PUNCTUATION_FIRST = 0x2000;
const GENERAL_PUNCTUATION_LAST = 0x206f;

/** The joiners inside a treaty name's words: `-` `/` and the hyphen, non-breaking hyphen and en dash ("Russia–NATO"). */
export function isWordJoiner(c: number): boolean {
  return c === HYPHEN_MINUS || c === SLASH || c === HYPHEN || c === NON_BREAKING_HYPHEN || c === EN_DASH;
}

// ---- Punctuation ----

/** `.` `?` `!`: the marks that may end a sentence. */
export function isSentenceStop(c: number): boolean {
  return c === FULL_STOP || c === QUESTION_MARK || c === EXCLAMATION_MARK;
}

/** Double quotation marks of every style: straight `"`, curly `“ ”`, low-9 `„` and guillemets `« »`. */
export function isDoubleQuoteMark(c: number): boolean {
  return (
    c === QUOTATION_MARK || c === LEFT_DOUBLE_QUOTE || c === RIGHT_DOUBLE_QUOTE || c === LOW_DOUBLE_QUOTE || c === LEFT_GUILLEMET || c === RIGHT_GUILLEMET
  );
}
