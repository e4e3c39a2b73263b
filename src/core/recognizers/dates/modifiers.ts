/**
 * Period modifiers that belong to the date expression and so to its span ("⟦early December⟧",
 * "⟦the end of July 1955⟧", "⟦mid-2020⟧"), per the guidelines; prepositions and earlier/later stay outside.
 */
import * as classes from '../../text/charClasses';
import { lookBehind, wordBefore } from './finding';
import type { PeriodMod } from './finding';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { isPlainSpace, isRegexSpace } = classes;

const MOD_BEFORE =
  /(?:\b((?:[Tt]he\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|first half|second half|latter half|early part|latter part)\s+of\s+(?:the\s+)?)|\b([Ee]arly|[Ll]ate|[Mm]id)(?:\s+|-))$/;

const MOD_OF: Readonly<Record<string, PeriodMod>> = {
  end: 'END', close: 'END', 'latter part': 'END', beginning: 'START', start: 'START', 'early part': 'START',
  middle: 'MID', 'first half': 'FIRST_HALF', 'second half': 'SECOND_HALF', 'latter half': 'SECOND_HALF',
  early: 'START', late: 'END', mid: 'MID',
};

/** The modifier right before `start`, if any: its start offset and TIMEX3 mod. */
export function modifierBefore(text: string, start: number, w = wordBefore(text, start)): { start: number; mod: PeriodMod } | undefined {
  // Cheap test first: a modifier ends in "of", "early", "late" or "mid" right before the date (`w`, the word
  // there as `wordBefore` reads it: a caller that has it passes it).
  if (!/(?:^|-)(?:of|the|early|late|mid|mid-)$/.test(w)) return undefined;
  // "of" and "the" are common before a date ("the 2020 election", "of 2020"): a modifier needs "of the" or a
  // period part before "of", which a look at the preceding word settles without the expression.
  if ((w.endsWith('of') || w.endsWith('the')) && !partBefore(text, start, w)) return undefined;
  const hit = lookBehind(text, start, MOD_BEFORE);
  if (!hit) return undefined;
  const phrase = (hit.m[1] ?? hit.m[2] ?? '').toLowerCase();
  const key = Object.keys(MOD_OF).find((k) => phrase.includes(k));
  if (!key) return undefined;
  return { start: hit.start, mod: MOD_OF[key] as PeriodMod };
}

/** The words MOD_BEFORE's first alternative may have right before "of" ("first half", "latter part"). */
const PARTS = ['end', 'beginning', 'start', 'middle', 'close', 'half', 'part'];

/**
 * Whether MOD_BEFORE can match before `start` when the word there (`w`, as `wordBefore` reads it) ends in "of" or
 * "the": only its first alternative can, which needs whitespace and "of" before "the", and whitespace and a period
 * part before "of". A necessary condition: false means no match, true means run the expression.
 */
function partBefore(text: string, start: number, w: string): boolean {
  let end = start;
  while (end > 0 && isPlainSpace(text.charCodeAt(end - 1))) end--;
  const the = w.endsWith('the');
  let i = end - (the ? 3 : 2);
  if (the) {
    const j = spacesBefore(text, i);
    if (j === i || !text.startsWith('of', j - 2)) return false;
    i = j - 2;
  }
  const j = spacesBefore(text, i);
  return j < i && PARTS.some((p) => text.startsWith(p, j - p.length));
}

/** Where a run of whitespace (what `\s` matches) ending at `i` starts. */
function spacesBefore(text: string, i: number): number {
  let j = i;
  while (j > 0 && isRegexSpace(text.charCodeAt(j - 1))) j--;
  return j;
}
