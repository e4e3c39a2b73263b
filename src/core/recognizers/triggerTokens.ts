/**
 * The trigger tokens of one block, read by one regular expression for both the date and the treaty recognizer:
 * digit runs, date words ("May", "yesterday") and the words a treaty name can start with. Two scans of every block
 * (one per recognizer) cost almost twice one scan of the union of their words, since the regex engine's cost is
 * per character rather than per alternative. The tokens go into typed arrays reused from block to block (owned by
 * the analyzer's recognizer state), so the shared pass allocates nothing beyond what the scans allocated alone.
 */

/** The expression a block is read with, and how its matches are classified. */
export interface TriggerScanner {
  /**
   * `\d+|\b(?:word|...)\b` with the `g` flag: every word is ASCII letters and digits and starts with a letter, so a
   * word match is a whole run of `\w` characters and no match can start inside another.
   */
  regex: RegExp;
  /** Date word -> its date kind (see {@link DATE_KIND_MASK}). */
  dateKinds: ReadonlyMap<string, number>;
  /** The treaty trigger words read with the date words, or undefined when the treaty recognizer scans on its own. */
  treatyWords: ReadonlySet<string> | undefined;
}

/** The low bits of a token's flags: 0 for a word that is no date word, {@link DIGIT_RUN}, or a date word's kind. */
export const DATE_KIND_MASK = 15;
export const DIGIT_RUN = 1;
/** The flag of a token that may start a treaty name. */
export const TREATY_TRIGGER = 16;

export class TriggerTokens {
  /** Tokens found; entry i spans starts[i] to ends[i], in text order, without overlaps. */
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  flags = new Uint8Array(64);
  /** The token's text, kept for treaty triggers only (other entries hold stale strings). */
  readonly words: string[] = [];
  /** How many tokens are digit runs or date words, and how many may start a treaty name. */
  dateCount = 0;
  treatyCount = 0;
  private block: string | undefined;
  private scanner: TriggerScanner | undefined;
  /** The scanner last chosen for a key (a lexicon): every block of a document costs no table look-up. */
  private chosenFor: object | undefined;
  private chosen: TriggerScanner | undefined;

  /** The scanner `choose` gives for `key`, asked again only when the key changes. */
  scannerFor<K extends object>(key: K, choose: (key: K) => TriggerScanner): TriggerScanner {
    if (key !== this.chosenFor || this.chosen === undefined) {
      this.chosen = choose(key);
      this.chosenFor = key;
    }
    return this.chosen;
  }

  /** Whether the tokens hold the treaty trigger words (else the treaty recognizer scans on its own). */
  get readsTreaties(): boolean {
    return this.scanner?.treatyWords !== undefined;
  }

  /** Reads the tokens of `block`, unless this holds them already (the second recognizer of the same block). */
  read(block: string, scanner: TriggerScanner): this {
    if (block === this.block && scanner === this.scanner) return this;
    this.block = block;
    this.scanner = scanner;
    const { regex, dateKinds, treatyWords } = scanner;
    let n = 0;
    let dates = 0;
    let treaties = 0;
    regex.lastIndex = 0;
    for (let m = regex.exec(block); m !== null; m = regex.exec(block)) {
      const word = m[0];
      const c = word.charCodeAt(0);
      let flags = DIGIT_RUN;
      if (c < 48 || c > 57) {
        flags = dateKinds.get(word) ?? 0;
        if (treatyWords !== undefined && treatyWords.has(word)) {
          flags |= TREATY_TRIGGER;
          this.words[n] = word;
          treaties++;
        }
      }
      if ((flags & DATE_KIND_MASK) !== 0) dates++;
      if (n === this.starts.length) this.grow();
      this.starts[n] = m.index;
      this.ends[n] = m.index + word.length;
      this.flags[n] = flags;
      n++;
    }
    this.count = n;
    this.dateCount = dates;
    this.treatyCount = treaties;
    return this;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const flags = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    flags.set(this.flags);
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }
}

/**
 * The scanner for date words plus `extra` words (sorted longest first, as alternatives were before: the trailing
 * `\b` makes the order irrelevant to what matches, but V8 tries them in this order).
 */
export function triggerScanner(dateKinds: ReadonlyMap<string, number>, extra?: ReadonlySet<string>): TriggerScanner {
  const words = new Set([...dateKinds.keys(), ...(extra ?? [])]);
  for (const w of words) if (!PLAIN_WORD.test(w)) throw new Error(`triggerScanner: '${w}' is not a plain ASCII word`);
  const sorted = [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return { regex: new RegExp(`\\d+|\\b(?:${sorted.join('|')})\\b`, 'g'), dateKinds, treatyWords: extra };
}

/** A word the shared scan can read: ASCII letters and digits, starting with a letter (see {@link TriggerScanner}). */
export const PLAIN_WORD = /^[A-Za-z][A-Za-z0-9]*$/;
