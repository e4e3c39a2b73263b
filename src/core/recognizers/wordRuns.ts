/**
 * A block's words as the trigger regexes' `\b` and `\d` read them (non-unicode: `\w` is [A-Za-z0-9_], `\d` is
 * [0-9]), looked up in one table by a loop over the block's characters. A regex pass over a block costs about the
 * same whatever its words, and the speech phrases and the date and treaty words were two such passes: the one
 * loop reads both. A word is looked up by a key the loop hashes from its characters as it reads them: most words
 * are turned down by one bit of a filter the key indexes, without reading their characters again, and the rest
 * are found by the same key (see {@link WordTable}).
 */
import { REGEX_WORD_CLASS } from '../text/charClasses';

/** The hash of a run of `\w` read so far (`h`, the first character alone) with its next character `c`. */
export function runHashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

/**
 * The key of a run of `\w` from its hash (see {@link runHashStep}) and its length: mixed by a multiplication so
 * that the high bits, which index the tables, depend on every character. Two runs with the same key may still
 * differ: a key found is confirmed by the characters.
 */
export function runKey(hash: number, length: number): number {
  return Math.imul(hash ^ (length << 24), 0x9e3779b1);
}

/** The {@link runKey} of the run [start, end) of `s`. */
export function runKeyAt(s: string, start: number, end: number): number {
  let h = s.charCodeAt(start);
  for (let i = start + 1; i < end; i++) h = runHashStep(h, s.charCodeAt(i));
  return runKey(h, end - start);
}

/**
 * Words (runs of `\w`) and what each means to the scan, a number: entry e is `words[e]` with `codes[e]`. Looked
 * up without making a string: a word may be in the table only when bit `key >>> 16` of `filter` is set (see
 * {@link mayHold}); then it is found by open addressing from the key's top bits in `slots` (entry + 1, 0 for none).
 */
export class WordTable {
  /** One bit per value of a key's top 16 bits. */
  readonly filter = new Int32Array(1 << 11);
  readonly words: readonly string[];
  readonly codes: Int32Array;
  private readonly keys: Int32Array;
  private readonly slots: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  constructor(info: ReadonlyMap<string, number>) {
    let bits = 6;
    while (1 << bits < info.size * 4) bits++;
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.slots = new Int32Array(1 << bits);
    this.keys = new Int32Array(1 << bits);
    this.words = [...info.keys()];
    this.codes = Int32Array.from(info.values());
    this.words.forEach((w, e) => {
      for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) >= 128 || REGEX_WORD_CLASS[w.charCodeAt(i)] === 0) throw new Error(`WordTable: '${w}' is not a run of \\w`);
      const key = runKeyAt(w, 0, w.length);
      this.filter[key >>> 21] |= 1 << (key >>> 16);
      let k = key >>> this.shift;
      while (this.slots[k] !== 0) k = (k + 1) & this.mask;
      this.slots[k] = e + 1;
      this.keys[k] = key;
    });
  }

  /** The entry of the run [start, end) of `s` whose {@link runKey} is `key`, or -1 when it is no word of the table. */
  find(s: string, start: number, end: number, key: number): number {
    for (let k = key >>> this.shift; ; k = (k + 1) & this.mask) {
      const slot = this.slots[k] as number;
      if (slot === 0) return -1;
      if (this.keys[k] === key) {
        const w = this.words[slot - 1] as string;
        if (w.length === end - start && s.startsWith(w, start)) return slot - 1;
      }
    }
  }

  /** The code of the run [start, end) of `s`, or -1 when it is no word of the table. */
  codeAt(s: string, start: number, end: number): number {
    const key = runKeyAt(s, start, end);
    const e = mayHold(this.filter, key) ? this.find(s, start, end, key) : -1;
    return e === -1 ? -1 : (this.codes[e] as number);
  }
}

/** Whether the table may hold a run whose key is `key`: false for most words, from one bit. */
export function mayHold(filter: Int32Array, key: number): boolean {
  return ((filter[key >>> 21] as number) & (1 << (key >>> 16))) !== 0;
}
