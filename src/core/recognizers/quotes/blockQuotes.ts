/**
 * The quotes of one block (a paragraph), with who they are attributed to as the block shows it: a speaker mention
 * of the block, or an anaphor (`he`, `the diplomat`, `according to him`) that the document-level pass resolves to a
 * named speaker. Rules follow English reported speech, pivoting on a reporting verb or `according to`:
 * - direct speech: the passage in quotation marks before (`"…," Ryabkov said`, `"…," said Ryabkov`) or after
 *   (`Ryabkov said: "…"`) the attribution, both when it interrupts the quotation (`"A," he said, "B."`);
 * - indirect speech: the clause after the verb (after `that`), to the end of the sentence, or the clause before an
 *   attribution closing its sentence (`Moscow has no illusions …, Ryabkov said at a briefing.`);
 * - the pull quote a caption closes (the speaker recogniser's `quote-caption` and `quote-attribution` rules).
 * A quotation with no attribution construction (a scare quote, a title) is not a quote.
 */
import type { Mention } from '../../model/mention';
import { QuotedBlock, type QuotePair } from './quoteMarks';
import { ADVERBIAL_OPENERS, BETWEEN, NON_CLAUSE_OPENERS, ROLE_NOUNS, VERB_RE, verbClass, type VerbClass } from './reportingVerbs';
import { isCapitalised, skipSpace, skipSpaceBack, wordAfter, wordBefore, wordCount } from './words';

/** Who a quote is attributed to: a name mention of the block (by its start) or an anaphor at an offset. */
export interface Subject {
  kind: 'name' | 'anaphor';
  /** Block-relative start of the name mention, or of the anaphor. */
  at: number;
  /** An anaphor's role words, lower case (`the deputy foreign minister` -> `deputy foreign minister`). */
  role?: string;
}

/** A block's quotes, and the anaphors of all its attributions (with or without a quote) for resolution in order. */
export interface BlockQuotes {
  quotes: Candidate[];
  anaphors: Subject[];
}

/** A quote of a block, block-relative. */
export interface Candidate {
  start: number;
  end: number;
  rule: string;
  subject: Subject;
}

interface Attribution {
  subject: Subject;
  /** Where the attribution clause starts (the subject with its title, or the verb when inverted). */
  from: number;
  /** Where it ends (after the verb, or after the subject when inverted). */
  to: number;
  verbEnd: number;
  cls: VerbClass;
  inverted: boolean;
}

const PRONOUNS = new Set(['he', 'she']);
const ARTICLES = new Set(['the']);
const CONTINUATION = /,?\s*(?:(?:adding|continuing|concluding|explaining|and\s+added|then\s+added)\s*[,:]?\s*)?/y;
const THAT_AHEAD = /([^.!?"“”«»\n:;]{0,100}?)\bthat\s+/y;
const ACCORDING_RE = /\b[Aa]ccording\s+to\s+/g;
const QUOTED_RE = /\b(?:quoted|cited)\s+/g;

/** The quotes of one block; `mentions` are the block's recogniser output (block-relative). */
export function blockCandidates(block: string, mentions: readonly Mention[]): BlockQuotes {
  const names = mentions.filter((m) => (m.kind === 'speaker' || m.kind === 'person') && !m.layer);
  const out: Candidate[] = [];
  const anaphors: Subject[] = [];
  for (const m of names) {
    if (m.attributes?.rule === 'quote-caption') caption(block, 0, m.start, m.start, out);
    else if (m.attributes?.rule === 'quote-attribution') caption(block, 0, block.lastIndexOf('\n', m.start), m.start, out);
  }
  VERB_RE.lastIndex = 0;
  const hasVerb = VERB_RE.test(block);
  const hasAccording = block.indexOf('ccording') >= 0;
  if (!hasVerb && !hasAccording && block.indexOf('quoted') < 0 && block.indexOf('cited') < 0) return { quotes: out, anaphors };
  const q = new QuotedBlock(block);
  const ctx: Ctx = { block, q, names, out, anaphors };
  if (hasVerb) {
    const re = VERB_RE;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(block)) !== null) {
      const cls = verbClass(m[0]);
      if (cls) onVerb(ctx, m.index, m.index + m[0].length, cls);
    }
  }
  if (hasAccording) {
    ACCORDING_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ACCORDING_RE.exec(block)) !== null) onAccordingTo(ctx, m.index, m.index + m[0].length);
  }
  QUOTED_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTED_RE.exec(block)) !== null) onQuotedAs(ctx, m.index, m.index + m[0].length);
  anaphors.sort((x, y) => x.at - y.at);
  return { quotes: out, anaphors };
}

interface Ctx {
  block: string;
  q: QuotedBlock;
  names: readonly Mention[];
  out: Candidate[];
  anaphors: Subject[];
}

/** The pull quote a caption line or name closes: the block's text before it, without its quotation marks. */
function caption(block: string, from: number, to: number, nameAt: number, out: Candidate[]): void {
  if (to <= from) return;
  let start = skipSpace(block, from, to);
  let end = skipSpaceBack(block, to, start);
  while (start < end && /["“”«»„\s*_]/.test(block[start] as string)) start++;
  while (end > start && /["“”«»„\s*_—–-]/.test(block[end - 1] as string)) end--;
  if (end - start > 3) out.push({ start, end, rule: 'caption', subject: { kind: 'name', at: nameAt } });
}

function onVerb(ctx: Ctx, vs: number, ve: number, cls: VerbClass): void {
  const a = attributionAt(ctx, vs, ve, cls);
  if (!a) return;
  if (a.subject.kind === 'anaphor') ctx.anaphors.push(a.subject);
  const found = a.inverted ? undefined : forward(ctx, a);
  backward(ctx, a, found !== 'indirect');
  continuation(ctx, a);
}

/** The subject of the verb at [vs, ve): before it, or after it when the verb follows a quotation or a comma. */
function attributionAt(ctx: Ctx, vs: number, ve: number, cls: VerbClass): Attribution | undefined {
  const { block } = ctx;
  let p = vs;
  for (let k = 0; k < 4; k++) {
    const w = wordBefore(block, p);
    if (!w || w.end !== skipSpaceBack(block, p)) break;
    const lower = w.text.toLowerCase();
    if (lower === 'but' || lower === 'and') {
      // An elided subject ("He did not …, but stressed that"): the speaker of the sentence, resolved later.
      return { subject: { kind: 'anaphor', at: vs }, from: vs, to: ve, verbEnd: ve, cls, inverted: false };
    }
    if (!BETWEEN.has(lower)) break;
    p = w.start;
  }
  const before = subjectEndingAt(ctx, p);
  if (before) return { subject: before.subject, from: before.from, to: ve, verbEnd: ve, cls, inverted: false };
  // Inverted: `"…," said Ryabkov`, `…, says Deputy Foreign Minister Ryabkov`.
  const prev = block[skipSpaceBack(block, vs) - 1];
  if (prev !== ',' && !isMarkChar(prev)) return undefined;
  const after = subjectStartingAt(ctx, ve, true);
  if (!after) return undefined;
  return { subject: after.subject, from: vs, to: after.end, verbEnd: ve, cls, inverted: true };
}

function isMarkChar(c: string | undefined): boolean {
  return c === '"' || c === '“' || c === '”' || c === '«' || c === '»' || c === '„';
}

/** A subject ending at `p`: a name mention (with an apposition after it), `he`/`she`, or `the <role noun>`. */
function subjectEndingAt(ctx: Ctx, p: number): { subject: Subject; from: number } | undefined {
  const { block, names } = ctx;
  let e = skipSpaceBack(block, p);
  if (block[e - 1] === ',') e = skipSpaceBack(block, e - 1);
  const name = names.find((m) => m.end === e);
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
function subjectStartingAt(ctx: Ctx, p: number, bareRole: boolean): { subject: Subject; end: number } | undefined {
  const { block, names } = ctx;
  let s = skipSpace(block, p);
  const npStart = s;
  for (let k = 0; k < 7; k++) {
    const name = names.find((m) => m.start === s);
    if (name) return { subject: { kind: 'name', at: name.start }, end: name.end };
    const w = wordAfter(block, s);
    if (!w || w.start !== s) return undefined;
    const lower = w.text.toLowerCase();
    if (k === 0 && PRONOUNS.has(lower)) return { subject: { kind: 'anaphor', at: w.start }, end: w.end };
    if (ROLE_NOUNS.has(lower) && (bareRole || k > 0)) {
      const next = wordAfter(block, w.end);
      // "the minister of …" / "senior Russian diplomat": the noun phrase ends at the role noun or a name follows.
      if (!next || !isCapitalised(next.text) || next.start > skipSpace(block, w.end)) return { subject: { kind: 'anaphor', at: npStart, role: roleWords(block, npStart, w.end) }, end: w.end };
    }
    if (!(isCapitalised(w.text) || lower === 'the' || lower === 'of' || /^[a-z]+$/.test(lower))) return undefined;
    if (/[,;:.!?"“”]/.test(block.slice(w.end, skipSpace(block, w.end)) + (block[w.end] ?? ''))) return undefined;
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
    if (!(isCapitalised(w.text) || w.text === 'of' || w.text === 'the' || w.text === 'for')) break;
    s = w.start;
  }
  return s;
}

/** The reported content after the verb: what it found, if anything. */
function forward(ctx: Ctx, a: Attribution): 'indirect' | 'direct' | undefined {
  const { block, q } = ctx;
  let p = a.verbEnd;
  if (a.cls === 'tell') p = skipObject(block, p);
  THAT_AHEAD.lastIndex = p;
  const that = THAT_AHEAD.exec(block);
  if (that) {
    const gap = (that[1] as string).trim();
    const first = gap.split(/\s+/)[0]?.toLowerCase() ?? '';
    if (gap === '' || ADVERBIAL_OPENERS.has(first)) return indirect(ctx, a, THAT_AHEAD.lastIndex);
  }
  CONTINUATION.lastIndex = p;
  const lead = CONTINUATION.exec(block);
  const at = skipSpace(block, lead ? CONTINUATION.lastIndex : p);
  const colon = block[skipSpace(block, p)] === ':' ? skipSpace(block, skipSpace(block, p) + 1) : -1;
  const pair = q.opening(colon >= 0 ? colon : at);
  if (pair) {
    const end = q.sentenceEnd(pair.open);
    if (colon >= 0 || at !== skipSpace(block, p) || end <= pair.close + 1 || /^[\s.,;!?]*$/.test(block.slice(pair.close + 1, end))) {
      return direct(ctx, pair, a.subject, 'direct-after') ? 'direct' : undefined;
    }
    return indirect(ctx, a, pair.open);
  }
  if (a.cls === 'that' || colon >= 0) return undefined;
  const w = wordAfter(block, p);
  if (!w || w.start !== skipSpace(block, p) || ADVERBIAL_OPENERS.has(w.text.toLowerCase())) return undefined;
  if (!/[\p{L}\p{N}]/u.test(block[w.start] as string)) return undefined;
  return indirect(ctx, a, w.start);
}

/** After `told`, `assured`, …: the addressee (up to five words, stopping at `that`, punctuation or a quotation). */
function skipObject(block: string, p: number): number {
  let s = p;
  for (let k = 0; k < 5; k++) {
    const w = wordAfter(block, s);
    if (!w || w.start !== skipSpace(block, s) || w.text === 'that' || ADVERBIAL_OPENERS.has(w.text.toLowerCase())) break;
    s = w.end;
    if (block[s] !== ' ') break;
  }
  return s;
}

function indirect(ctx: Ctx, a: Attribution, from: number): 'indirect' | undefined {
  const start = skipSpace(ctx.block, from);
  const end = ctx.q.sentenceEnd(start);
  if (end - start < 8 || wordCount(ctx.block.slice(start, end)) < 2) return undefined;
  ctx.out.push({ start, end, rule: 'indirect', subject: a.subject });
  return 'indirect';
}

function direct(ctx: Ctx, pair: QuotePair, subject: Subject, rule: string): boolean {
  const start = skipSpace(ctx.block, pair.open + 1, pair.close);
  const end = skipSpaceBack(ctx.block, pair.close, start);
  if (end - start < 2) return false;
  ctx.out.push({ start, end, rule, subject });
  return true;
}

/** The content before an attribution: the quotation it follows, or the clause its sentence opens with. */
function backward(ctx: Ctx, a: Attribution, clauseToo: boolean): void {
  const { block, q } = ctx;
  const j = skipSpaceBack(block, a.from) - 1;
  if (j < 0) return;
  const pair = q.closing(j) ?? (block[j] === ',' ? q.closing(skipSpaceBack(block, j) - 1) : undefined);
  if (pair) {
    const start = q.sentenceStart(pair.open + 1);
    if (start >= pair.open || /^[\s—–-]*$/.test(block.slice(start, pair.open))) {
      direct(ctx, pair, a.subject, 'direct-before');
      return;
    }
    if (clauseToo) reversed(ctx, a, start, pair.close + 1);
    return;
  }
  if (block[j] !== ',' || !clauseToo) return;
  reversed(ctx, a, q.sentenceStart(j), j);
}

/** `<clause>, Ryabkov said [at a briefing].`: the clause, when the attribution closes the sentence. */
function reversed(ctx: Ctx, a: Attribution, start: number, end: number): void {
  const { block, q } = ctx;
  const rest = block.slice(a.to, q.sentenceEnd(a.to));
  if (rest.length > 80 || /["“”«»]/.test(rest) || /^\s*,?\s*(?:that|to)\b/.test(rest)) return;
  const first = wordAfter(block, start);
  if (!first || NON_CLAUSE_OPENERS.has(first.text.toLowerCase())) return;
  const e = skipSpaceBack(block, end, start);
  if (wordCount(block.slice(start, e)) < 3) return;
  ctx.out.push({ start, end: e, rule: 'indirect-before', subject: a.subject });
}

/** `"A," he said, "B."` and `…,” he said, adding, “…”`: the quotation resumed after the attribution. */
function continuation(ctx: Ctx, a: Attribution): void {
  if (!a.inverted && a.to !== a.verbEnd) return;
  const { block, q } = ctx;
  const before = q.closing(skipSpaceBack(block, a.from) - 1) ?? q.closing(skipSpaceBack(block, skipSpaceBack(block, a.from) - 1) - 1);
  if (!before) return;
  CONTINUATION.lastIndex = a.to;
  if (!CONTINUATION.exec(block) || CONTINUATION.lastIndex === a.to) return;
  const pair = q.opening(skipSpace(block, CONTINUATION.lastIndex));
  if (pair) direct(ctx, pair, a.subject, 'direct-resumed');
}

/** `According to Ryabkov, …` (and `…, according to him.`). */
function onAccordingTo(ctx: Ctx, at: number, after: number): void {
  const { block, q } = ctx;
  const subj = subjectStartingAt(ctx, after, false) ?? accordingPronoun(block, after);
  if (!subj) return;
  if (subj.subject.kind === 'anaphor') ctx.anaphors.push(subj.subject);
  const a: Attribution = { subject: subj.subject, from: at, to: subj.end, verbEnd: subj.end, cls: 'clause', inverted: true };
  const comma = skipSpace(block, subj.end);
  if (block[at] === 'a' && block[skipSpaceBack(block, at) - 1] === ',') {
    reversed(ctx, a, q.sentenceStart(at), skipSpaceBack(block, at) - 1);
    return;
  }
  if (block[comma] !== ',') return;
  const p = skipSpace(block, comma + 1);
  const pair = q.opening(p);
  if (pair && /^[\s.!?]*$/.test(block.slice(pair.close + 1, q.sentenceEnd(p)))) {
    direct(ctx, pair, a.subject, 'according-to');
    return;
  }
  const end = q.sentenceEnd(p);
  if (end - p >= 8) ctx.out.push({ start: p, end, rule: 'according-to', subject: a.subject });
}

function accordingPronoun(block: string, p: number): { subject: Subject; end: number } | undefined {
  const w = wordAfter(block, p);
  if (!w || (w.text !== 'him' && w.text !== 'her')) return undefined;
  return { subject: { kind: 'anaphor', at: w.start }, end: w.end };
}

/** `"…," the magazine quoted Ryabkov as saying`: the speaker is the name after `quoted`. */
function onQuotedAs(ctx: Ctx, at: number, after: number): void {
  const { block, names } = ctx;
  const name = names.find((m) => m.start === skipSpace(block, after));
  if (!name || !/^\s+as\s+(?:saying|stating|telling)\b/.test(block.slice(name.end, name.end + 20))) return;
  // The attribution clause starts after the quotation or comma it follows (`, the magazine quoted`).
  const head = block.slice(Math.max(0, at - 60), at);
  const cut = Math.max(head.lastIndexOf(','), head.search(/["“”«»][^"“”«»]*$/));
  if (cut < 0) return;
  const from = skipSpace(block, at - head.length + cut + 1);
  const a: Attribution = { subject: { kind: 'name', at: name.start }, from, to: name.end, verbEnd: name.end, cls: 'clause', inverted: true };
  backward(ctx, a, true);
}
