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
  // The word arrays are pushed, not filtered or mapped: optimized code makes those with holes allowed, the
  // interpreter without, and the code that reads both kinds was optimized for one and thrown away at the other.
  let raw: string[] = [];
  for (const w of text.replace(/,/g, ' ').split(/\s+/)) if (w.length > 0) raw.push(w);
  if (isLabel) {
    const rest: string[] = [];
    for (const w of raw) {
      const lower = w.toLowerCase();
      if (!TITLE_WORDS.has(lower) && !TITLE_WORDS.has(`${lower}.`) && lower !== 'the') rest.push(titleCase(w));
    }
    if (rest.length === 0) return keyOf(rest, undefined, foldWord(text), undefined, '', undefined, titleCase(text.replace(/\s+/g, ' ')));
    raw = rest;
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
  const words: string[] = [];
  let initials = '';
  for (const w of raw) {
    if (INITIALS_RE.test(w)) initials += foldWord(w);
    else if (!NAME_SUFFIXES.has(w.toLowerCase())) words.push(w);
  }
  if (words.length === 0) initials = '';
  const core = words.length > 0 ? words : raw;
  // Each word is folded once: the full name, the first initial and the surname are read from the same folds.
  let folded: string[] | undefined;
  if (core.length >= 2) {
    folded = [];
    for (const w of core) folded.push(foldWord(w));
  }
  const last = surnameIndex(core);
  const surname = last === -1 ? foldWord(text) : (folded?.[last] ?? foldWord(core[last] as string));
  if (folded === undefined) return keyOf(core, undefined, surname, undefined, initials, display, undefined);
  return keyOf(core, folded.join(' '), surname, (folded[0] as string).charAt(0), initials, display, undefined);
}

/**
 * Every key made with all its properties, in one order: keys of one shape keep the code that reads them (the
 * linker, over many names) from being optimized for one shape and thrown away at the next.
 */
function keyOf(
  words: string[],
  full: string | undefined,
  surname: string,
  firstInitial: string | undefined,
  initials: string,
  display: string | undefined,
  roleOnly: string | undefined,
): NameKey {
  return { words, full, surname, firstInitial, initials, display, roleOnly, textId: undefined };
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
