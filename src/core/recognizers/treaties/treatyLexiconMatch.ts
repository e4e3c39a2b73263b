/**
 * Matching lexicon forms word by word at a candidate position, and the checks that decide whether a matched form
 * really names the treaty there (the missile class "INF", "Open Skies proposal", a shouted headline's "START").
 */
import type { FormSpec, TreatyTables } from './treatyTables';
import { gapKey, isUpperInitial, nextWordStart, normalizeDashes, wordAt } from './treatyTokens';
import { rawWordAfter, wordAfter, wordBefore } from './treatyContext';

export interface FormMatch {
  spec: FormSpec;
  end: number;
}

/** A word of the text after the candidate, read once however many forms compare against it. */
interface TextWord {
  /** Punctuation between the previous word and this one ("" for whitespace). */
  gap: string;
  norm: string;
  lower: string;
  end: number;
}

/** The longest lexicon form starting with `first` (the word at `pos`), or undefined. */
export function matchLexiconAt(text: string, pos: number, first: string, tables: TreatyTables): FormMatch | undefined {
  const firstNorm = normalizeDashes(first);
  const firstLower = firstNorm.toLowerCase();
  const list = tables.byFirst.get(firstLower);
  if (!list) return undefined;
  const words: (TextWord | null)[] = [{ gap: '', norm: firstNorm, lower: firstLower, end: pos + first.length }];
  const wordN = (i: number): TextWord | null => {
    while (words.length <= i) {
      const prev = words[words.length - 1];
      if (!prev) return null;
      const next = nextWordStart(text, prev.end, 8);
      const w = next < 0 ? undefined : wordAt(text, next);
      if (w === undefined) words.push(null);
      else {
        const norm = normalizeDashes(w);
        words.push({ gap: gapKey(text, prev.end, next), norm, lower: norm.toLowerCase(), end: next + w.length });
      }
    }
    return words[i] as TextWord | null;
  };
  for (const spec of list) {
    const end = matchForm(spec, wordN);
    if (end >= 0) return { spec, end };
  }
  return undefined;
}

function matchForm(spec: FormSpec, wordN: (i: number) => TextWord | null): number {
  let end = -1;
  for (let i = 0; i < spec.words.length; i++) {
    const w = wordN(i);
    if (!w || (i > 0 && w.gap !== spec.seps[i - 1]) || !wordEquals(w, spec, i)) return -1;
    end = w.end;
  }
  return end;
}

function wordEquals(w: TextWord, spec: FormSpec, i: number): boolean {
  if (spec.exact[i]) return w.norm === spec.words[i];
  if (w.lower !== spec.folded[i]) return false;
  return i > 0 || spec.anyCaseFirst || isUpperInitial(w.norm);
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
