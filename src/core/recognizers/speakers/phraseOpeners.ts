/**
 * The words that begin a speech phrase of several words ("in" of "in an interview", "was" of "was clear"), and
 * the second words of those phrases. Where such a word stands, the union's expression (speechHits.ts) was tried
 * there, and most of these words are common ones that go on otherwise ("in the", "was not"): the word after says
 * first whether any longer phrase can match, and when none can, the match is the word alone or nothing.
 */
import { REGEX_WORD_CLASS } from '../../text/charClasses';
import { WordTable } from '../wordRuns';

/** The runs of `\w` of a phrase: its words as `\b` reads them. */
function runsOf(phrase: string): string[] {
  return phrase.split(/\W+/).filter((w) => w.length > 0);
}

export class PhraseOpeners {
  /** Opener word -> its index. */
  readonly index = new Map<string, number>();
  /** Per opener, the id of the phrase that is the word alone, or -1. */
  readonly alone: Int32Array;
  /** The second words, with their index as code. */
  private readonly seconds: WordTable;
  private readonly secondCount: number;
  /** 1 at opener * secondCount + second when a phrase begins with those two words. */
  private readonly pairs: Uint8Array;

  /** From the phrases by id; a phrase must start with a word character and be spaced by non-word characters. */
  constructor(phrases: readonly string[]) {
    const seconds = new Map<string, number>();
    const pairs: [number, number][] = [];
    for (const p of phrases) {
      if (!/^\w/.test(p)) throw new Error(`PhraseOpeners: '${p}' does not start with a word character`);
      const runs = runsOf(p);
      if (runs.length < 2) continue;
      const [first, second] = runs as [string, string];
      if (!this.index.has(first)) this.index.set(first, this.index.size);
      if (!seconds.has(second)) seconds.set(second, seconds.size);
      pairs.push([this.index.get(first) as number, seconds.get(second) as number]);
    }
    this.alone = new Int32Array(this.index.size).fill(-1);
    phrases.forEach((p, id) => {
      const opener = this.index.get(p);
      if (opener !== undefined) this.alone[opener] = id;
    });
    this.seconds = new WordTable(seconds);
    this.secondCount = seconds.size;
    this.pairs = new Uint8Array(this.index.size * seconds.size);
    for (const [o, s] of pairs) this.pairs[o * seconds.size + s] = 1;
  }

  /**
   * Whether a phrase of several words that begins with opener `opener`, the run of `block` ending at `end`, may
   * match there: whether the next run of `\w` after the non-word characters that follow is one of its second
   * words. A phrase's words are whole runs of the text it matches, spaced by white space or a hyphen, so when
   * this says no, none of them matches.
   */
  mayGoOn(block: string, end: number, opener: number): boolean {
    const n = block.length;
    let j = end;
    while (j < n && REGEX_WORD_CLASS[block.charCodeAt(j)] === 0) j++;
    let k = j;
    while (k < n && REGEX_WORD_CLASS[block.charCodeAt(k)] !== 0) k++;
    if (k === j) return false;
    const second = this.seconds.codeAt(block, j, k);
    return second !== -1 && this.pairs[opener * this.secondCount + second] === 1;
  }
}
