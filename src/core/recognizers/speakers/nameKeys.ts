/**
 * The words that identify a person in a mention's text (a name key), and the keys kept by text across calls.
 */
import { memoized } from '../boundedMemo';
import { NAME_PARTICLES, NAME_SUFFIXES, TITLE_WORDS } from './nameWords';
import { canonicalNameWords, foldWord, slugify } from './transliteration';

export interface NameKey {
  /** Name words without initials and suffixes, as written (labels title-cased). */
  words: string[];
  /** Folded full name, when there are two words or more. */
  full?: string;
  surname: string;
  firstInitial?: string;
  /** Middle initials, folded ("hw" for "George H. W. Bush"); '' when none. */
  initials: string;
  /** The name as shown, when it is not the mention's text (a title was left out). */
  display?: string;
  /** A label with no name in it (`MODERATOR`): the entity is the role. */
  roleOnly?: string;
  /** `person:<slug>` of the words, once computed (keys are shared by the mentions with the same text). */
  textId?: string;
}

function titleCase(w: string): string {
  return w.toLowerCase().replace(/(^|[-'’\s])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

/** Splits a mention's text into the words that identify the person. */
export function nameKey(text: string, isLabel: boolean): NameKey {
  let raw = text.replace(/,/g, ' ').split(/\s+/).filter((w) => w.length > 0);
  if (isLabel) {
    const rest = raw.filter((w) => !TITLE_WORDS.has(w.toLowerCase()) && !TITLE_WORDS.has(`${w.toLowerCase()}.`) && w.toLowerCase() !== 'the');
    if (rest.length === 0) return { words: [], surname: foldWord(text), initials: '', roleOnly: titleCase(text.replace(/\s+/g, ' ')) };
    raw = rest.map(titleCase);
  }
  // A title the recognizer took into the span ("Under-Secretary-General Izumi Nakamitsu") is no part of the name.
  let lead = 0;
  while (lead < raw.length - 1 && isTitle(raw[lead] as string)) lead++;
  // A word met twice is a second name run into the first where a line break was lost ("Sergei Lavrov Lavrov
  // SergeiForeign"): the name ends before it.
  const cut = repeatedWordAt(raw);
  let display: string | undefined;
  if (lead > 0 || cut < raw.length) {
    raw = raw.slice(lead, Math.max(cut, lead + 1));
    display = raw.join(' ');
  }
  const words = raw.filter((w) => !NAME_SUFFIXES.has(w.toLowerCase()) && !INITIALS_RE.test(w));
  const core = words.length > 0 ? words : raw;
  // Each word is folded once: the full name, the first initial and the surname are read from the same folds.
  const folded = core.length >= 2 ? core.map(foldWord) : undefined;
  const last = surnameIndex(core);
  const surname = last === -1 ? foldWord(text) : (folded?.[last] ?? foldWord(core[last] as string));
  const initials = words.length > 0 ? raw.filter((w) => INITIALS_RE.test(w)).map(foldWord).join('') : '';
  const key: NameKey = { words: core, surname, initials, display };
  if (folded !== undefined) {
    key.full = folded.join(' ');
    key.firstInitial = (folded[0] as string).charAt(0);
  }
  return key;
}

/** The index of the surname among a name's words: the last that is no particle, else the last; -1 for none. */
function surnameIndex(words: readonly string[]): number {
  for (let i = words.length - 1; i >= 0; i--) if (!NAME_PARTICLES.has(words[i] as string)) return i;
  return words.length - 1;
}

const INITIALS_RE = /^(?:\p{Lu}\.)+$/u;

/** The index of the first word that repeats an earlier one (initials aside), else the number of words. */
function repeatedWordAt(words: readonly string[]): number {
  for (let i = 2; i < words.length; i++) {
    const w = words[i] as string;
    if (w.length > 2 && words.indexOf(w) < i) return i;
  }
  return words.length;
}

/** A title word, or a hyphenated compound of them ("Under-Secretary-General"), in any case. */
function isTitle(word: string): boolean {
  const w = word.toLowerCase();
  if (TITLE_WORDS.has(w)) return true;
  return w.includes('-') && w.split('-').every((part) => TITLE_WORDS.has(part));
}

/** The id of a name met in a text: its words in the canonical spelling, with its middle initials. */
export function textIdOf(key: NameKey, rawText: string): string {
  const words = canonicalNameWords(key.words);
  if (key.initials && words.length >= 2) words.splice(1, 0, ...key.initials.split(''));
  return `person:${slugify(words.join(' ') || rawText)}`;
}

/**
 * Name keys by text, kept across calls by their owner (an AnalysisCache, a workspace index): names repeat within a
 * text (a surname dozens of times) and across the documents of a workspace. Shared keys are never changed, except
 * for their `textId`, which the key determines. Each map holds a bounded number of keys.
 */
export class NameKeys {
  private readonly plain = new Map<string, NameKey>();
  private readonly labels = new Map<string, NameKey>();

  of(text: string, isLabel: boolean): NameKey {
    return isLabel ? memoized(this.labels, text, labelNameKey, KEY_CACHE_LIMIT) : memoized(this.plain, text, plainNameKey, KEY_CACHE_LIMIT);
  }

  clear(): void {
    this.plain.clear();
    this.labels.clear();
  }

  /** How many keys it holds, for the test of its bound. */
  get size(): number {
    return this.plain.size + this.labels.size;
  }
}

const KEY_CACHE_LIMIT = 8192;

function labelNameKey(text: string): NameKey {
  return nameKey(text, true);
}

function plainNameKey(text: string): NameKey {
  return nameKey(text, false);
}
