/**
 * Named treaties the lexicon does not know, found by their shape: a run of capitalised words before a head noun
 * ("Arms Trade Treaty", "Minsk Agreement", "Camp David Accords"), and/or a head noun followed by a capitalised
 * complement ("Treaty on Conventional Armed Forces in Europe", "Interim Agreement on Offensive Arms").
 * Generic or anaphoric uses ("the Treaty", "this Agreement"), organisations ("North Atlantic Treaty
 * Organisation") and domestic laws ("... Authorization Act") are left out.
 */
import * as classes from '../../text/charClasses';
import { rawWordAfter, rawWordBefore, type LineShapes } from './treatyContext';
import { foldKey, isAcronym, isUpperInitial } from './treatyTokens';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { isWordJoiner } = classes;

export interface PatternMatch {
  start: number;
  end: number;
  /** `pattern-head` (run before the head), `pattern-complement` (head + of/on...), or both joined. */
  rule: string;
}

/** Head nouns that end a treaty name; `act` only after Final/Founding/Concluding (most Acts are laws). */
const HEADS = new Set(['treaty', 'treaties', 'agreement', 'agreements', 'accord', 'accords', 'convention', 'conventions', 'protocol', 'protocols', 'act']);
/** Heads that may take a complement ("Treaty on ...", "Convention for ..."). */
const COMPLEMENT_HEADS = new Set(['treaty', 'agreement', 'accord', 'convention', 'protocol']);
const COMPLEMENT_OPENERS = new Set(['on', 'of', 'between', 'for', 'concerning', 'banning', 'to']);
const CONNECTORS = new Set(['of', 'on', 'the', 'and', 'for', 'in', 'between', 'to', 'with', 'their', 'against', 'by', 'at', 'from', 'under', 'concerning', 'including', 'over']);
/** Connectors allowed inside a run before the head ("Status of Forces Agreement"). */
const RUN_CONNECTORS = new Set(['of', 'on', 'and', 'for']);
const ACT_QUALIFIERS = new Set(['final', 'founding', 'concluding']);
/** Words after the head that make the whole an organisation or a body, not a treaty. */
const ORGANISATION_AFTER = new Set(['organisation', 'organization', 'organisations', 'organizations', 'alliance']);
/** Words before "Convention" that make it a party meeting. */
const GATHERING_BEFORE = new Set(['national', 'democratic', 'republican', 'party', 'constitutional', 'annual', 'comic']);
/**
 * Capitalised words that start sentences or qualify a noun without naming anything: stripped from the front of
 * a run, so "The Treaty" and "Under this Agreement" yield nothing.
 */
const LEADING_STOP = new Set(
  ('the a an this that these those its their our his her your my any each every no such which what whose under in on at by for ' +
    'from with without and or but if when while as to of yesterday today tomorrow however both neither either some all another ' +
    'also since after before until why how where who we they he she it i you mr ms mrs dr is are was were will would could ' +
    'should can may must not then so thus there here did does do has have had between against among over into about via per ' +
    'according although though because whether once now only even just still last next first second third signing sign ' +
    'signed ratify ratified extend extended extending existing current former previous proposed draft historic landmark ' +
    'january february march april may june july august september october november december monday tuesday wednesday ' +
    'thursday friday saturday sunday q').split(' '),
);
/**
 * Words that describe rather than name; a run of only these ("Soviet-American Treaty", "Peace Treaty") is no name.
 * Subject words stay out of it: "European Security Treaty" and "Collective Security Treaty" are names.
 */
const DESCRIPTIVE = new Set(
  ('soviet american russian u.s us usa ussr russia british french chinese european bilateral multilateral trilateral global ' +
    'international comprehensive peace interim framework future basic big grand major final founding concluding ' +
    'additional new').split(' '),
);
const MAX_RUN = 8;
const MAX_COMPLEMENT = 30;

/**
 * Whether `word` is a head noun in any case, as `matchPatternAt` first checks. A look at its first letter and
 * length spares most candidates ("A", "Nuclear", "Moscow") the lower-cased copy.
 */
export function isHeadNoun(word: string): boolean {
  const c = word.charCodeAt(0) | 32;
  if ((c !== 116 && c !== 97 && c !== 99 && c !== 112) || word.length < 3 || word.length > 11) return false;
  return HEADS.has(word.toLowerCase());
}

/** A treaty name whose head noun is the word at `headPos`, or undefined. `floor`: text before it is taken. */
export function matchPatternAt(text: string, headPos: number, head: string, floor: number, lines: LineShapes): PatternMatch | undefined {
  const folded = head.toLowerCase();
  if (!HEADS.has(folded) || lines.shouted(headPos)) return undefined;
  const titled = lines.titled(headPos);
  const headEnd = headPos + head.length;
  const after = rawWordAfter(text, headEnd);
  if (after && ORGANISATION_AFTER.has(after.word.toLowerCase())) return undefined;
  const run = titled ? undefined : runBefore(text, headPos, floor);
  if (run && folded === 'act' && !ACT_QUALIFIERS.has(foldKey(run.last))) return undefined;
  if (run && folded.startsWith('convention') && GATHERING_BEFORE.has(foldKey(run.last))) return undefined;
  const complementEnd = COMPLEMENT_HEADS.has(folded) ? complementAfter(text, headEnd) : -1;
  if (run && (run.named || complementEnd > 0)) {
    return { start: run.start, end: complementEnd > 0 ? complementEnd : headEnd, rule: complementEnd > 0 ? 'pattern-head-complement' : 'pattern-head' };
  }
  if (complementEnd > 0) return { start: headPos, end: complementEnd, rule: 'pattern-complement' };
  return undefined;
}

interface Run {
  start: number;
  /** The word right before the head (or before its parenthesised abbreviation). */
  last: string;
  /** Holds a word that names rather than describes. */
  named: boolean;
}

/** The capitalised run before a head noun, allowing "of/on/and" inside and one "(ABBR)" right before the head. */
function runBefore(text: string, headPos: number, floor: number): Run | undefined {
  let pos = skipParenthesisedAbbreviation(text, headPos, floor);
  const words: { word: string; start: number }[] = [];
  while (words.length < MAX_RUN) {
    const prev = rawWordBefore(text, pos, floor);
    if (!prev) break;
    const w = prev.word;
    // A run does not climb into a line in capitals above it (a headline over a headline).
    if (w.length > 1 && w === w.toUpperCase() && !/^[A-Z]{2,5}$/.test(w) && text.slice(prev.start + w.length, pos).includes('\n')) break;
    // Another head noun ends an earlier name ("... Act and Vienna Concluding Act"); "the" only opens a name.
    if (!(isUpperInitial(w) || isAcronym(w) || RUN_CONNECTORS.has(w)) || HEADS.has(w.toLowerCase())) break;
    if (/^\p{N}/u.test(w)) break;
    words.unshift(prev);
    pos = prev.start;
  }
  // Strip leading connectors and sentence openers; the run must not start or end on a connector.
  while (words.length && (CONNECTORS.has(words[0]!.word) || LEADING_STOP.has(foldKey(words[0]!.word)))) words.shift();
  if (!words.length || CONNECTORS.has(words[words.length - 1]!.word)) return undefined;
  const named = words.some((w) => !CONNECTORS.has(w.word) && !foldKey(w.word).split(/[-/]/).every((part) => DESCRIPTIVE.has(part)));
  return { start: words[0]!.start, last: words[words.length - 1]!.word, named };
}

/** When "(ABBR)" stands right before the head ("Nuclear Forces (INF) Treaty"), the position before it. */
function skipParenthesisedAbbreviation(text: string, headPos: number, floor: number): number {
  let j = headPos - 1;
  while (j >= floor && (text[j] === ' ' || text[j] === '\n')) j--;
  if (j < floor || text[j] !== ')') return headPos;
  const open = text.lastIndexOf('(', j);
  if (open < floor || j - open > 16) return headPos;
  const inner = text.slice(open + 1, j).trim();
  if (!/^[A-Z][A-Za-z0-9]*(?:[- /][A-Z0-9][A-Za-z0-9]*)?$/.test(inner) || !isAcronym(inner.replace(/ /g, ''))) return headPos;
  if (open === floor || !/\s/.test(text[open - 1] ?? '')) return headPos;
  return open;
}

/** The end of a capitalised complement after the head ("on the Non-Proliferation of Nuclear Weapons"), or -1. */
function complementAfter(text: string, headEnd: number): number {
  const opener = rawWordAfter(text, headEnd);
  if (!opener || !COMPLEMENT_OPENERS.has(opener.word)) return -1;
  let pos = opener.start + opener.word.length;
  let end = -1;
  let seenBetween = opener.word === 'between';
  let previous = opener.word;
  for (let n = 0; n < MAX_COMPLEMENT; n++) {
    const next = rawWordAfter(text, pos);
    if (!next || isWordJoiner(text.charCodeAt(next.start - 1))) break;
    const w = next.word;
    if (isUpperInitial(w) || isAcronym(w)) {
      end = next.start + w.length;
    } else if (CONNECTORS.has(w)) {
      // "and the" leaves the name unless the name opened with "between" (two parties joined by "and").
      if (w === 'the' && previous === 'and' && !seenBetween) break;
      if (w === 'between') seenBetween = true;
    } else break;
    previous = w;
    pos = next.start + w.length;
  }
  return end;
}
