/**
 * Where two versions of a text differ, as one replaced range: what an edit (or a burst of typing) changed,
 * found from the texts themselves so that callers need not trust or merge editor change events.
 */

export interface ChangedRange {
  /** Length of the common prefix: the first offset that may differ. */
  start: number;
  /** End of the replaced range in the old text (`oldLength - commonSuffix`). */
  oldEnd: number;
  /** End of the replacement in the new text (`newLength - commonSuffix`). */
  newEnd: number;
}

/**
 * The smallest range whose replacement turns `before` into `after`: common prefix and suffix, the suffix never
 * overlapping the prefix. Linear in the texts' length, compared in chunks so that a megabyte costs a few
 * hundredths of a millisecond when most of it is equal.
 */
export function changedRange(before: string, after: string): ChangedRange {
  const min = Math.min(before.length, after.length);
  // Equality of two slices is a memory comparison in V8 (startsWith with a position is not): whole chunks first.
  const CHUNK = 4096;
  let start = 0;
  while (start + CHUNK <= min && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < min && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const maxSuffix = min - start;
  let suffix = 0;
  const tail = (s: string, from: number, n: number) => s.slice(s.length - from - n, s.length - from);
  while (suffix + CHUNK <= maxSuffix && tail(before, suffix, CHUNK) === tail(after, suffix, CHUNK)) suffix += CHUNK;
  while (suffix < maxSuffix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}
