/**
 * Parts of a sentence around a reporting verb that the quote rules of blockQuotes.ts read: what may follow a
 * verb of commitment or request (an infinitive, a gerund, an addressee and an infinitive), a passive before it,
 * a short adverbial before a quotation, a descriptive noun phrase before a name, and where the clause a
 * participle hangs on starts, the addressee after `told`, the pronoun of `according to him`. Offsets are
 * block-relative; -1 means "not there".
 */
import type { Mention } from '../../model/mention';
import { ADVERBIAL_OPENERS, NON_CLAUSE_OPENERS } from './reportingVerbs';
import { subjectStartingAt, type Subject } from './subjects';
import { skipSpace, skipSpaceBack, wordAfter, wordBefore } from './words';

export { markAfterAdverbial } from './adverbialMark';

/** Whether `c` is a quotation mark. */
export function isMarkChar(c: string | undefined): boolean {
  return c === '"' || c === '“' || c === '”' || c === '«' || c === '»' || c === '„';
}

const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being']);
const DETERMINERS = new Set('the a an this that these those his her its their our my your some any all each every no such'.split(' '));

/** Whether the verb ending at `verbEnd` follows a form of `be` (`was asked`, `has been promised`). */
export function isPassiveVerb(block: string, verbEnd: number): boolean {
  const verb = wordBefore(block, verbEnd);
  const w = verb ? wordBefore(block, verb.start) : undefined;
  return w !== undefined && PASSIVE_AUX.has(w.text.toLowerCase());
}

/** Whether `to` ending at `p` opens an infinitive: a lower-case word that is no determiner follows. */
function isVerbAfterTo(block: string, p: number): boolean {
  const v = wordAfter(block, p);
  return v !== undefined && v.start === skipSpace(block, p) && /^[a-z]+$/.test(v.text) && !DETERMINERS.has(v.text);
}

/** `vowed to challenge`, `proposed banning`: where the infinitive or gerund right after the verb starts. */
export function infinitiveOrGerund(block: string, verbEnd: number): number {
  const w = wordAfter(block, verbEnd);
  if (!w || w.start !== skipSpace(block, verbEnd)) return -1;
  return (w.text === 'to' ? isVerbAfterTo(block, w.end) : /^[a-z]{3,}ing$/.test(w.text)) ? w.start : -1;
}

/**
 * `asked the Council to help`, `asked to begin talks`, `asked the states not to turn boats away`: where the
 * addressee (up to eight words) or the infinitive starts; -1 without an infinitive (`asked about`, `asked whether`).
 */
export function requestContent(block: string, verbEnd: number): number {
  let s = verbEnd;
  for (let k = 0; k < 9; k++) {
    const w = wordAfter(block, s);
    if (!w || w.start !== skipSpace(block, s)) return -1;
    if (w.text === 'to') return isVerbAfterTo(block, w.end) ? (k === 0 ? w.start : skipSpace(block, verbEnd)) : -1;
    if (k === 0 && (ADVERBIAL_OPENERS.has(w.text) || w.text === 'whether' || w.text === 'if')) return -1;
    s = w.end;
  }
  return -1;
}

/** `"…," team member Rodaba Noori told`: the end of what precedes a short descriptive noun phrase before the name. */
export function beforeDescriptor(block: string, j: number): number {
  let e = j + 1;
  for (let k = 0; k < 4; k++) {
    const w = wordBefore(block, e);
    if (!w || w.end !== skipSpaceBack(block, e)) break;
    e = w.start;
    const c = block[skipSpaceBack(block, e) - 1];
    if (c === ',' || isMarkChar(c)) return skipSpaceBack(block, e) - 1;
  }
  return -1;
}

const COORDINATOR = /[,;]\s+(?:but|and|yet|while|whereas)\s+/g;

/** The start of the last clause a coordinator opens in [from, to) (`…, but Abbas has denied this`), or -1. */
function lastCoordinatedClause(block: string, from: number, to: number): number {
  COORDINATOR.lastIndex = from;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = COORDINATOR.exec(block)) !== null && m.index < to) last = COORDINATOR.lastIndex;
  return last;
}

/** Where a sentence's main clause starts: after an opening adverbial (`During the talks,`), if any. */
function mainClauseStart(block: string, from: number, limit: number): number {
  const first = wordAfter(block, from);
  if (!first || !NON_CLAUSE_OPENERS.has(first.text.toLowerCase())) return from;
  const comma = block.indexOf(',', first.end);
  return comma < 0 || comma >= limit ? from : comma + 1;
}

/**
 * The subject of a participle at `at` in the sentence starting at `from`: its main clause's, or that of the clause
 * a coordinator opens, if a name, `he`/`she` or a role noun phrase; after a quotation (`"…," Ryabkov said, adding`)
 * the sentence's last name before it, else an anaphor.
 */
export function participleSubject(block: string, names: readonly Mention[], from: number, at: number): Subject | undefined {
  if (isMarkChar(block[skipSpace(block, from)])) {
    let named: Mention | undefined;
    for (const m of names) if (m.start >= from && m.end <= at) named = m;
    return named ? { kind: 'name', at: named.start } : { kind: 'anaphor', at };
  }
  const coordinated = lastCoordinatedClause(block, from, at);
  return (
    (coordinated >= 0 ? subjectStartingAt(block, names, coordinated, false)?.subject : undefined) ??
    subjectStartingAt(block, names, mainClauseStart(block, from, at), false)?.subject
  );
}

/** After `told`, `assured`, …: the addressee (up to five words, stopping at `that`, punctuation or a quotation). */
export function skipObject(block: string, p: number): number {
  let s = p;
  for (let k = 0; k < 5; k++) {
    const w = wordAfter(block, s);
    if (!w || w.start !== skipSpace(block, s) || w.text === 'that' || ADVERBIAL_OPENERS.has(w.text.toLowerCase())) break;
    s = w.end;
    if (block[s] !== ' ') break;
  }
  return s;
}

/** `according to him`/`her`: the pronoun as an anaphor subject, and where it ends. */
export function accordingPronoun(block: string, p: number): { subject: Subject; end: number } | undefined {
  const w = wordAfter(block, p);
  if (!w || (w.text !== 'him' && w.text !== 'her')) return undefined;
  return { subject: { kind: 'anaphor', at: w.start }, end: w.end };
}
