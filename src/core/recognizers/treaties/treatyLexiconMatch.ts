/**
 * Matching lexicon forms word by word at a candidate position, and the checks that decide whether a matched form
 * really names the treaty there (the missile class "INF", "Open Skies proposal", a shouted headline's "START").
 */
import type { FormSpec, TreatyTables, TrieNode } from './treatyTables';
import { gapKey, isUpperInitial, nextWordStart, normalizeDashes, wordAt } from './treatyTokens';
import { rawWordAfter, wordAfter, wordBefore } from './treatyContext';

export interface FormMatch {
  spec: FormSpec;
  end: number;
}

/**
 * The words of the text after the candidate, read once however many forms compare against them. Module-level
 * arrays reused across calls: this runs for every trigger word ("Russia" may start "Russia-NATO Founding Act"),
 * so it allocates nothing but the words themselves.
 */
const gaps: string[] = [];
const norms: string[] = [];
const lowers: string[] = [];
const ends: number[] = [];
let count = 0;
let exhausted = false;

/** A first word as the trie sees it: normalized, lower-cased, and the trie node it leads to. */
interface FirstWord {
  norm: string;
  lower: string;
  node: TrieNode | undefined;
}

/** Per tables, the first words met so far (trigger words repeat: "Russia", "New", "Treaty"), cleared when large. */
const firstWords = new WeakMap<TreatyTables, Map<string, FirstWord>>();

function firstWord(first: string, tables: TreatyTables): FirstWord {
  let cache = firstWords.get(tables);
  if (!cache) firstWords.set(tables, (cache = new Map()));
  let f = cache.get(first);
  if (!f) {
    if (cache.size >= 4096) cache.clear();
    const norm = normalizeDashes(first);
    const lower = norm.toLowerCase();
    f = { norm, lower, node: tables.trie.next.get(lower) };
    cache.set(first, f);
  }
  return f;
}

/** The longest lexicon form starting with `first` (the word at `pos`), or undefined. */
export function matchLexiconAt(text: string, pos: number, first: string, tables: TreatyTables): FormMatch | undefined {
  const f = firstWord(first, tables);
  let node = f.node;
  if (!node) return undefined;
  gaps[0] = '';
  norms[0] = f.norm;
  lowers[0] = f.lower;
  ends[0] = pos + first.length;
  count = 1;
  exhausted = false;
  let best: FormMatch | undefined;
  for (let depth = 1; node; depth++) {
    const spec = node.forms.find(formMatches);
    if (spec) best = { spec, end: ends[depth - 1] as number };
    if (node.next.size === 0 || !readWord(text, depth)) break;
    node = node.next.get(lowers[depth] as string);
  }
  return best;
}

/** Makes sure word `i` has been read; false when the text has no such word (end, or a long gap). */
function readWord(text: string, i: number): boolean {
  while (count <= i) {
    if (exhausted) return false;
    const prevEnd = ends[count - 1] as number;
    const next = nextWordStart(text, prevEnd, 8);
    const w = next < 0 ? undefined : wordAt(text, next);
    if (w === undefined) {
      exhausted = true;
      return false;
    }
    const norm = normalizeDashes(w);
    gaps[count] = gapKey(text, prevEnd, next);
    norms[count] = norm;
    lowers[count] = norm.toLowerCase();
    ends[count] = next + w.length;
    count++;
  }
  return true;
}

/** The words already read agree with the form in case and punctuation (the trie has checked the folded words). */
function formMatches(spec: FormSpec): boolean {
  for (let i = 0; i < spec.words.length; i++) {
    if (i > 0 && gaps[i] !== spec.seps[i - 1]) return false;
    if (spec.exact[i] && norms[i] !== spec.words[i]) return false;
  }
  return spec.exact[0] || spec.anyCaseFirst || isUpperInitial(norms[0] as string);
}

/** End of a head noun that follows a form without one ("New START Treaty", "Open Skies treaty"), or -1. */
export function headExtension(text: string, end: number, spec: FormSpec): number {
  if (spec.endsWithHead) return -1;
  const next = rawWordAfter(text, end);
  if (!next || next.word.toLowerCase() !== 'treaty') return -1;
  return next.start + next.word.length;
}

/** Words right after the abbreviation of a weapon-class entry that make it the weapons, not the treaty. */
const WEAPON_AFTER = new Set(
  ('missile missiles system systems interceptor interceptors weapon weapons launcher launchers site sites defense defence ' +
    'defenses defences radar radars capability capabilities ground-based land-based sea-based air-launched range class ' +
    'deployment deployments warhead warheads arsenal arsenals battery batteries forces inventory').split(' '),
);
/** Words right before it that do the same ("ground-based INF", "deploy INF", "banned INF"). */
const WEAPON_BEFORE = new Set(
  ('ground-based land-based sea-based air-launched banned prohibited deploy deploys deployed deploying new american-made ' +
    'russian-made us-made u.s.-made nuclear-armed conventional such these those').split(' '),
);

/** A weapon-class abbreviation used for the weapons ("INF missiles", "deployment of INF"). */
export function isWeaponClassUse(text: string, start: number, end: number): boolean {
  if (WEAPON_AFTER.has(wordAfter(text, end))) return true;
  const before = wordBefore(text, start);
  if (WEAPON_BEFORE.has(before)) return true;
  if (before === 'of') {
    const ofStart = text.lastIndexOf('of', start);
    const two = wordBefore(text, ofStart);
    return two === 'deployment' || two === 'deployments' || two === 'deploying';
  }
  return false;
}

/** The form is followed by a word that makes it something else ("Open Skies proposal"). */
export function isExcludedByNextWord(text: string, end: number, ids: Set<string> | undefined): boolean {
  return ids !== undefined && ids.has(wordAfter(text, end));
}

/**
 * Which treaty a form shared by several entries means (bare "START"): the latest signed by the given date
 * (a document dated 2023 means New START, one dated 1995 START I). Without a usable date (missing, or with an
 * unknown year such as `XXXX-12-22`), the form's owner, left for the document-level pass to reconsider.
 */
export function resolveByDate(spec: FormSpec, tables: TreatyTables, date: string | undefined): { id: string; byDate: boolean } {
  if (!spec.alternatives) return { id: spec.entryId, byDate: false };
  const id = latestSignedBy([spec.entryId, ...spec.alternatives], tables, date);
  return id ? { id, byDate: true } : { id: spec.entryId, byDate: false };
}

/** Of the candidate ids, the one signed last on or before `date` (ISO, any precision), or undefined. */
export function latestSignedBy(candidates: string[], tables: TreatyTables, date: string | undefined): string | undefined {
  if (!date || !/^\d{4}/.test(date)) return undefined;
  let best: string | undefined;
  let bestSigned = '';
  for (const id of candidates) {
    const signed = tables.byId.get(id)?.signed;
    if (signed && signed.slice(0, date.length) <= date && signed > bestSigned) {
      best = id;
      bestSigned = signed;
    }
  }
  return best;
}
