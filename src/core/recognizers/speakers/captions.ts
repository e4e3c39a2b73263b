/**
 * Attributions that are not sentences: the caption under a pull quote whose quotation marks were lost
 * ("… yesterday Sergey Ryabkov Deputy Foreign Minister of Russia" closing a paragraph), an attribution line
 * under a quotation ("Secretary of State Tony Blinken, January 7, 2022"), and the authors of a first-person
 * joint statement ("We, President … Joseph R. Biden and President … Vladimir Putin, note").
 */
import type { Found } from './attribution';
import { isNameWord, nameEndingAt, nameSpan, nameStartingAt } from './names';
import { TITLE_WORDS } from './nameWords';
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
import { tokAfter, type BlockTokens, type Tok } from './tokens';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { ASTERISK, LINE_FEED, UNDERSCORE } = codes;
const { isDoubleQuoteMark, isLetterCode, isRegexSpace } = classes;

const CAPTION_CONNECTORS = new Set(['of', 'the', 'for', 'to', 'and']);
/** Module-level expressions: a literal in a function is a new object each time it is evaluated. */
const CAPITALISED = /^\p{Lu}/u;
const MAX_CAPTION_LINE = 140;

/**
 * A paragraph ending, without a full stop, in NAME + ROLE (the role starting with a title word): the caption
 * of a pull quote. Lists and headings are excluded by requiring the title right after the name.
 */
export function findClosingCaption(block: string, out: Found[], tokens: BlockTokens): void {
  let end = block.length;
  while (end > 0 && isRegexSpace(block.charCodeAt(end - 1))) end--;
  if (end === 0 || !isLetterCode(block.charCodeAt(end - 1))) return;
  // Collect the trailing run of role words (title words, capitalised words, connectors), backwards.
  const roleToks: Tok[] = [];
  let p = end;
  for (let i = 0; i < 10; i++) {
    const t = tokens.before(block, p);
    if (!t || t.punct || t.sentenceEnd) break;
    const cap = CAPITALISED.test(t.core);
    if (!(cap || CAPTION_CONNECTORS.has(t.lower))) break;
    if (cap && isNameWord(t) && !TITLE_WORDS.has(t.lower)) {
      // A name word: the role run must already hold a title, and the name is what precedes it.
      if (!roleToks.some((r) => TITLE_WORDS.has(r.lower))) {
        roleToks.unshift(t);
        p = t.start;
        continue;
      }
      break;
    }
    roleToks.unshift(t);
    p = t.start;
  }
  // The role must start with a title word, directly after the name.
  let k = 0;
  while (k < roleToks.length && !TITLE_WORDS.has((roleToks[k] as Tok).lower)) k++;
  if (k >= roleToks.length) return;
  const roleStart = (roleToks[k] as Tok).start;
  const titleTok = roleToks[k] as Tok;
  if (!CAPITALISED.test(titleTok.core)) return;
  let nameEndPos = roleStart;
  const comma = tokens.before(block, roleStart);
  if (comma && comma.punct && comma.core === ',') nameEndPos = comma.start;
  const n = nameEndingAt(block, nameEndPos, tokens);
  // A name across a line break is two lines of a header (name line, title line), which headings.ts reads.
  if (!n || n.possessive || block.lastIndexOf('\n', n.end) > n.start) return;
  // The name must not itself be preceded by a title (then the whole run is a heading "Minister X Y").
  if (n.role) return;
  const role = block.slice(roleStart, end).replace(/\s+/g, ' ');
  out.push({ name: nameSpan(n.start, n.end, n.start, false, role, role), rule: 'quote-caption' });
}

/** `"…" — Anna Berg, on the talks`: a name after a dash that follows a closing quotation mark. */
export function findDashAttributions(block: string, out: Found[], tokens: BlockTokens): void {
  for (let i = block.indexOf('—'); i !== -1; i = block.indexOf('—', i + 1)) dashAttribution(block, i, out, tokens);
  for (let i = block.indexOf('–'); i !== -1; i = block.indexOf('–', i + 1)) dashAttribution(block, i, out, tokens);
}

function dashAttribution(block: string, dash: number, out: Found[], tokens: BlockTokens): void {
  const before = tokens.before(block, dash);
  if (!before || !before.punct || !isDoubleQuoteMark(before.core.charCodeAt(0)) || before.core === '“' || before.core === '«') return;
  const n = nameStartingAt(block, dash + 1, Math.min(block.length, dash + 100));
  if (!n || n.possessive) return;
  const after = tokAfter(block, n.end);
  if (after && !(after.punct && after.core === ',')) return;
  out.push({ name: n, rule: 'quote-dash' });
}

/** A short line right under a line that closes a quotation, naming who said it. */
export function findQuoteAttributionLines(block: string, out: Found[]): void {
  let prevEnd = block.indexOf('\n');
  while (prevEnd !== -1) {
    const lineStart = prevEnd + 1;
    let lineEnd = block.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = block.length;
    if (lineEnd - lineStart <= MAX_CAPTION_LINE && closesQuote(block, prevEnd)) attributionLine(block, lineStart, lineEnd, out);
    prevEnd = lineEnd < block.length ? lineEnd : -1;
  }
}

function closesQuote(block: string, nl: number): boolean {
  let i = nl - 1;
  // White space, `*` and `_` (markdown emphasis) before the line end, read from char codes: a one-character
  // string and a regex call per character of every line end cost more.
  for (let c = block.charCodeAt(i); i >= 0 && (isRegexSpace(c) || c === ASTERISK || c === UNDERSCORE); c = block.charCodeAt(--i)) {
    if (c === LINE_FEED) return false;
  }
  return i >= 0 && isDoubleQuoteMark(block.charCodeAt(i)) && block[i] !== '“' && block[i] !== '«';
}

function attributionLine(block: string, lineStart: number, lineEnd: number, out: Found[]): void {
  let i = lineStart;
  while (i < lineEnd && /[\s*_—–-]/.test(block[i] as string)) i++;
  const n = nameStartingAt(block, i, lineEnd);
  if (!n || n.possessive || n.outerStart !== i) return;
  const rest = block.slice(n.end, lineEnd).trim();
  if (rest.length > 0 && !/^[,*_]/.test(rest)) return;
  out.push({ name: n, rule: 'quote-attribution' });
}

/** "We, <role> <name> and <role> <name>, note …": every author of a first-person joint statement. */
export function findJointStatementAuthors(block: string, out: Found[]): void {
  let from = 0;
  for (;;) {
    const at = block.indexOf('We,', from);
    if (at === -1) return;
    from = at + 3;
    const before = at > 0 ? block.slice(Math.max(0, at - 3), at) : '';
    if (at > 0 && !/(?:^|[.!?:]\s*|\n\s*)$/.test(before)) continue;
    // The author list ends at the comma before the first verb: ", note", ", declare", ", affirm".
    const close = block.slice(from, from + 400).search(/,\s+(?:hereby\s+)?\p{Ll}/u);
    if (close === -1) continue;
    const listEnd = from + close;
    let p = from;
    const names: Found[] = [];
    while (p < listEnd) {
      const n = nameStartingAt(block, p, listEnd);
      if (!n) break;
      names.push({ name: n, rule: 'joint-statement' });
      const sep = block.slice(n.end, listEnd).search(/\band\b|,/);
      if (sep === -1) break;
      p = n.end + sep + (block[n.end + sep] === ',' ? 1 : 3);
    }
    if (names.length > 0) out.push(...names);
  }
}
