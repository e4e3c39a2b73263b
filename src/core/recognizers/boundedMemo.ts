/**
 * A value computed once per key and kept in `memo`, which is emptied when it reaches `limit` entries: the caches
 * recognizers keep across calls (labels, names, first words, chrono windows repeat through a workspace) stay small.
 * `undefined` is a value like any other (a window chrono cannot read is not parsed again).
 */
export function memoized<K, V>(memo: Map<K, V>, key: K, compute: (key: K) => V, limit = 4096): V {
  if (memo.has(key)) return memo.get(key) as V;
  const value = compute(key);
  if (memo.size >= limit) memo.clear();
  memo.set(key, value);
  return value;
}
