/**
 * Speakers after "by": the agent of words ("remarks by Anna Berg", "a proposal put forward by Olaf Holm", "as
 * noted by Minister Berg", "concerns raised by Holm") and a byline opening a line ("By Anna Berg"). "Signed by",
 * "a decision made by" name people acting, not speaking, and are left out.
 */
import type { Found } from './attribution';
import * as classes from '../../text/charClasses';
import { nameEndingAt, nameStartingAt } from './names';
import { afterArticle } from './subjects';
import { BY_SPEAKER_NOUNS, PASSIVE_ALONE, PASSIVE_WITH_NOUN } from './speechVerbs';
import { tokAfter, type BlockTokens, type Tok } from './tokens';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { mayBeLetter } = classes;

/** Appends the speakers named after "by" in a block. */
export function findBySpeakers(block: string, out: Found[], tokens: BlockTokens): void {
  for (let at = block.indexOf('by'); at !== -1; at = block.indexOf('by', at + 2)) {
    if (!isWordAt(block, at)) continue;
    const w = tokens.before(block, at);
    // "Anna Berg, interviewed by the Courier": the one interviewed speaks; "an interview by X" names the interviewer.
    if (w && w.lower === 'interviewed') pushInterviewee(block, w.start, out, tokens);
    else if (speechBefore(block, at, tokens)) pushNameAfter(block, at + 2, 'by-speaker', out);
  }
  findBylines(block, out);
}

/** "By" alone at a line start, then a name that ends its line (or meets a comma): a byline. */
function findBylines(block: string, out: Found[]): void {
  for (let at = block.indexOf('By '); at !== -1; at = block.indexOf('By ', at + 3)) {
    if (at > 0 && block.charCodeAt(at - 1) !== 10) continue;
    let lineEnd = block.indexOf('\n', at);
    if (lineEnd === -1) lineEnd = block.length;
    if (lineEnd - at > 80) continue;
    const n = nameStartingAt(block, at + 3, lineEnd);
    if (!n || n.possessive || n.outerStart !== tokAfter(block, at + 3)?.start) continue;
    const next = tokAfter(block, n.end, lineEnd);
    if (next && !(next.punct && next.core === ',')) continue;
    out.push({ name: n, rule: 'byline' });
  }
}

/** "by" as a word of its own, lower case. */
function isWordAt(s: string, at: number): boolean {
  const before = at > 0 ? s.charCodeAt(at - 1) : 32;
  const after = s.charCodeAt(at + 2);
  return !mayBeLetter(before) && !mayBeLetter(after) && at + 2 < s.length;
}

/** The words before "by" make its agent a speaker: a noun for words, or a participle of speech. */
function speechBefore(s: string, by: number, tokens: BlockTokens): boolean {
  const w = tokens.before(s, by);
  if (!w || w.punct) return false;
  if (w.lower === 'interview') return false;
  if (BY_SPEAKER_NOUNS.has(w.lower) || PASSIVE_ALONE.has(w.lower)) return true;
  const two = twoWords(s, w, tokens);
  if (two !== undefined && PASSIVE_ALONE.has(two)) return true;
  if (!PASSIVE_WITH_NOUN.has(w.lower) && (two === undefined || !PASSIVE_WITH_NOUN.has(two))) return false;
  // "the proposal put forward by", "concerns raised by": a noun for words within a few words before.
  let p = w.start;
  for (let k = 0; k < 4; k++) {
    const t = tokens.before(s, p);
    if (!t || t.punct || t.sentenceEnd) return false;
    if (BY_SPEAKER_NOUNS.has(t.lower)) return true;
    p = t.start;
  }
  return false;
}

/** "put forward", "set out": the word before `w` and `w`, when `w` is a particle. */
function twoWords(s: string, w: Tok, tokens: BlockTokens): string | undefined {
  if (w.lower !== 'forward' && w.lower !== 'out') return undefined;
  const v = tokens.before(s, w.start);
  return v && !v.punct ? `${v.lower} ${w.lower}` : undefined;
}

/** The name before "(was) interviewed by": "State’s Gottemoeller Interviewed by the Tribune". */
function pushInterviewee(s: string, verbStart: number, out: Found[], tokens: BlockTokens): void {
  let p = verbStart;
  const aux = tokens.before(s, p);
  if (aux && (aux.lower === 'was' || aux.lower === 'is' || aux.lower === 'being' || aux.lower === 'been')) p = aux.start;
  const comma = tokens.before(s, p);
  if (comma && comma.punct && comma.core === ',') p = comma.start;
  const n = nameEndingAt(s, p, tokens);
  if (n && !afterArticle(s, n, tokens)) out.push({ name: n, rule: 'interviewed-by' });
}

function pushNameAfter(s: string, from: number, rule: string, out: Found[]): void {
  const n = nameStartingAt(s, from, Math.min(s.length, from + 120));
  if (!n || n.possessive) return;
  const first = tokAfter(s, from);
  if (!first || first.start !== n.outerStart) return;
  out.push({ name: n, rule });
}
