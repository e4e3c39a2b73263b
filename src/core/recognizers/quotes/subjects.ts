/**
 * Subjects of reporting verbs, read around the verb: a name mention (with its title run, or an apposition after
 * it), `he`/`she`, or a role noun phrase (`the deputy foreign minister`, `senior Russian diplomat`).
 */
import type { Mention } from '../../model/mention';
import { ROLE_NOUNS } from './reportingVerbs';
import { isCapitalised, skipSpace, skipSpaceBack, wordAfter, wordBefore } from './words';

/** Who a quote is attributed to: a name mention of the block (by its start) or an anaphor at an offset. */
export interface Subject {
  kind: 'name' | 'anaphor';
  /** Block-relative start of the name mention, or of the anaphor. */
  at: number;
  /** An anaphor's role words, lower case (`the deputy foreign minister` -> `deputy foreign minister`). */
  role?: string;
}

const PRONOUNS = new Set(['he', 'she']);
/** Capitalised words that open a sentence part, never a title: `As President Obama said`. */
const SENTENCE_OPENERS = new Set(['As', 'When', 'If', 'While', 'But', 'And', 'After', 'Before', 'Since', 'Because', 'Although', 'Earlier', 'Later', 'Meanwhile', 'However', 'Then', 'Also']);
const ARTICLES = new Set(['the']);

/** A subject ending at `p`: a name mention (with an apposition after it), `he`/`she`, or `the <role noun>`. */
export function subjectEndingAt(block: string, names: readonly Mention[], p: number): { subject: Subject; from: number } | undefined {
  let e = skipSpaceBack(block, p);
  if (block[e - 1] === ',') {
    e = skipSpaceBack(block, e - 1);
    // `Fuad Basya, spokesman for the Indonesian military, said`: the name before a comma-delimited apposition.
    const open = block.lastIndexOf(',', e - 1);
    const named = open > 0 && e - open < 90 ? nameEndingAt(names, skipSpaceBack(block, open)) : undefined;
    if (named && !/["“”«».;:]/.test(block.slice(open, e))) return { subject: { kind: 'name', at: named.start }, from: titleStart(block, named.start) };
  }
  const name = nameEndingAt(names, e);
  if (name) return { subject: { kind: 'name', at: name.start }, from: titleStart(block, name.start) };
  const w = wordBefore(block, e);
  if (!w || w.end !== e) return undefined;
  const lower = w.text.toLowerCase();
  if (PRONOUNS.has(lower)) return { subject: { kind: 'anaphor', at: w.start }, from: w.start };
  if (!ROLE_NOUNS.has(lower)) return undefined;
  // `the [Russian] [Deputy Foreign] minister`: the article within a few words, nothing but words between.
  let s = w.start;
  for (let k = 0; k < 5; k++) {
    const x = wordBefore(block, s);
    if (!x || x.end !== skipSpaceBack(block, s) || /[,;:]/.test(block.slice(x.end, s))) return undefined;
    if (ARTICLES.has(x.text.toLowerCase())) return { subject: { kind: 'anaphor', at: x.start, role: roleWords(block, x.end, w.end) }, from: x.start };
    s = x.start;
  }
  return undefined;
}

/** A subject starting at `p` after an inverted verb: optional title words then a name mention, a pronoun, or a role noun phrase. */
export function subjectStartingAt(block: string, names: readonly Mention[], p: number, bareRole: boolean): { subject: Subject; end: number } | undefined {
  let s = skipSpace(block, p);
  const npStart = s;
  for (let k = 0; k < 7; k++) {
    const name = nameStartingAt(names, s);
    if (name) return { subject: { kind: 'name', at: name.start }, end: name.end };
    const w = wordAfter(block, s);
    if (!w || w.start !== s) return undefined;
    const lower = w.text.toLowerCase();
    if (k === 0 && PRONOUNS.has(lower)) return { subject: { kind: 'anaphor', at: w.start }, end: w.end };
    if (ROLE_NOUNS.has(lower) && (bareRole || k > 0)) {
      const next = wordAfter(block, w.end);
      // "the minister of …" / "senior Russian diplomat": the noun phrase ends at the role noun or a name follows;
      // "Ambassador to the United States Hamdullah Mohib": a title's complement, then the name.
      const named = next && TITLE_PREPOSITIONS.has(next.text) ? nameAfterComplement(block, names, next.end) : undefined;
      if (named) return { subject: { kind: 'name', at: named.start }, end: named.end };
      if (!next || !isCapitalised(next.text) || next.start > skipSpace(block, w.end)) return { subject: { kind: 'anaphor', at: npStart, role: roleWords(block, npStart, w.end) }, end: w.end };
    }
    if (!(isCapitalised(w.text) || lower === 'the' || lower === 'of' || /^[a-z]+$/.test(lower))) return undefined;
    if (/[,;:.!?"“”]/.test(block.slice(w.end, skipSpace(block, w.end)) + (block[w.end] ?? ''))) return undefined;
    s = skipSpace(block, w.end);
  }
  return undefined;
}

/** The first of `names` starting at `at` (a loop: a closure per call to find cost more than most searches). */
export function nameStartingAt(names: readonly Mention[], at: number): Mention | undefined {
  for (let i = 0; i < names.length; i++) if ((names[i] as Mention).start === at) return names[i];
  return undefined;
}

/** The first of `names` ending at `at`. */
function nameEndingAt(names: readonly Mention[], at: number): Mention | undefined {
  for (let i = 0; i < names.length; i++) if ((names[i] as Mention).end === at) return names[i];
  return undefined;
}

const TITLE_PREPOSITIONS = new Set(['to', 'of', 'for']);

/** The name mention right after a title's complement (`to the United States`): capitalised words and `the`/`of`. */
function nameAfterComplement(block: string, names: readonly Mention[], p: number): Mention | undefined {
  let s = skipSpace(block, p);
  for (let k = 0; k < 6; k++) {
    const name = nameStartingAt(names, s);
    if (name) return name;
    const w = wordAfter(block, s);
    if (!w || w.start !== s || !(isCapitalised(w.text) || w.text === 'the' || w.text === 'of' || w.text === 'and')) return undefined;
    if (block[w.end] !== ' ') return undefined;
    s = skipSpace(block, w.end);
  }
  return undefined;
}

/** The words of a role noun phrase, lower case, without articles. */
function roleWords(block: string, from: number, to: number): string {
  return block
    .slice(from, to)
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '' && w !== 'the')
    .join(' ');
}

/** Start of the title run before a name ("Russian Deputy Foreign Minister ⟦Sergei Ryabkov⟧"). */
function titleStart(block: string, start: number): number {
  let s = start;
  for (let k = 0; k < 8; k++) {
    const w = wordBefore(block, s);
    if (!w || w.end !== skipSpaceBack(block, s) || /[^\s]/.test(block.slice(w.end, s))) break;
    if (!(isCapitalised(w.text) || w.text === 'of' || w.text === 'the' || w.text === 'for') || SENTENCE_OPENERS.has(w.text)) break;
    s = w.start;
  }
  return s;
}
