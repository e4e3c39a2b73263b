/**
 * One pass over a block for the speech triggers of both the speaker rules (speechVerbs.ts) and the quote rules
 * (quotes/quoteTriggers.ts): each of them read every block with a regular expression of its own, and a regex pass
 * costs about the same whatever the number of phrases. The pass matches the union of their phrases; each side
 * then derives from these hits exactly the matches its own expression would have found (see
 * {@link eachOwnMatch}), and rereads with its own expression only around the few hits where the union's match
 * says nothing certain. The hits go into typed arrays reused from block to block (the speaker state's), and a
 * copy rides on the block's recogniser output until the quote layer reads it.
 */
import type { Mention } from '../../model/mention';
import type { RecognizerState } from '../recognizerState';
import { PARTICIPLE_CLASS, VERB_CLASS } from '../quotes/reportingVerbs';
import { knownTriggers, trieSource } from './speechVerbs';
import { PhraseOpeners } from './phraseOpeners';
import { TITLE_FIRST_WORDS } from './titleWords';

/** The union's phrases (single-spaced), by id; quote-only words last. */
const PHRASES: string[] = [
  ...new Set([...knownTriggers().keys(), ...VERB_CLASS.keys(), ...PARTICIPLE_CLASS.keys(), 'quoted', 'quotes', 'cited', 'cites', 'according to', 'According to']),
];
const IDS = new Map<string, number>(PHRASES.map((p, i) => [p, i]));
/** Every phrase, longest match first at each place (trieSource), as a whole word run. No capture group. */
const UNION_RE = new RegExp(`\\b${trieSource(PHRASES)}\\b`, 'g');
const SPACES = /\s+/g;
const OPENERS = new PhraseOpeners(PHRASES);

/** The phrase of a hit's id (single-spaced). */
export function phraseOf(id: number): string {
  return PHRASES[id] as string;
}

/** How many ids there are (for tables indexed by id). */
export const PHRASE_COUNT = PHRASES.length;

/**
 * The hits of the block last read: entry i is data[3i] (start), data[3i+1] (end), data[3i+2] (phrase id), in
 * text order and without overlaps, each the longest phrase of the union at its start.
 */
export class SpeechHits {
  // A string from the start, as TriggerTokens' block. The hit array starts empty and the title array with room
  // for its end mark only, so the first hits and titles already run the code that grows them: met first in a
  // later, larger block, it deoptimized the optimized scan.
  block = '';
  count = 0;
  data = new Int32Array(0);

  /** Reads the block with the union's expression (triggerTokens.ts's scan reads the same hits with the trigger words). */
  read(block: string): this {
    this.begin(block);
    const re = UNION_RE;
    re.lastIndex = 0;
    for (let m = re.exec(block); m !== null; m = re.exec(block)) this.pushMatch(m);
    return this;
  }

  /**
   * Where a title's first word stands (titleWords.ts), in text order: the shared pass (triggerTokens.ts) notes
   * them for titledPeople.ts with the hits, -1 past the last. Undefined when the hits were read without them.
   */
  titles: Int32Array | undefined;
  private titleCount = 0;
  // Made with the hits, not by the first read that notes titles: a state made later (a new analysis) would
  // otherwise meet that allocation first in optimized code.
  private titleStore = new Int32Array(1);

  /** Starts the hits of `block`, to be pushed in text order, and with `titles` the places of its title words. */
  begin(block: string, titles = false): void {
    this.block = block;
    this.count = 0;
    this.titleCount = 0;
    this.titleStore[0] = -1;
    this.titles = titles ? this.titleStore : undefined;
  }

  /** Notes a title word at `at` (after {@link begin} with titles). */
  pushTitle(at: number): void {
    let titles = this.titleStore;
    if (this.titleCount + 1 === titles.length) {
      const grown = new Int32Array(titles.length * 2);
      grown.set(titles);
      this.titleStore = this.titles = titles = grown;
    }
    titles[this.titleCount++] = at;
    titles[this.titleCount] = -1;
  }

  /**
   * The union's match at `at`, a word that begins a phrase of several words (see {@link SPEECH_REREAD}), pushed:
   * where the union's scan goes on, or `at` when nothing matches there.
   */
  private matchAt(block: string, at: number): number {
    const re = UNION_STICKY;
    re.lastIndex = at;
    const m = re.exec(block);
    if (m === null) return at;
    this.pushMatch(m);
    return re.lastIndex;
  }

  /**
   * The union's match at `start`, where the run [start, end) is a word with speech bits `code` (see
   * {@link SPEECH_EXACT}), pushed: where the union's scan goes on, or `start` when nothing matches there. For the
   * opener of a phrase of several words, the expression is tried only where the next word may go on with such a
   * phrase. One push for both kinds of word, so the optimized scan meets no push it has not run.
   */
  pushWord(block: string, start: number, end: number, code: number): number {
    let id = code >>> SPEECH_ID_SHIFT;
    if ((code & SPEECH_REREAD) !== 0) {
      if (OPENERS.mayGoOn(block, end, id)) return this.matchAt(block, start);
      id = OPENERS.alone[id] as number;
      if (id === -1) return start;
    }
    this.push(start, end, id);
    return end;
  }

  private pushMatch(m: RegExpExecArray): void {
    const text = m[0];
    // A phrase spaced otherwise ("according\nto") is respaced to find its id; every match is a phrase.
    this.push(m.index, m.index + text.length, IDS.get(text) ?? (IDS.get(text.replace(SPACES, ' ')) as number));
  }

  push(start: number, end: number, id: number): void {
    const n = this.count;
    let data = this.data;
    if (3 * n === data.length) {
      const grown = new Int32Array(data.length === 0 ? 3 * 64 : data.length * 2);
      grown.set(data);
      this.data = data = grown;
    }
    data[3 * n] = start;
    data[3 * n + 1] = end;
    data[3 * n + 2] = id;
    this.count = n + 1;
  }
}

const UNION_STICKY = new RegExp(UNION_RE.source, 'y');

/**
 * What a word (a run of `\w`) means to the union, in the bits above a trigger token's flags: {@link SPEECH_EXACT}
 * with the phrase id from bit {@link SPEECH_ID_SHIFT} when the word is a phrase and begins no longer one;
 * {@link SPEECH_REREAD} with its index among the openers (phraseOpeners.ts) from the same bit when it begins a
 * phrase that goes on past it (a space, a hyphen), where the next word says whether the union's expression is
 * tried at the word ({@link SpeechHits.pushWord}). The union only matches at the start of such a word: its phrases start with a
 * word character after `\b`, and its first run of word characters must be the text's whole run.
 */
export const SPEECH_EXACT = 32;
export const SPEECH_REREAD = 64;
/** A title's first word (titleWords.ts), in the same bits. */
export const TITLE_WORD = 128;
export const SPEECH_ID_SHIFT = 8;

/** The speech words, and the titles' first words, with their bits (see {@link SPEECH_EXACT}). */
export function speechWords(): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of TITLE_FIRST_WORDS) out.set(w, TITLE_WORD);
  PHRASES.forEach((p, id) => {
    let k = 0;
    while (k < p.length && WORD_CHAR.test(p.charAt(k))) k++;
    if (k === 0) throw new Error(`speechWords: '${p}' does not start with a word character`);
    const word = p.slice(0, k);
    const opener = OPENERS.index.get(word);
    const code = opener !== undefined ? SPEECH_REREAD | (opener << SPEECH_ID_SHIFT) : SPEECH_EXACT | (id << SPEECH_ID_SHIFT);
    out.set(word, ((out.get(word) ?? 0) & TITLE_WORD) | code);
  });
  return out;
}

/** A phrase's relation to one side's own expression, when the union matched it (see {@link classifyPhrase}). */
export const UNKNOWN = 0;
/** That expression matches the whole phrase, and nothing else inside it. */
export const EXACT = 1;
/** That expression matches nothing starting inside the phrase. */
export const NONE = 2;
/** Anything else: reread the phrase's span with that expression. */
export const REREAD = 3;

/**
 * How the expression `re` (global, anchored at word boundaries like the union's) reads where the union matched
 * phrase `p`. The union's match is the longest of its phrases there, and every phrase of `re` is one of the
 * union's, so what `re` matches inside that span is what it matches in `p` itself: unless one of its phrases
 * begins at a word of `p` and runs past its end (`prefixes` holds every phrase of `re` cut before a space or
 * hyphen), which only the text can tell.
 */
export function classifyPhrase(p: string, re: RegExp, prefixes: ReadonlySet<string>): number {
  for (let j = 0; j < p.length; j++) {
    if ((j === 0 || !WORD_CHAR.test(p.charAt(j - 1))) && WORD_CHAR.test(p.charAt(j)) && prefixes.has(p.slice(j))) return REREAD;
  }
  re.lastIndex = 0;
  const first = re.exec(p);
  if (first === null) return NONE;
  const whole = first.index === 0 && first[0].length === p.length;
  return whole ? EXACT : REREAD;
}

/** Every phrase of `phrases` cut before each of its spaces and hyphens. */
export function phrasePrefixes(phrases: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const p of phrases) {
    for (let i = 0; i < p.length; i++) if (p[i] === ' ' || p[i] === '-') out.add(p.slice(0, i));
  }
  return out;
}

/** `\w`, as the union's and the sides' `\b` read words (a phrase is classified once: a regex will do). */
const WORD_CHAR = /\w/;

/**
 * The matches `sticky` (a copy of a side's expression with the `y` flag) finds starting in [from, to), in the
 * order and without the overlaps its global scan would give: it is tried at each place in turn, as that scan
 * does. Calls `on` with each match and returns where the scan goes on.
 */
export function rereadSpan(block: string, from: number, to: number, sticky: RegExp, on: (m: RegExpExecArray) => void): number {
  let t = from;
  while (t < to) {
    sticky.lastIndex = t;
    const m = sticky.exec(block);
    if (m === null) {
      t++;
      continue;
    }
    on(m);
    t = m.index + m[0].length;
  }
  return t;
}

/**
 * The block's hits as the speaker pass read them, kept on the block's recogniser output for the quote layer
 * (under a symbol, as the quote layer keeps the block's quotes), or nothing without a state that read this block.
 */
const HITS = Symbol('speechHits');

interface WithHits {
  [HITS]?: readonly number[];
}

const NO_HITS: readonly number[] = Object.freeze([]);

export function keepSpeechHits(mentions: Mention[], block: string, state: RecognizerState | undefined): Mention[] {
  const hits = state?.speakers.hits;
  if (hits !== undefined && hits.block === block) (mentions as WithHits)[HITS] = hits.count === 0 ? NO_HITS : copied(hits.data, 3 * hits.count);
  return mentions;
}

/**
 * The first `n` numbers of `data` as a plain array of small integers: a typed array past a few entries keeps its
 * bytes outside the heap, which cost more to allocate and free than the array.
 */
function copied(data: Int32Array, n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = data[i] as number;
  return out;
}

/** The hits kept on a block's recogniser output, once: the quote layer keeps what it derives. */
export function takeSpeechHits(mentions: readonly Mention[]): readonly number[] | undefined {
  const kept = mentions as WithHits;
  const hits = kept[HITS];
  // Read again (no quotes kept for it), the block is scanned anew.
  if (hits !== undefined) kept[HITS] = undefined;
  return hits;
}

/** Whether the block's recogniser output holds its speech hits, and they are none. */
export function heldNoSpeechHits(mentions: readonly Mention[]): boolean {
  return (mentions as WithHits)[HITS] === NO_HITS;
}
