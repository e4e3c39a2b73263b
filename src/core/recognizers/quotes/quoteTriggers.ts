/**
 * Where a block's quote rules start: its reporting verbs, `according to`, `quoted`/`cited` and the participles
 * after a comma (blockQuotes.ts applies the rules at each).
 */
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
import { PARTICIPLE_CLASS, VERB_RE } from './reportingVerbs';

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

/** What a trigger of {@link TRIGGER_RE} is, in the order the rules take them. */
export const VERB = 0;
export const ACCORDING = 1;
export const PARTICIPLE = 2;
export const QUOTED = 3;

/**
 * The block's triggers as (kind, start, end) triples in text order, or undefined when it has none (most blocks:
 * the quotation marks are then never paired).
 */
export function quoteTriggers(block: string): number[] | undefined {
  let hits: number[] | undefined;
  TRIGGER_RE.lastIndex = 0;
  let t: RegExpExecArray | null;
  while ((t = TRIGGER_RE.exec(block)) !== null) {
    const s = t.index;
    const text = t[0];
    const e = s + text.length;
    hits ??= [];
    const first = text.charCodeAt(0);
    if (first === COMMA) hits.push(PARTICIPLE, s, e);
    else if (!isRegexSpace(text.charCodeAt(text.length - 1))) {
      hits.push(VERB, s, e);
      // A verb phrase may hold the other triggers (`was quoted as saying`), which a pass of their own also found.
      if (text.indexOf('quoted') >= 0 || text.indexOf('cited') >= 0) matchesFrom(QUOTED_RE, block, s, e, QUOTED, hits);
      if (text.indexOf('ccording') >= 0) matchesFrom(ACCORDING_RE, block, s, e, ACCORDING, hits);
    } else hits.push(first === UPPER_A || first === LOWER_A ? ACCORDING : QUOTED, s, e);
  }
  return hits;
}

/** The matches of `re` (global) starting in [from, to), pushed as `kind`, start and end. */
function matchesFrom(re: RegExp, block: string, from: number, to: number, kind: number, into: number[]): void {
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(block)) !== null && m.index < to) into.push(kind, m.index, m.index + m[0].length);
}
