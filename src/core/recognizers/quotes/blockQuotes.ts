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
import { isLetterOrNumberCode } from '../../text/charClasses';
import { QuotedBlock, type QuotePair } from './quoteMarks';
import { ADVERBIAL_OPENERS, BETWEEN, NON_CLAUSE_OPENERS, PARTICIPLE_CLASS, VERB_CLASSES, type VerbClass } from './reportingVerbs';
import { ACCORDING, PARTICIPLE, QUOTED, quoteTriggers, quoteTriggersFrom, VERB } from './quoteTriggers';
import { heldNoSpeechHits, takeSpeechHits } from '../speakers/speechHits';
import { caption, dashCaption } from './captionQuotes';
import { accordingPronoun, beforeDescriptor, infinitiveOrGerund, isMarkChar, isPassiveVerb, markAfterAdverbial, participleSubject, requestContent, skipObject } from './clauseParts';
import { nameStartingAt, subjectEndingAt, subjectStartingAt, type Subject } from './subjects';

export type { Subject } from './subjects';
import { skipSpace, skipSpaceBack, wordAfter, wordBefore, hasWords } from './words';

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

const CONTINUATION = /,?\s*(?:(?:adding|continuing|concluding|explaining|and\s+added|then\s+added)\s*[,:]?\s*)?/y;
/** `that` after the verb and an adverbial, which a colon may close (`announced on December 4th: that …`). */
const THAT_AHEAD = /([^.!?"“”«»\n:;]{0,100}?)(?::\s*)?\bthat\s+/y;
const TIME_THEN_PRONOUN =
  /\s+(?:(?:today|yesterday|earlier|later|again|also|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:this|last)\s+(?:week|month|year))[,]?\s+)?(?=(?:he|she|it|they|we|I|there)\s)/y;
/** The result of a block without a quote: most blocks, one shared object rather than three arrays each. */
export const NO_QUOTES: BlockQuotes = Object.freeze({ quotes: Object.freeze([]) as unknown as Candidate[], anaphors: Object.freeze([]) as unknown as Subject[] });

/**
 * Whether the block's recogniser output shows it has no quote: the speaker pass found no speech trigger in it and
 * it holds no caption rule's name. Read from what the output holds, before and without any other work.
 */
export function heldNoQuotes(mentions: readonly Mention[]): boolean {
  return heldNoSpeechHits(mentions) && !mentions.some(isCaptionName);
}

/** A name the caption rules of {@link blockCandidates} start from. */
function isCaptionName(m: Mention): boolean {
  const rule = m.attributes?.rule;
  return (rule === 'quote-caption' || rule === 'quote-attribution' || rule === 'quote-dash') && isName(m);
}

/** The quotes of one block; `mentions` are the block's recogniser output (block-relative). */
export function blockCandidates(block: string, mentions: readonly Mention[]): BlockQuotes {
  const kept = takeSpeechHits(mentions);
  const hits = kept === undefined ? quoteTriggers(block) : quoteTriggersFrom(block, kept);
  // Without a trigger only the caption rules can find a quote, and they need a caption name.
  if (hits === undefined && !mentions.some(isCaptionName)) return NO_QUOTES;
  const names = mentions.filter(isName);
  const out: Candidate[] = [];
  const anaphors: Subject[] = [];
  for (const m of names) {
    if (m.attributes?.rule === 'quote-caption') caption(block, 0, m.start, m.start, out);
    else if (m.attributes?.rule === 'quote-attribution') caption(block, 0, block.lastIndexOf('\n', m.start), m.start, out);
  }
  const dashed = names.filter(isDashCaption);
  if (hits === undefined && dashed.length === 0) return out.length === 0 ? NO_QUOTES : { quotes: out, anaphors };
  const q = new QuotedBlock(block);
  for (const m of dashed) dashCaption(block, q, m, out);
  const ctx: Ctx = { block, q, names, out, anaphors };
  if (hits !== undefined) {
    // Verbs first (pass 0), then `according to`, participles and `quoted`, each in text order: the order the rules
    // add quotes.
    for (let pass = 0; pass <= QUOTED; pass++) {
      for (let k = 0; k < hits.length; k += 3) {
        const kind = hits[k] as number;
        if (pass === 0 ? kind < VERB : kind !== pass) continue;
        const s = hits[k + 1] as number;
        const e = hits[k + 2] as number;
        if (kind >= VERB) onVerb(ctx, s, e, VERB_CLASSES[kind - VERB] as VerbClass);
        else if (kind === ACCORDING) onAccordingTo(ctx, s, e);
        else if (kind === PARTICIPLE) onParticiple(ctx, s, e);
        else onQuotedAs(ctx, s, e);
      }
    }
  }
  anaphors.sort((x, y) => x.at - y.at);
  return { quotes: out, anaphors };
}


function isName(m: Mention): boolean {
  return (m.kind === 'speaker' || m.kind === 'person') && !m.layer;
}

function isDashCaption(m: Mention): boolean {
  return m.attributes?.rule === 'quote-dash';
}

interface Ctx {
  block: string;
  q: QuotedBlock;
  names: readonly Mention[];
  out: Candidate[];
  anaphors: Subject[];
}

function onVerb(ctx: Ctx, vs: number, ve: number, cls: VerbClass): void {
  const a = attributionAt(ctx, vs, ve, cls);
  if (!a) return;
  if (a.subject.kind === 'anaphor') ctx.anaphors.push(a.subject);
  if (asClause(ctx, a)) return;
  const found = a.inverted ? undefined : forward(ctx, a);
  backward(ctx, a, found !== 'indirect');
  continuation(ctx, a);
}

/** `As President Obama stated in Prague, the explosion …`: the clause after the comma is what was said. */
function asClause(ctx: Ctx, a: Attribution): boolean {
  const { block, q } = ctx;
  const w = wordBefore(block, a.from);
  if (!w || w.text.toLowerCase() !== 'as' || q.sentenceStart(w.start) !== w.start) return false;
  const comma = block.indexOf(',', a.verbEnd);
  const end = q.sentenceEnd(a.verbEnd);
  if (comma < 0 || comma >= end || comma - a.verbEnd > 60) return false;
  // `As X said, "…"`: the quotation, without its marks.
  const pair = q.opening(skipSpace(block, comma + 1));
  if (pair) return direct(ctx, pair, a.subject, 'direct-after');
  return indirect(ctx, a, comma + 1) !== undefined;
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
  const before = subjectEndingAt(block, ctx.names, p);
  if (before) return { subject: before.subject, from: before.from, to: ve, verbEnd: ve, cls, inverted: false };
  // Inverted: `"…," said Ryabkov`, `…, says Deputy Foreign Minister Ryabkov`.
  const prev = block[skipSpaceBack(block, vs) - 1];
  if (prev !== ',' && !isMarkChar(prev)) return undefined;
  const after = subjectStartingAt(block, ctx.names, ve, true);
  if (!after) return undefined;
  return { subject: after.subject, from: vs, to: after.end, verbEnd: ve, cls, inverted: true };
}


/** The reported content after the verb: what it found, if anything. */
function forward(ctx: Ctx, a: Attribution): 'indirect' | 'direct' | undefined {
  const { block, q } = ctx;
  let p = a.verbEnd;
  if (a.cls === 'label') return labelled(ctx, a);
  // `X was asked to comment`, `X was promised …`: a passive's subject is the addressee, not the speaker.
  if ((a.cls === 'request' || a.cls === 'commit') && isPassiveVerb(block, a.verbEnd)) return undefined;
  if (a.cls === 'request') return requested(ctx, a);
  if (a.cls === 'tell') p = skipObject(block, p);
  const thatAt = block.indexOf('that', p);
  THAT_AHEAD.lastIndex = p;
  const that = thatAt >= 0 && thatAt - p <= 110 ? THAT_AHEAD.exec(block) : null;
  if (that) {
    const gap = (that[1] as string).trim();
    const first = gap.split(/\s+/)[0]?.toLowerCase() ?? '';
    if (gap === '' || ADVERBIAL_OPENERS.has(first)) return indirect(ctx, a, THAT_AHEAD.lastIndex);
  }
  CONTINUATION.lastIndex = p;
  const lead = CONTINUATION.exec(block);
  const at = skipSpace(block, lead ? CONTINUATION.lastIndex : p);
  const colon = block[skipSpace(block, p)] === ':' ? skipSpace(block, skipSpace(block, p) + 1) : -1;
  const pair = q.opening(colon >= 0 ? colon : at) ?? afterAdverbial(ctx, p);
  if (pair) {
    const end = q.sentenceEnd(pair.open);
    if (colon >= 0 || at !== skipSpace(block, p) || end <= pair.close + 1 || /^[\s.,;!?]*$/.test(block.slice(pair.close + 1, end))) {
      return direct(ctx, pair, a.subject, 'direct-after') ? 'direct' : undefined;
    }
    return indirect(ctx, a, pair.open);
  }
  if (colon >= 0) return undefined;
  if (a.cls === 'commit') return committed(ctx, a);
  if (a.cls === 'that') {
    // `announced today he would suspend …`: a clause without `that` opens with a subject pronoun.
    TIME_THEN_PRONOUN.lastIndex = p;
    return TIME_THEN_PRONOUN.exec(block) ? indirect(ctx, a, TIME_THEN_PRONOUN.lastIndex) : undefined;
  }
  const w = wordAfter(block, p);
  if (!w || w.start !== skipSpace(block, p) || ADVERBIAL_OPENERS.has(w.text.toLowerCase())) return undefined;
  if (!isLetterOrNumberCode(block.charCodeAt(w.start))) return undefined;
  return indirect(ctx, a, w.start);
}

/** `vowed to challenge the result`, `proposed banning all missiles`: the infinitive or gerund after the verb. */
function committed(ctx: Ctx, a: Attribution): 'indirect' | undefined {
  const at = infinitiveOrGerund(ctx.block, a.verbEnd);
  return at < 0 ? undefined : indirect(ctx, a, at);
}

/** `asked the Council to help the girls`: the addressee and the infinitive, or none (`asked about`). */
function requested(ctx: Ctx, a: Attribution): 'indirect' | undefined {
  const at = requestContent(ctx.block, a.verbEnd);
  return at < 0 ? undefined : indirect(ctx, a, at);
}

/** `said last week, "…"`, `said recently: "…"`: a quotation after a short adverbial and a comma or colon. */
function afterAdverbial(ctx: Ctx, p: number): QuotePair | undefined {
  // Only a pair opening after `p` can be that quotation (most blocks hold none).
  const pairs = ctx.q.pairs;
  if (pairs.length === 0 || (pairs[pairs.length - 1] as QuotePair).open <= p) return undefined;
  const mark = markAfterAdverbial(ctx.block, p);
  return mark < 0 ? undefined : ctx.q.opening(mark);
}

/** `called the test "highly provocative"`: the quotation that follows in the same sentence, a few words on. */
function labelled(ctx: Ctx, a: Attribution): 'direct' | undefined {
  const { q } = ctx;
  const end = q.sentenceEnd(a.verbEnd);
  for (const pair of q.pairs) {
    if (pair.open < a.verbEnd) continue;
    if (pair.open > end || pair.open - a.verbEnd > 60) return undefined;
    return direct(ctx, pair, a.subject, 'labelled') ? 'direct' : undefined;
  }
  return undefined;
}

function indirect(ctx: Ctx, a: Attribution, from: number): 'indirect' | undefined {
  const start = skipSpace(ctx.block, from);
  const end = ctx.q.sentenceEnd(start);
  if (end - start < 8 || !hasWords(ctx.block, start, end, 2)) return undefined;
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
  const pair = closingAt(ctx, j) ?? (a.inverted || q.pairs.length === 0 ? undefined : closingAt(ctx, beforeDescriptor(block, j)));
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

/** The quotation closing at `j`, or before the comma at `j`. */
function closingAt(ctx: Ctx, j: number): QuotePair | undefined {
  const { block, q } = ctx;
  if (j < 0) return undefined;
  return q.closing(j) ?? (block[j] === ',' ? q.closing(skipSpaceBack(block, j) - 1) : undefined);
}

/** `<clause>, Ryabkov said [at a briefing].`: the clause, when the attribution closes the sentence. */
function reversed(ctx: Ctx, a: Attribution, start: number, end: number): void {
  const { block, q } = ctx;
  const rest = block.slice(a.to, q.sentenceEnd(a.to));
  if (rest.length > 80 || /["“”«»]/.test(rest) || /^\s*,?\s*(?:that|to)\b/.test(rest)) return;
  const first = wordAfter(block, start);
  if (!first || NON_CLAUSE_OPENERS.has(first.text.toLowerCase())) return;
  const e = skipSpaceBack(block, end, start);
  // A label or an address (`QUESTION: Mr. Secretary, Putin announced …`) is not a clause.
  if (!hasWords(block, start, e, 4) || block.slice(start, e).indexOf(':') >= 0) return;
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
  const subj = subjectStartingAt(block, ctx.names, after, false) ?? accordingPronoun(block, after);
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

/**
 * `Abbas has denied this, saying, "…"`: a participle's subject is its main clause's (after an opening adverbial:
 * `As to the site, Reagan wanted Geneva, arguing that …`), a name, `he`/`she` or a role noun phrase; a
 * sentence whose subject is none of these (`Beijing's foreign ministry urged …, saying`) gives no quote. After
 * a quotation (`"…," Ryabkov said, adding that …`) the subject is the sentence's last name before it.
 */
function onParticiple(ctx: Ctx, at: number, after: number): void {
  const { block, names, q } = ctx;
  const from = q.sentenceStart(at);
  const cls = PARTICIPLE_CLASS.get(block.slice(skipSpace(block, at + 1), after).replace(/\s+/g, ' ')) ?? 'clause';
  const subject = participleSubject(block, names, from, at);
  if (!subject) return;
  if (subject.kind === 'anaphor') ctx.anaphors.push(subject);
  forward(ctx, { subject, from: at, to: after, verbEnd: after, cls, inverted: false });
}

/**
 * `"…," the magazine quoted Ryabkov as saying` and `The paper quotes Ryabkov as saying: "…"`: the speaker is the
 * name after `quoted`; the words are the quotation or clause before the attribution, or what follows it.
 */
function onQuotedAs(ctx: Ctx, at: number, after: number): void {
  const { block, names } = ctx;
  const name = nameStartingAt(names, skipSpace(block, after));
  const asSaying = name ? AS_SAYING.exec(block.slice(name.end, name.end + 20)) : null;
  if (!name || !asSaying) return;
  const verbEnd = name.end + asSaying[0].length;
  const subject: Subject = { kind: 'name', at: name.start };
  if (forward(ctx, { subject, from: at, to: verbEnd, verbEnd, cls: 'clause', inverted: false })) return;
  // The attribution clause starts after the quotation or comma it follows (`, the magazine quoted`).
  const head = block.slice(Math.max(0, at - 60), at);
  const cut = Math.max(head.lastIndexOf(','), head.search(/["“”«»][^"“”«»]*$/));
  if (cut < 0) return;
  const from = skipSpace(block, at - head.length + cut + 1);
  backward(ctx, { subject, from, to: name.end, verbEnd: name.end, cls: 'clause', inverted: true }, true);
}

const AS_SAYING = /^\s+as\s+(?:saying|stating|telling)\b/;
