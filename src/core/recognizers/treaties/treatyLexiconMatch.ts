/**
 * Matching lexicon forms word by word at a candidate position, and the checks that decide whether a matched form
 * really names the treaty there (the missile class "INF", "Open Skies proposal", a shouted headline's "START").
 */
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
import type { FormSpec, TreatyTables, TrieNode } from './treatyTables';
import { isUpperInitial, nextWordStart, normalizeDashes, wordAtEnd } from './treatyTokens';
import { wordBefore } from './treatyContext';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { ASCII_MAX } = codes;
const { isPlainSpace } = classes;

export interface FormMatch {
  spec: FormSpec;
  end: number;
}

/** A first word as the trie sees it: normalized, lower-cased, and the trie node it leads to. */
interface FirstWord {
  norm: string;
  lower: string;
  node: TrieNode | undefined;
}

/**
 * Reads lexicon forms at candidate positions, for one owner (a document analyzer) that keeps it for its lifetime.
 * The words of the text after the candidate are read once however many forms compare against them, into arrays
 * reused across calls: this runs for every trigger word ("Russia" may start "Russia-NATO Founding Act"). Words
 * after the first are kept as offsets and compared in place (no substring, no lower-cased copy): most are ASCII,
 * read for a trie node with a child or two. A word with other characters gets its strings (`norms`, `lowers`) as
 * before; `norms[i]` is undefined for an ASCII word. Trigger words repeat ("Russia", "New", "Treaty"), so the
 * first words met so far are kept for the tables last used, and dropped when large or when the tables change.
 */
export class LexiconReader {
  readonly norms: (string | undefined)[] = [];
  readonly lowers: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  count = 0;
  private exhausted = false;
  private tables: TreatyTables | undefined;
  private readonly firstWords = new Map<string, FirstWord>();

  /** The longest lexicon form starting with `first` (the word at `pos`), or undefined. */
  matchAt(text: string, pos: number, first: string, tables: TreatyTables): FormMatch | undefined {
    const f = this.firstWord(first, tables);
    let node = f.node;
    if (!node) return undefined;
    this.norms[0] = f.norm;
    this.lowers[0] = f.lower;
    this.starts[0] = pos;
    this.ends[0] = pos + first.length;
    this.count = 1;
    this.exhausted = false;
    let best: FormMatch | undefined;
    for (let depth = 1; node; depth++) {
      const spec = matchingForm(this, node.forms, text);
      if (spec) best = { spec, end: this.ends[depth - 1] as number };
      if (node.next.size === 0 || !this.readWord(text, depth)) break;
      node = child(this, node, text, depth);
    }
    return best;
  }

  private firstWord(first: string, tables: TreatyTables): FirstWord {
    const cache = this.firstWords;
    if (tables !== this.tables) {
      this.tables = tables;
      cache.clear();
    }
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

  /** Makes sure word `i` has been read; false when the text has no such word (end, or a long gap). */
  private readWord(text: string, i: number): boolean {
    const { norms, lowers, starts, ends } = this;
    while (this.count <= i) {
      if (this.exhausted) return false;
      const count = this.count;
      const next = nextWordStart(text, ends[count - 1] as number, 8);
      const end = next < 0 ? -1 : wordAtEnd(text, next);
      if (end < 0) {
        this.exhausted = true;
        return false;
      }
      starts[count] = next;
      ends[count] = end;
      if (isAsciiRange(text, next, end)) norms[count] = undefined;
      else {
        const norm = normalizeDashes(text.slice(next, end));
        norms[count] = norm;
        lowers[count] = norm.toLowerCase();
      }
      this.count = count + 1;
    }
    return true;
  }
}

function isAsciiRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) > ASCII_MAX) return false;
  return true;
}

/** The child of `node` for word `i`: its folded form compared in place against the few keys of a deep node. */
function child(w: LexiconReader, node: TrieNode, text: string, i: number): TrieNode | undefined {
  if (w.norms[i] !== undefined) return node.next.get(w.lowers[i] as string);
  const from = w.starts[i] as number;
  const length = (w.ends[i] as number) - from;
  // A node with many continuations (a large workspace lexicon) is looked up by key rather than walked.
  if (node.keys.length > 8) return node.next.get(text.slice(from, from + length).toLowerCase());
  const keys = node.keys;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    if (key.length === length && equalsFolded(text, from, key)) return node.children[k];
  }
  return undefined;
}

/** The ASCII text at `from` lower-cases to `key` (whose length the caller has checked). */
function equalsFolded(text: string, from: number, key: string): boolean {
  for (let j = 0; j < key.length; j++) {
    let c = text.charCodeAt(from + j);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== key.charCodeAt(j)) return false;
  }
  return true;
}

function matchingForm(w: LexiconReader, forms: FormSpec[], text: string): FormSpec | undefined {
  for (const spec of forms) if (formMatches(w, spec, text)) return spec;
  return undefined;
}

/** The words already read agree with the form in case and punctuation (the trie has checked the folded words). */
function formMatches(w: LexiconReader, spec: FormSpec, text: string): boolean {
  for (let i = 0; i < spec.words.length; i++) {
    if (i > 0 && !gapMatches(text, w.ends[i - 1] as number, w.starts[i] as number, spec.seps[i - 1] as string)) return false;
    if (spec.exact[i] && !wordEquals(w, text, i, spec.words[i] as string)) return false;
  }
  return spec.exact[0] || spec.anyCaseFirst || isUpperInitial(w.norms[0] as string);
}

/** Word `i` as normalized equals `word`: in place for an ASCII word (normalizing leaves it unchanged). */
function wordEquals(w: LexiconReader, text: string, i: number, word: string): boolean {
  const norm = w.norms[i];
  if (norm !== undefined) return norm === word;
  const from = w.starts[i] as number;
  return (w.ends[i] as number) - from === word.length && text.startsWith(word, from);
}

/** The non-space characters between two words are `sep` (what `gapKey` of the gap would return). */
function gapMatches(text: string, from: number, to: number, sep: string): boolean {
  let j = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isPlainSpace(c)) continue;
    if (j >= sep.length || c !== sep.charCodeAt(j)) return false;
    j++;
  }
  return j === sep.length;
}

/** End of a head noun that follows a form without one ("New START Treaty", "Open Skies treaty"), or -1. */
export function headExtension(next: { word: string; start: number } | undefined, spec: FormSpec): number {
  if (spec.endsWithHead) return -1;
  if (!next || next.word.length !== 6 || next.word.toLowerCase() !== 'treaty') return -1;
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

/** A weapon-class abbreviation used for the weapons ("INF missiles", "deployment of INF"); `after`: the folded word after it. */
export function isWeaponClassUse(text: string, start: number, after: string): boolean {
  if (WEAPON_AFTER.has(after)) return true;
  const before = wordBefore(text, start);
  if (WEAPON_BEFORE.has(before)) return true;
  if (before === 'of') {
    const ofStart = text.lastIndexOf('of', start);
    const two = wordBefore(text, ofStart);
    return two === 'deployment' || two === 'deployments' || two === 'deploying';
  }
  return false;
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
