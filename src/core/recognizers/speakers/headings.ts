/**
 * Speakers named by a document's headings and caption lines rather than by a sentence: the name line under a
 * transcript's title ("Susan E. Rice" over "U.S. Permanent Representative to the United Nations", "Mark Toner,
 * Acting Spokesperson"), and a heading that names who briefs or is interviewed ("Briefing with Special Envoy
 * Anna Berg and Assistant Secretary Olaf Holm", "Interview with Mira Sand", "Joint News Conference with
 * President Holm"). The interviewer of an outlet ("Interview with Anna Berg of the Courier") is left out.
 */
import type { Found } from './attribution';
import { nameStartingAt, type NameSpan } from './names';
import { NATIONALITY_WORDS, PLACE_WORDS, TITLE_WORDS } from './nameWords';
import { tokAfter, type BlockTokens, type Tok } from './tokens';
import * as classes from '../../text/charClasses';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { isAsciiUpper, isWordInnerMark, isWordSpace } = classes;

const MAX_CAPTION = 120;
const MAX_HEADING = 220;
/** Nouns of a heading whose "with X" names who speaks (lower case). */
const WITH_NOUNS = new Set(['interview', 'briefing', 'conference', 'remarks', 'availability', 'stakeout', 'q&a']);

/** Appends the speakers named by the caption lines and headings of a block. */
export function findHeadingSpeakers(block: string, out: Found[], tokens: BlockTokens): void {
  // The first comma at or after the line read, -1 when there is none: searched again only once passed, not for
  // every line (a caption line "Name, Title" ends its name there).
  let comma = -2;
  // The same for "ith " ("with", "With"): only a line that holds one calls headingWith, which most lines never
  // do, so the loop stays small and headingWith's rare paths are no part of its optimized code.
  let withAt = -2;
  for (let start = 0; start < block.length; ) {
    let end = block.indexOf('\n', start);
    if (end === -1) end = block.length;
    // Both forms open their line with a capital and end it without a full stop; most lines of wrapped prose are
    // passed on their first character alone.
    const c = block.charCodeAt(start);
    if (c >= 65 && c <= 90 && end - start <= MAX_HEADING && !endsSentence(block, start, end)) {
      if (end - start <= MAX_CAPTION) {
        if (comma !== -1 && comma < start) comma = block.indexOf(',', start);
        captionLine(block, start, end, comma, out, tokens);
      }
      if (withAt !== -1 && withAt < start) withAt = block.indexOf('ith ', start);
      if (withAt !== -1 && withAt < end) headingWith(block, start, end, out, tokens);
    }
    start = end + 1;
  }
}

/**
 * The "with" of a heading line [start, end) that opens with a capital and has no full stop at its end. The line
 * alone is searched, not the block: such lines hold a small part of a block of prose. A heading's "with" may be
 * capitalised ("Interview With X"): both spellings are read, in text order.
 */
function headingWith(block: string, start: number, end: number, out: Found[], tokens: BlockTokens): void {
  const line = block.slice(start, end);
  let lower = line.indexOf('with ');
  let upper = line.indexOf('With ');
  if (lower === -1 && upper === -1) return;
  let heading: boolean | undefined;
  while (lower !== -1 || upper !== -1) {
    let w: number;
    if (upper === -1 || (lower !== -1 && lower < upper)) {
      w = start + lower;
      lower = line.indexOf('with ', lower + 5);
    } else {
      w = start + upper;
      upper = line.indexOf('With ', upper + 5);
    }
    if (w < 1 || block.charCodeAt(w - 1) !== 32) continue;
    const noun = tokens.before(block, w);
    if (!noun || noun.punct || !WITH_NOUNS.has(noun.lower)) continue;
    heading ??= isHeadingLine(block, start, end);
    if (heading) withNames(block, w + 5, end, out);
  }
}

/** A heading opens with a capital and holds no sentence end: prose wrapped at a line break does not qualify. */
function isHeadingLine(s: string, start: number, end: number): boolean {
  const c = s.charCodeAt(start);
  if (!(c >= 65 && c <= 90)) return false;
  const line = s.slice(start, end);
  return !/[.?!]\s+\p{Lu}/u.test(line.replace(/\b(?:\p{Lu}\.)+/gu, '').replace(/\b(?:Mr|Ms|Mrs|Dr|Gen|Sen|Rep|St|Jr)\./g, ''));
}

/** A heading or caption has no full stop at its end. */
function endsSentence(s: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i > start && (s[i] === ' ' || s[i] === '\t' || s[i] === '\r')) i--;
  const c = s[i];
  return c === '.' || c === '?' || c === '!' || c === '"' || c === '”';
}

/**
 * "[Title] Name" alone on its line over a line that opens with a title, or "[Title] Name, Title …" on one line.
 */
function captionLine(s: string, start: number, end: number, comma: number, out: Found[], tokens: BlockTokens): void {
  // The title is tested first (a lookup or two), the name only when a title follows: "Name, Title" ends the name
  // at the line's first comma (`comma`, the first at or after `start`), "Name" over "Title" at the line's end.
  let nameEnd: number;
  if (comma !== -1 && comma < end) {
    if (!opensWithTitle(s, comma + 1, end)) return;
    nameEnd = comma;
  } else {
    if (end + 1 >= s.length) return;
    // A next line that opens with neither white space nor what a title opens with is turned down before its end
    // is searched (opensWithTitle reads its first character the same way).
    const next = s.charCodeAt(end + 1);
    if (!isWordSpace(next) && !isAsciiUpper(next) && !isWordInnerMark(next)) return;
    const lineEnd = s.indexOf('\n', end + 1);
    if (!opensWithTitle(s, end + 1, lineEnd === -1 ? s.length : lineEnd)) return;
    nameEnd = end;
  }
  if (continuesLine(s, start, tokens)) return;
  const n = nameStartingAt(s, start, nameEnd);
  if (!n || n.possessive || n.outerStart !== start || tokAfter(s, n.end, nameEnd) !== undefined) return;
  out.push({ name: n, rule: 'caption-line' });
}

/** The line before `start` runs on into it: it ends with a comma, a title, or a word that needs what follows. */
function continuesLine(s: string, start: number, tokens: BlockTokens): boolean {
  if (start === 0) return false;
  const t = tokens.before(s, start - 1);
  if (!t) return false;
  if (t.punct) return t.core === ',';
  return TITLE_WORDS.has(t.lower) || /^(?:of|and|by|to|the|for|with|in|on|at|from|a|an)$/.test(t.lower);
}

/** The text from `from` opens with a title, after place or nationality words ("U.S. Permanent Representative"). */
function opensWithTitle(s: string, from: number, to: number): boolean {
  let p = from;
  for (let k = 0; k < 4; k++) {
    // Most lines of prose go on with a lower-case word: turned down on its first character, before a token is
    // made (a token that starts with neither a capital nor a word mark fails the tests below).
    let i = p;
    while (i < to && isWordSpace(s.charCodeAt(i))) i++;
    if (i >= to) return false;
    const first = s.charCodeAt(i);
    if (!(isAsciiUpper(first) || isWordInnerMark(first))) return false;
    const t: Tok | undefined = tokAfter(s, p, to);
    if (!t || t.punct) return false;
    const c = t.core.charCodeAt(0);
    if (!(c >= 65 && c <= 90)) return false;
    if (TITLE_WORDS.has(t.lower)) return true;
    if (!PLACE_WORDS.has(t.lower) && !NATIONALITY_WORDS.has(t.lower) && t.core !== 'U.') return false;
    p = t.end;
  }
  return false;
}

/** "Briefing with [role] X and [role] Y", "Interview with X": every person the heading names after "with". */
function withNames(s: string, from: number, end: number, out: Found[]): void {
  let p = from;
  for (let k = 0; k < 3 && p < end; k++) {
    const n = nameStartingAt(s, p, end);
    if (!n || n.possessive || n.outerStart !== tokAfter(s, p, end)?.start || isOfOutlet(s, n, end)) return;
    out.push({ name: n, rule: 'heading-with' });
    const and = tokAfter(s, n.end, end);
    if (!and || and.lower !== 'and') return;
    p = and.end;
  }
}

/** "Anna Berg of the Courier", "Anna Berg from Radio Nord": the interviewer, with the outlet after the name. */
function isOfOutlet(s: string, n: NameSpan, end: number): boolean {
  const t = tokAfter(s, n.end, end);
  return t !== undefined && (t.lower === 'of' || t.lower === 'from');
}
