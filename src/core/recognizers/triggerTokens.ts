/**
 * The trigger tokens of one block, read in one pass for both the date and the treaty recognizer: digit runs, date
 * words ("May", "yesterday") and the words a treaty name can start with; in the same pass, the block's speech hits
 * for the speaker and quote rules (speechHits.ts). A pass costs about the same whatever the number of words it
 * looks for, so each recognizer's own pass cost almost as much as the shared one. The tokens go into typed arrays
 * reused from block to block (owned by the analyzer's recognizer state), so the pass allocates little.
 */
import { SPEECH_EXACT, SPEECH_REREAD, speechWords, TITLE_WORD, type SpeechHits } from './speakers/speechHits';
import { REGEX_WORD_CLASS } from '../text/charClasses';
import { mayHold, runHashStep, runKey, WordTable } from './wordRuns';
import * as codes from '../text/charCodes';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { UPPER_A, UNDERSCORE } = codes;

/** What a block's tokens are (the matches of an expression), and how they are classified and read. */
export interface TriggerScanner {
  /**
   * `\d+|\b(?:word|...)\b` with the `g` flag: every word is ASCII letters and digits and starts with a letter, so a
   * word match is a whole run of `\w` characters and no match can start inside another. The tokens are its
   * matches, read by a loop over the block's words ({@link TriggerTokens.read}); the tests hold them to it.
   */
  regex: RegExp;
  /** Date word -> its date kind (see {@link DATE_KIND_MASK}). */
  dateKinds: ReadonlyMap<string, number>;
  /** The treaty trigger words read with the date words, or undefined when the treaty recognizer scans on its own. */
  treatyWords: ReadonlySet<string> | undefined;
  /**
   * The date and treaty words with their token flags (the low {@link WORD_FLAGS} bits), and the words that begin
   * a speech phrase (speechHits.ts's bits above them): the table the scan reads, `regex` what it finds.
   */
  table: WordTable;
}

/** The low bits of a token's flags: 0 for a word that is no date word, {@link DIGIT_RUN}, or a date word's kind. */
export const DATE_KIND_MASK = 15;
export const DIGIT_RUN = 1;
/** The flag of a token that may start a treaty name. */
export const TREATY_TRIGGER = 16;
/** The bits of a table entry that are a token's flags (see {@link TriggerScanner.table}). */
const WORD_FLAGS = DATE_KIND_MASK | TREATY_TRIGGER;

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
  // A string from the start: the first optimized compare with the block read saw strings only.
  private block = '';
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

  /**
   * Reads the tokens of `block`, unless this holds them already (the second recognizer of the same block); with
   * `hits`, the block's speech hits in the same pass. What the scanner's `regex` finds, read by one loop over the
   * runs of `\w` (wordRuns.ts): the expression matches a word only as a whole run that starts with a letter, and
   * `\d+` every run of digits in the other runs.
   */
  read(block: string, scanner: TriggerScanner, hits?: SpeechHits): this {
    if (block === this.block && scanner === this.scanner && (hits === undefined || hits.block === block)) return this;
    this.block = block;
    this.scanner = scanner;
    const table = scanner.table;
    const filter = table.filter;
    this.count = 0;
    this.dateCount = 0;
    this.treatyCount = 0;
    if (hits !== undefined) hits.begin(block, true);
    // Where the union's scan goes on after its last hit.
    let speechFrom = 0;
    const n = block.length;
    let i = 0;
    while (i < n) {
      let c = block.charCodeAt(i);
      let cls = REGEX_WORD_CLASS[c] as number;
      if (cls === 0) {
        i++;
        continue;
      }
      // The run of `\w` from here, hashed as it is read (wordRuns.ts); the character after it is no word character.
      const start = i;
      const first = c;
      let kinds = cls;
      let h = c;
      while (++i < n) {
        c = block.charCodeAt(i);
        cls = REGEX_WORD_CLASS[c] as number;
        if (cls === 0) break;
        kinds |= cls;
        h = runHashStep(h, c);
      }
      const end = i++;
      let entry = -1;
      if (first >= UPPER_A && first !== UNDERSCORE) {
        const key = runKey(h, end - start);
        if (mayHold(filter, key)) entry = table.find(block, start, end, key);
      }
      const code = entry === -1 ? -1 : (table.codes[entry] as number);
      const flags = code === -1 ? 0 : code & WORD_FLAGS;
      if (flags !== 0) this.push(start, end, flags, (flags & TREATY_TRIGGER) !== 0 ? (table.words[entry] as string) : '');
      else if ((kinds & 2) !== 0) this.pushDigitRuns(block, start, end);
      if (code > WORD_FLAGS && hits !== undefined) {
        if ((code & TITLE_WORD) !== 0) hits.pushTitle(start);
        if (start < speechFrom || (code & (SPEECH_EXACT | SPEECH_REREAD)) === 0) continue;
        speechFrom = hits.pushWord(block, start, end, code);
      }
    }
    return this;
  }

  private push(start: number, end: number, flags: number, word: string): void {
    const n = this.count;
    if (n === this.starts.length) this.grow();
    this.starts[n] = start;
    this.ends[n] = end;
    this.flags[n] = flags;
    if ((flags & TREATY_TRIGGER) !== 0) {
      this.words[n] = word;
      this.treatyCount++;
    }
    if ((flags & DATE_KIND_MASK) !== 0) this.dateCount++;
    this.count = n + 1;
  }

  /** Every run of digits in [start, end): what `\d+` finds in a run of `\w` that is no trigger word. */
  private pushDigitRuns(block: string, start: number, end: number): void {
    for (let i = start; i < end; ) {
      const c = block.charCodeAt(i);
      if (c < 48 || c > 57) {
        i++;
        continue;
      }
      const from = i;
      while (++i < end && block.charCodeAt(i) >= 48 && block.charCodeAt(i) <= 57);
      this.push(from, i, DIGIT_RUN, '');
    }
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
  const info = new Map<string, number>(dateKinds);
  for (const w of extra ?? []) info.set(w, (info.get(w) ?? 0) | TREATY_TRIGGER);
  for (const [w, code] of speechWords()) info.set(w, (info.get(w) ?? 0) | code);
  return { regex: new RegExp(`\\d+|\\b(?:${sorted.join('|')})\\b`, 'g'), dateKinds, treatyWords: extra, table: new WordTable(info) };
}

/** A word the shared scan can read: ASCII letters and digits, starting with a letter (see {@link TriggerScanner}). */
export const PLAIN_WORD = /^[A-Za-z][A-Za-z0-9]*$/;
