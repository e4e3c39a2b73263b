/**
 * Period modifiers that belong to the date expression and so to its span ("⟦early December⟧",
 * "⟦the end of July 1955⟧", "⟦mid-2020⟧"), per the guidelines; prepositions and earlier/later stay outside.
 */
import { lookBehind, wordBefore } from './finding';
import type { PeriodMod } from './finding';

const MOD_BEFORE =
  /(?:\b((?:[Tt]he\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|first half|second half|latter half|early part|latter part)\s+of\s+(?:the\s+)?)|\b([Ee]arly|[Ll]ate|[Mm]id)(?:\s+|-))$/;

const MOD_OF: Readonly<Record<string, PeriodMod>> = {
  end: 'END', close: 'END', 'latter part': 'END', beginning: 'START', start: 'START', 'early part': 'START',
  middle: 'MID', 'first half': 'FIRST_HALF', 'second half': 'SECOND_HALF', 'latter half': 'SECOND_HALF',
  early: 'START', late: 'END', mid: 'MID',
};

/** The modifier right before `start`, if any: its start offset and TIMEX3 mod. */
export function modifierBefore(text: string, start: number): { start: number; mod: PeriodMod } | undefined {
  // Cheap test first: a modifier ends in "of", "early", "late" or "mid" right before the date.
  const w = wordBefore(text, start);
  if (!/(?:^|-)(?:of|the|early|late|mid|mid-)$/.test(w)) return undefined;
  const hit = lookBehind(text, start, MOD_BEFORE);
  if (!hit) return undefined;
  const phrase = (hit.m[1] ?? hit.m[2] ?? '').toLowerCase();
  const key = Object.keys(MOD_OF).find((k) => phrase.includes(k));
  if (!key) return undefined;
  return { start: hit.start, mod: MOD_OF[key] as PeriodMod };
}
