/**
 * The marks a block's rarer speaker rules need, found in one regex pass: a possessive before a noun for words
 * ("Berg’s remarks", whose speakers it appends), a quotation mark that closes a line, a closing quotation mark
 * before a dash, "We," and "by". Most blocks hold none of them; one pass that reads the block once replaces a search
 * per mark, each of which read the whole block again and cost a call per block.
 */
import type { Found } from './attribution';
import { nameEndingAt } from './names';
import { REMARKS_RE } from './speechVerbs';
import * as codes from '../../text/charCodes';
import type { BlockTokens } from './tokens';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { APOSTROPHE, LINE_FEED, RIGHT_SINGLE_QUOTE } = codes;

/** A closing quotation mark, then a dash (`/["”»]\s*[—–]/`): the only place findDashAttributions looks. */
export const QUOTE_THEN_DASH = 1;
/**
 * A double quotation mark other than an opening one (`"`, `”`, `„`, `»`) ending a line, before white space,
 * `*` or `_`: what captions.ts's findQuoteAttributionLines needs before the line under it.
 */
export const QUOTE_LINE_END = 2;
/** "We,": where a first-person joint statement may list its authors. */
export const JOINT_WE = 4;
/** "by" or "By" anywhere, even inside a word: where bySpeakers.ts's searches for "by" and "By " start. */
export const BY = 8;

const DASH_AFTER_QUOTE = /["”»]\s*[—–]/y;
/**
 * Each alternative's matches can hold no character that starts another alternative's (an apostrophe, a
 * quotation mark, `W`, `b`, `B`) past their first, so the union finds every match of each alternative, but two:
 * a quotation mark that both ends a line and comes before a dash, and a "by" inside a possessive's match ("Berg’s
 * by remarks"), which the pass reads itself.
 */
const MARKS = new RegExp(`(?:${REMARKS_RE.source})|["”„»](?:[^\\S\\n]|[*_])*\\n|["”»]\\s*[—–]|We,|[bB]y`, 'g');

/**
 * Reads the marks of `block`, appending the speakers of its possessives before nouns for words (rule `remarks`,
 * left to right) to `out`; returns the other marks found, as the bits above.
 */
export function readMarks(block: string, out: Found[], tokens: BlockTokens): number {
  const re = MARKS;
  re.lastIndex = 0;
  let marks = 0;
  // Whether the block holds "s ", which the possessive rule has always required (asked once, when needed).
  let spaced = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(block)) !== null) {
    const at = m.index;
    const c = block.charCodeAt(at);
    if (c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE) {
      if (m[0].indexOf('by') !== -1) marks |= BY;
      if (spaced === -1) spaced = block.indexOf('s ') !== -1 ? 1 : 0;
      if (spaced === 0) continue;
      const n = nameEndingAt(block, at, tokens);
      if (n) out.push({ name: n, rule: 'remarks' });
    } else if (m[0] === 'We,') {
      marks |= JOINT_WE;
    } else if (m[0] === 'by' || m[0] === 'By') {
      marks |= BY;
    } else if (m[0].charCodeAt(m[0].length - 1) === LINE_FEED) {
      marks |= QUOTE_LINE_END;
      DASH_AFTER_QUOTE.lastIndex = at;
      if (DASH_AFTER_QUOTE.test(block)) marks |= QUOTE_THEN_DASH;
    } else {
      marks |= QUOTE_THEN_DASH;
    }
  }
  return marks;
}
