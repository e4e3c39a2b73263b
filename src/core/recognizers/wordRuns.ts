/**
 * A block's words as the trigger regexes' `\b` and `\d` read them (non-unicode: `\w` is [A-Za-z0-9_], `\d` is
 * [0-9]), looked up in one table by a loop over the block's characters. A regex pass over a block costs about the
 * same whatever its words, and the speech phrases and the date and treaty words were two such passes: the one
 * loop reads both, and most words are turned down by a bit test on their first two characters and length, the
 * rest by a hash of their characters, before any string is made (see {@link WordTable}).
 */
import { REGEX_WORD_CLASS } from '../text/charClasses';


/**
 * Words (runs of `\w`) and what each means to the scan, a number. Looked up without making a string: bit
 * `min(length, 31)` of `filter[first << 7 | second]` (second 0 for a one-letter word) is set when a word of that
 * length starts with those two characters; a word the filter passes is hashed from its characters and found by
 * open addressing in `slots` (index + 1 into `words` and `codes`, 0 for none).
 */
export class WordTable {
  readonly filter = new Uint32Array(128 * 128);
  private readonly words: string[] = [];
  private readonly codes: number[] = [];
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(info: ReadonlyMap<string, number>) {
    let size = 64;
    while (size < info.size * 4) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    for (const [w, code] of info) {
      for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) >= 128 || REGEX_WORD_CLASS[w.charCodeAt(i)] === 0) throw new Error(`WordTable: '${w}' is not a run of \\w`);
      this.filter[filterKey(w, 0, w.length)] |= lengthBit(w.length);
      const h = hashOf(w, 0, w.length);
      let k = h & this.mask;
      while (this.slots[k] !== 0) k = (k + 1) & this.mask;
      this.words.push(w);
      this.codes.push(code);
      this.slots[k] = this.words.length;
      this.hashes[k] = h;
    }
  }

  /** The code of the run [start, end) of `s`, or -1 when it is no word of the table. */
  codeAt(s: string, start: number, end: number): number {
    if (((this.filter[filterKey(s, start, end)] as number) & lengthBit(end - start)) === 0) return -1;
    const h = hashOf(s, start, end);
    for (let k = h & this.mask; ; k = (k + 1) & this.mask) {
      const slot = this.slots[k] as number;
      if (slot === 0) return -1;
      if (this.hashes[k] === h) {
        const w = this.words[slot - 1] as string;
        if (w.length === end - start && s.startsWith(w, start)) return this.codes[slot - 1] as number;
      }
    }
  }

  /** The word of a code's entry, the run [start, end) of `s` (which {@link codeAt} found). */
  wordAt(s: string, start: number, end: number): string {
    const h = hashOf(s, start, end);
    for (let k = h & this.mask; ; k = (k + 1) & this.mask) {
      const w = this.words[(this.slots[k] as number) - 1] as string;
      if (this.hashes[k] === h && w.length === end - start && s.startsWith(w, start)) return w;
    }
  }
}

/** The filter's index for the run [start, end) of `s` (ASCII word characters). */
function filterKey(s: string, start: number, end: number): number {
  return (s.charCodeAt(start) << 7) | (end - start > 1 ? s.charCodeAt(start + 1) : 0);
}

function lengthBit(length: number): number {
  return 1 << (length < 31 ? length : 31);
}

function hashOf(s: string, start: number, end: number): number {
  let h = end - start;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}
