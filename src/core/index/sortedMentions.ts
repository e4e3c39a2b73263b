/**
 * Helpers over a document's mentions sorted by {@link compareMentions}: the order the index keeps them in, which
 * lets a position be found by binary search and an overlap search stop early.
 */
import { compareMentions, type Mention } from '../model/mention';

/** True when the mentions are already in {@link compareMentions} order (an analysis result is). */
export function isSorted(mentions: readonly Mention[]): boolean {
  for (let i = 1; i < mentions.length; i++) if (compareMentions(mentions[i - 1], mentions[i]) > 0) return false;
  return true;
}

/** `maxEnd[i]` = the largest `end` among `mentions[0..i]`. */
export function runningMaxEnd(mentions: readonly Mention[]): Uint32Array {
  const maxEnd = new Uint32Array(mentions.length);
  let max = 0;
  for (let i = 0; i < mentions.length; i++) maxEnd[i] = max = Math.max(max, mentions[i].end);
  return maxEnd;
}

/** Index of the last mention whose start is <= offset, or -1. */
export function lastStartingAtOrBefore(mentions: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** An array with room for exactly `n` items, filled by index; a huge one grows as usual (V8 would make it sparse). */
function exactArray<T>(n: number): T[] {
  return n <= 50_000 ? new Array<T>(n) : [];
}

/**
 * The main-layer mentions, sorted, and the layered ones, each in an array of its exact size (a pushed array keeps
 * up to half again as much room, for every indexed document).
 */
export function splitLayers(input: readonly Mention[]): { mentions: Mention[]; layered: Mention[] } {
  let nLayered = 0;
  for (const m of input) if (m.layer) nLayered++;
  const mentions: Mention[] = exactArray(input.length - nLayered);
  const layered: Mention[] = exactArray(nLayered);
  let i = 0;
  let j = 0;
  for (const m of input) {
    if (m.layer) layered[j++] = m;
    else mentions[i++] = m;
  }
  if (!isSorted(mentions)) mentions.sort(compareMentions);
  return { mentions, layered };
}
