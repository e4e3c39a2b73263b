import type { Lexicon, TreatyEntry } from '../../lexicon/lexicon';
import { foldKey, isAcronym, splitForm } from './treatyTokens';

/** How a lexicon form was listed; abbreviations compare every word exactly. */
export type FormKind = 'abbreviation' | 'name' | 'alias' | 'fullName';

/** One surface form of one treaty, pre-split for word-by-word comparison. */
export interface FormSpec {
  entryId: string;
  kind: FormKind;
  /** The form as listed. */
  text: string;
  /** Words with dashes unified; `folded` holds the lower-case keys. */
  words: string[];
  folded: string[];
  /** Punctuation between word i and i+1 ("" for whitespace). */
  seps: string[];
  /** Per word: compare exactly (acronyms, every word of an abbreviation) rather than case-insensitively. */
  exact: boolean[];
  /** Written in lower case in the lexicon ("open skies"): the first word may be in any case. */
  anyCaseFirst: boolean;
  /** The last word is already a head noun ("Treaty"), so a following "Treaty" is not added to the span. */
  endsWithHead: boolean;
  /** Other treaties this form may mean, decided by the document's date (`contextualForms`). */
  alternatives?: string[];
  /** Every word compares exactly (an abbreviation, or acronyms only): checked on each match, so kept. */
  allExact: boolean;
  /** The `rule` attribute of a mention of this form, without and with a following head noun. */
  rule: string;
  headRule: string;
  /** The `candidates` attribute (owner and alternatives, space-separated) of a form with alternatives. */
  candidates?: string;
}

/** One node of the form trie: the forms that end here, and the words that continue. */
export interface TrieNode {
  forms: FormSpec[];
  next: Map<string, TrieNode>;
  /** The same children as arrays (keys[i] leads to children[i]): a deep node has one or two, walked without an iterator. */
  keys: string[];
  children: TrieNode[];
}

/** Lookup tables built once per lexicon object. */
export interface TreatyTables {
  /**
   * Forms in a word trie keyed by folded words: a candidate walks down as far as the text allows, so a lookup
   * costs the words of the longest match, not the number of forms sharing a first word ("Treaty on ...").
   */
  trie: TrieNode;
  byId: Map<string, TreatyEntry>;
  /** Folded, whitespace-collapsed forms (and "form treaty") → id: links names found by pattern to the lexicon. */
  byFoldedName: Map<string, string>;
  /** Per entry id: folded words that, right after a form, mean it is not the treaty. */
  notBefore: Map<string, Set<string>>;
  /** Finds candidate word starts: the trigger words below, as whole words (or every capitalised word, see below). */
  scanner: RegExp;
  /** The scanner finds every capitalised word, so each match must be checked against `triggers`. */
  checkTriggers: boolean;
  /**
   * Words that may start a match, exactly as written in the text: the first word of each form up to any hyphen,
   * in each case it may be written in, and the patterns' head nouns.
   */
  triggers: Set<string>;
}

const HEAD_WORDS = new Set(['treaty', 'treaties', 'agreement', 'agreements', 'accord', 'accords', 'convention', 'conventions', 'protocol', 'protocols', 'act', 'memorandum', 'document']);

/** Head nouns of the patterns for names not in the lexicon, as they must be written (capitalised). */
const PATTERN_HEADS = ['Treaty', 'Treaties', 'Agreement', 'Agreements', 'Accord', 'Accords', 'Convention', 'Conventions', 'Protocol', 'Protocols', 'Act'];

const cache = new WeakMap<Lexicon, TreatyTables>();

/** The tables for a lexicon, built on first use and kept while the lexicon object lives. */
export function treatyTables(lexicon: Lexicon): TreatyTables {
  let tables = cache.get(lexicon);
  if (!tables) {
    tables = buildTables(lexicon);
    cache.set(lexicon, tables);
  }
  return tables;
}

function buildTables(lexicon: Lexicon): TreatyTables {
  const byId = new Map<string, TreatyEntry>();
  for (const entry of lexicon.treaties) byId.set(entry.id, entry);
  // Later entries win a contested form: a workspace overlay comes after the built-in data.
  const byFormKey = new Map<string, FormSpec>();
  const byFoldedName = new Map<string, string>();
  const notBefore = new Map<string, Set<string>>();
  for (const entry of byId.values()) {
    const add = (text: string, kind: FormKind) => {
      const spec = makeForm(entry.id, text.replace(/^the\s+/i, ''), kind);
      if (!spec) return;
      const key = spec.words.map((w, i) => (spec.exact[i] ? w : spec.folded[i])).join(' ') + '|' + spec.seps.join('');
      byFormKey.set(key, spec);
      const folded = spec.folded.join(' ');
      byFoldedName.set(folded, entry.id);
      if (!spec.endsWithHead) byFoldedName.set(`${folded} treaty`, entry.id);
    };
    for (const a of entry.abbreviations ?? []) add(a, 'abbreviation');
    add(entry.name, 'name');
    for (const a of entry.aliases ?? []) add(a, 'alias');
    if (entry.fullName) add(entry.fullName, 'fullName');
    if (entry.notBefore?.length) notBefore.set(entry.id, new Set(entry.notBefore.map(foldKey)));
  }
  // A contextual form is another entry's abbreviation that may also mean this treaty, by date.
  for (const entry of byId.values()) {
    for (const form of entry.contextualForms ?? []) {
      for (const spec of byFormKey.values()) {
        if (spec.text === form && spec.entryId !== entry.id) spec.alternatives = [...(spec.alternatives ?? []), entry.id];
      }
    }
  }
  const trie: TrieNode = { forms: [], next: new Map(), keys: [], children: [] };
  for (const spec of byFormKey.values()) {
    if (spec.alternatives) spec.candidates = [spec.entryId, ...spec.alternatives].join(' ');
    let node = trie;
    for (const w of spec.folded) {
      let child = node.next.get(w);
      if (!child) {
        node.next.set(w, (child = { forms: [], next: new Map(), keys: [], children: [] }));
        node.keys.push(w);
        node.children.push(child);
      }
      node = child;
    }
    node.forms.push(spec);
  }
  const triggers = new Set<string>(PATTERN_HEADS);
  for (const spec of byFormKey.values()) {
    const first = (spec.words[0] as string).split(/[-/]/)[0] as string;
    if (spec.exact[0]) {
      triggers.add(first);
      continue;
    }
    const lower = first.toLowerCase();
    triggers.add(first).add(lower.charAt(0).toUpperCase() + lower.slice(1)).add(first.toUpperCase());
    if (spec.anyCaseFirst) triggers.add(lower);
  }
  // Past a few hundred trigger words an alternation loses to a plain scan of capitalised words plus a Set lookup
  // (V8 slows sharply past ~1,000 alternatives): a large workspace lexicon switches scanners.
  const checkTriggers = triggers.size > MAX_ALTERNATIVES;
  const scanner = checkTriggers ? capitalisedWordScanner(triggers) : makeScanner(triggers);
  return { trie, byId, byFoldedName, notBefore, scanner, checkTriggers, triggers };
}

function makeForm(entryId: string, text: string, kind: FormKind): FormSpec | undefined {
  const { words, seps } = splitForm(text);
  if (words.length === 0) return undefined;
  const folded = words.map((w) => w.toLowerCase());
  const exact = words.map((w) => kind === 'abbreviation' || isAcronym(w));
  const firstChar = text.trim().charAt(0);
  const anyCaseFirst = !exact[0] && firstChar === firstChar.toLowerCase() && firstChar !== firstChar.toUpperCase();
  const endsWithHead = HEAD_WORDS.has(folded[folded.length - 1] as string);
  // Every field present from the start (the optional ones too): forms with and without alternatives then share one
  // hidden class, and the match loop reads them without a polymorphic lookup.
  return { entryId, kind, text, words, folded, seps, exact, anyCaseFirst, endsWithHead, alternatives: undefined, allExact: exact.every(Boolean), rule: `lexicon-${kind}`, headRule: `lexicon-${kind}+head`, candidates: undefined };
}

/**
 * One precompiled regex finds every place a form or a pattern can start: an alternation of the trigger words
 * (first words of forms up to any hyphen, in the cases they may be written in, and the patterns' head nouns),
 * longest first. A few hundred alternatives at most (first words, not whole forms), far below the ~1,000 where
 * V8 alternations slow down; measured here it scans about twice as fast as a regex for every capitalised word
 * (`\p{Lu}` with the `u` flag was ten times slower still) and leaves five times fewer candidates to look up.
 * `\b` rather than a lookbehind (which halves the speed): the caller rejects a match inside a hyphenated word.
 */
function makeScanner(triggers: Set<string>): RegExp {
  const sorted = [...triggers].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // Keep the plain ASCII words in one `\b(?:...)\b` group: guards inside each alternative would cost V8 its
  // first-character filter and triple the scan time.
  const plain = sorted.filter((w) => ASCII_WORD.test(w.charAt(0)) && ASCII_WORD.test(w.charAt(w.length - 1)));
  const plainSet = new Set(plain);
  const other = sorted.filter((w) => !plainSet.has(w)).map(boundedAlternative);
  const alternatives = [`\\b(?:${plain.map(escapeRegex).join('|')})\\b`, ...other];
  return new RegExp(alternatives.join('|'), 'g');
}

function escapeRegex(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const MAX_ALTERNATIVES = 600;

/**
 * Every word starting with an upper-case letter (Latin, Greek, Cyrillic ranges rather than `\p{Lu}` with the `u`
 * flag, which V8 runs ten times slower), plus the trigger words that start in lower case ("open skies").
 */
function capitalisedWordScanner(triggers: Set<string>): RegExp {
  const lower = [...triggers].filter((w) => w.charAt(0) === w.charAt(0).toLowerCase() && w.charAt(0) !== w.charAt(0).toUpperCase());
  const alt = lower.length ? `|\\b(?:${lower.map(escapeRegex).join('|')})\\b` : '';
  return new RegExp(String.raw`[A-Z\u00C0-\u00DE\u0391-\u03A9\u0400-\u042F][A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]*` + alt, 'g');
}

const ASCII_WORD = /^[A-Za-z0-9]$/;
const LETTER = String.raw`[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]`;

/** `\b` only sees ASCII letters: a word that starts or ends with another letter ("Élysée") gets explicit guards. */
function boundedAlternative(word: string): string {
  const escaped = escapeRegex(word);
  const open = ASCII_WORD.test(word.charAt(0)) ? '\\b' : `(?<!${LETTER})`;
  const close = ASCII_WORD.test(word.charAt(word.length - 1)) ? '\\b' : `(?!${LETTER})`;
  return `${open}${escaped}${close}`;
}
