/**
 * Where a block's quote rules start: its reporting verbs, `according to`, `quoted`/`cited` and the participles
 * after a comma (blockQuotes.ts applies the rules at each).
 */
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
import { PARTICIPLE_CLASS, VERB_CLASS, VERB_CLASSES, VERB_RE, verbClass } from './reportingVerbs';
import { classifyPhrase, EXACT, NONE, phraseOf, phrasePrefixes, PHRASE_COUNT, REREAD, rereadSpan, UNKNOWN } from '../speakers/speechHits';

// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { COMMA, LOWER_A, UPPER_A } = codes;
const { isRegexSpace } = classes;

const ACCORDING_RE = /\b[Aa]ccording\s+to\s+/g;
const QUOTED_RE = /\b(?:quoted|quotes|cited|cites)\s+/g;
/** `…, saying that …`: a participle after a comma reports the words of its sentence's subject. */
const PARTICIPLE_SOURCE = `,\\s*(?:${[...PARTICIPLE_CLASS.keys()].map((w) => w.replace(/ /g, '\\s+')).join('|')})\\b`;
/**
 * The verbs, `according to`, `quoted`/`cited` and the participles after a comma in one pass over the block: a
 * pass each read every block four times. The verb alternative ends at a word boundary, `according to` and
 * `quoted` in white space, and only a participle starts with a comma, which tells them apart. No match of one
 * can overlap a match of another (none holds a comma, and no trigger starts inside a participle phrase), so the
 * one pass finds what the separate passes found.
 */
const TRIGGER_RE = new RegExp(`${VERB_RE.source}|${ACCORDING_RE.source}|${QUOTED_RE.source}|${PARTICIPLE_SOURCE}`, 'g');

/**
 * What a trigger of {@link TRIGGER_RE} is: `according to`, a participle, `quoted`; a reporting verb's kind is
 * {@link VERB} plus the index of its class in VERB_CLASSES, which the rules need (read here once per phrase, from
 * the speech hits' phrase ids, instead of once per verb from the text).
 */
export const ACCORDING = 1;
export const PARTICIPLE = 2;
export const QUOTED = 3;
export const VERB = 4;

/**
 * The block's triggers as (kind, start, end) triples in text order, or undefined when it has none (most blocks:
 * the quotation marks are then never paired).
 */
export function quoteTriggers(block: string): number[] | undefined {
  let hits: number[] | undefined;
  TRIGGER_RE.lastIndex = 0;
  let t: RegExpExecArray | null;
  while ((t = TRIGGER_RE.exec(block)) !== null) pushMatch(block, t.index, t[0], (hits ??= []));
  return hits;
}

/** A match of {@link TRIGGER_RE} at `s`, pushed as its kind, start and end (and the triggers a verb phrase holds). */
function pushMatch(block: string, s: number, text: string, hits: number[]): void {
  const e = s + text.length;
  const first = text.charCodeAt(0);
  if (first === COMMA) hits.push(PARTICIPLE, s, e);
  else if (!isRegexSpace(text.charCodeAt(text.length - 1))) pushVerb(block, s, e, text, verbKind(text), hits);
  else hits.push(first === UPPER_A || first === LOWER_A ? ACCORDING : QUOTED, s, e);
}

/** The kind of a verb phrase as matched (see {@link VERB}), or -1 for none. */
function verbKind(text: string): number {
  const cls = verbClass(text);
  return cls === undefined ? -1 : VERB + VERB_CLASSES.indexOf(cls);
}

function pushVerb(block: string, s: number, e: number, text: string, kind: number, hits: number[]): void {
  // A phrase of no class is no trigger of the rules.
  if (kind >= 0) hits.push(kind, s, e);
  // A verb phrase may hold the other triggers (`was quoted as saying`), which a pass of their own also found.
  if (text.indexOf('quoted') >= 0 || text.indexOf('cited') >= 0) matchesFrom(QUOTED_RE, block, s, e, QUOTED, hits);
  if (text.indexOf('ccording') >= 0) matchesFrom(ACCORDING_RE, block, s, e, ACCORDING, hits);
}

/** The matches of `re` (global) starting in [from, to), pushed as `kind`, start and end. */
function matchesFrom(re: RegExp, block: string, from: number, to: number, kind: number, into: number[]): void {
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(block)) !== null && m.index < to) into.push(kind, m.index, m.index + m[0].length);
}

/**
 * What {@link quoteTriggers} gives, read from the block's speech hits (speechHits.ts: start, end and phrase id
 * triples, as the speaker pass found them) instead of a pass of its own.
 */
export function quoteTriggersFrom(block: string, data: ArrayLike<number>): number[] | undefined {
  let hits: number[] | undefined;
  // Where the expression's own scan would go on: no match of it starts before.
  let pos = 0;
  for (let i = 0; i < data.length; i += 3) {
    const s = data[i] as number;
    const e = data[i + 1] as number;
    const id = data[i + 2] as number;
    if (e <= pos) continue;
    let cls = CLASS[id] as number;
    if (cls === UNKNOWN) {
      CLASS[id] = cls = classify(phraseOf(id));
      KIND[id] = verbKind(phraseOf(id));
    }
    if (cls === NONE) continue;
    hits ??= [];
    if (s < pos) pos = rereadSpan(block, pos, e, STICKY, (m) => pushMatch(block, m.index, m[0], hits as number[]));
    else if (cls === EXACT) {
      pushVerb(block, s, e, phraseOf(id), KIND[id] as number, hits);
      pos = e;
    } else if (cls === ACCORDING_WORDS || cls === QUOTED_WORDS) {
      // The expression takes the white space after them, and needs some.
      let end = e;
      while (isRegexSpace(block.charCodeAt(end))) end++;
      if (end > e) {
        hits.push(cls === ACCORDING_WORDS ? ACCORDING : QUOTED, s, end);
        pos = end;
      }
    } else {
      const comma = commaBefore(block, s);
      if (cls === PARTICIPLE_WORDS) {
        if (comma >= pos) {
          hits.push(PARTICIPLE, comma, e);
          pos = e;
        }
      } else pos = rereadSpan(block, Math.max(pos, comma >= 0 ? comma : s), e, STICKY, (m) => pushMatch(block, m.index, m[0], hits as number[]));
    }
  }
  return hits?.length === 0 ? undefined : hits;
}

/** The comma before `s` with only white space between, or -1. */
function commaBefore(block: string, s: number): number {
  let j = s;
  while (j > 0 && isRegexSpace(block.charCodeAt(j - 1))) j--;
  return j > 0 && block.charCodeAt(j - 1) === COMMA ? j - 1 : -1;
}

/** Per phrase id of the speech hits, how the quote expression reads where the hit is; speechHits.ts's classes and: */
const ACCORDING_WORDS = 4;
const QUOTED_WORDS = 5;
const PARTICIPLE_WORDS = 6;
/** A constant table, a function of the phrase lists alone, filled on first use (see speakerTriggers.ts). */
const CLASS = new Uint8Array(PHRASE_COUNT);
/** Per phrase id, the kind of the verb it is (see {@link VERB}), or -1: filled with {@link CLASS}. */
const KIND = new Int8Array(PHRASE_COUNT);
const STICKY = new RegExp(TRIGGER_RE.source, 'y');
const VERBS = new RegExp(VERB_RE.source, 'g');
const VERB_PREFIXES = phrasePrefixes(VERB_CLASS.keys());
const ACCORDING_KEYS = ['according to', 'According to'];
const QUOTED_KEYS = ['quoted', 'quotes', 'cited', 'cites'];

/**
 * A phrase the union matched: a verb phrase of the quote expression; `according to` or `quoted` (matched with the
 * white space after them); a participle (a trigger only after a comma); none; or anything else, reread.
 */
function classify(p: string): number {
  const verb = classifyPhrase(p, VERBS, VERB_PREFIXES);
  const participle = [...PARTICIPLE_CLASS.keys()].some((w) => startsWithWords(p, 0, w));
  if (verb === REREAD || (verb === EXACT && participle)) return REREAD;
  if (verb === EXACT) return EXACT;
  if (ACCORDING_KEYS.includes(p)) return ACCORDING_WORDS;
  if (QUOTED_KEYS.includes(p)) return QUOTED_WORDS;
  for (let j = 0; j < p.length; j++) {
    if ((j === 0 || p[j - 1] === ' ') && [...ACCORDING_KEYS, ...QUOTED_KEYS].some((w) => startsWithWords(p, j, w))) return REREAD;
  }
  if (PARTICIPLE_CLASS.has(p)) return PARTICIPLE_WORDS;
  return participle ? REREAD : NONE;
}

/** Whether `p` holds the words `w` at `j`, followed by its end or a non-word character. */
function startsWithWords(p: string, j: number, w: string): boolean {
  const k = j + w.length;
  // Read past the end, the character would deoptimize this compiled loop: the end is tested first.
  return p.startsWith(w, j) && (k >= p.length || !/\w/.test(p.charAt(k)));
}
