/**
 * A value computed once per key and kept in `memo`, which is emptied when it reaches `limit` entries: the caches
 * recognizers keep across calls (labels, names, first words, chrono windows repeat through a workspace) stay small.
 * `undefined` is a value like any other (a window chrono cannot read is not parsed again).
 */
export function memoized<K, V>(memo: Map<K, V>, key: K, compute: (key: K) => V, limit = 4096): V {
  // One look-up for a known key with a defined value (the usual hit); `has` only tells a kept undefined from none.
  const known = memo.get(key);
  if (known !== undefined || memo.has(key)) return known as V;
  // A string key is usually cut from a document (a name, a window), and V8 keeps a cut string's whole document
  // alive; kept, with what is computed from it, as a copy of its own, so the cache holds names, not documents.
  const kept = typeof key === 'string' ? (detached(key) as K) : key;
  const value = compute(kept);
  if (memo.size >= limit) memo.clear();
  memo.set(kept, value);
  return value;
}

/** `text` as a string of its own: joined to another, then cut, it is copied out of whatever it was cut from. */
export function detached(text: string): string {
  return ` ${text}`.slice(1);
}
