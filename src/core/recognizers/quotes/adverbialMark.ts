/**
 * `said last week, "…"`: the quotation mark after a short adverbial, read character by character. The rule reads
 * as the expression `\s+(?:W+\s+){0,4}W+\s*[,:]\s*["“«„]` (sticky, unicode; W a letter or number of any script, `'`,
 * `’` or `-`), which compiled to one of the largest programs of the quote rules (the letter class twice over, in
 * code points) for a test run on a few words after some verbs.
 */
import * as codes from '../../text/charCodes';
import { isHighSurrogate, isLetterOrNumberCode, isRegexSpace } from '../../text/charClasses';

// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { APOSTROPHE, COLON, COMMA, HYPHEN_MINUS, LEFT_DOUBLE_QUOTE, LEFT_GUILLEMET, LOW_DOUBLE_QUOTE, QUOTATION_MARK, RIGHT_SINGLE_QUOTE } = codes;

/** How many words the adverbial may have. */
const MAX_WORDS = 5;

/** A letter or number outside the BMP, as one code point (a pair of surrogates): only a regex tells it. */
const ASTRAL_LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/**
 * Offset of the opening quotation mark after white space at `p`, up to five words (runs of letters, numbers,
 * apostrophes and hyphens) parted by white space, a comma or colon and white space; or -1.
 */
export function markAfterAdverbial(block: string, p: number): number {
  let i = skipRegexSpace(block, p);
  if (i === p) return -1;
  for (let words = 0; words < MAX_WORDS; words++) {
    const e = adverbialWordEnd(block, i);
    if (e === i) return -1;
    const j = skipRegexSpace(block, e);
    if (j === block.length) return -1;
    const c = block.charCodeAt(j);
    if (c === COMMA || c === COLON) {
      const k = skipRegexSpace(block, j + 1);
      if (k === block.length) return -1;
      const mark = block.charCodeAt(k);
      return mark === QUOTATION_MARK || mark === LEFT_DOUBLE_QUOTE || mark === LEFT_GUILLEMET || mark === LOW_DOUBLE_QUOTE ? k : -1;
    }
    // Another word must follow after white space; anything else ends the adverbial without a mark.
    if (j === e) return -1;
    i = j;
  }
  return -1;
}

function skipRegexSpace(s: string, i: number): number {
  while (i < s.length && isRegexSpace(s.charCodeAt(i))) i++;
  return i;
}

/** The end of the run of word characters (letters, numbers, `'`, `’`, `-`) from `i`. */
function adverbialWordEnd(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE || c === HYPHEN_MINUS || isLetterOrNumberCode(c)) i++;
    else if (isHighSurrogate(c) && i + 1 < s.length && ASTRAL_LETTER_OR_NUMBER.test(s.slice(i, i + 2))) i += 2;
    else break;
  }
  return i;
}
