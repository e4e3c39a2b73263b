/**
 * The quotes of a whole text, as a derived layer of mentions (`kind: 'quote'`, `layer: 'quotes'`): each a span of
 * what a named person said, with that person's entity (`entityId`, `value` = the canonical name). Built after the
 * people are linked, from three sources: each block's quotes (blockQuotes.ts), whose anaphors (`he said`, `the
 * diplomat noted`, `according to him`) go to the nearest named speaker before them (or, in a headline with none
 * before, the first after); labelled transcript turns; and interview answers (turnQuotes.ts). Turns win over
 * quotes found inside them, except reports of another person the turn names (carveQuotes.ts); otherwise the first
 * and longest of overlapping quotes is kept.
 *
 * A block's quotes depend only on its text and its recogniser output, and identical blocks share one output array
 * (as do blocks an edit did not touch): they are kept per array, so repeated boilerplate and re-analysis after a
 * keystroke cost a lookup.
 */
import type { Entity } from '../../model/entity';
import type { Mention } from '../../model/mention';
import type { Block } from '../blocks';
import { blockCandidates, heldNoQuotes, NO_QUOTES, type BlockQuotes, type Candidate, type Subject } from './blockQuotes';
import { bylineQuotes } from './bylineQuotes';
import { carveReports, endBeforeNestedReports, firstFrom, type FoundQuote } from './carveQuotes';
import { firstTurnAt, isRoleOnly, turnQuotes, type ResolvedQuote } from './turnQuotes';
import { skipSpace, skipSpaceBack } from './words';

export interface QuoteLayer {
  /** Quote mentions, sorted by start. */
  quotes: Mention[];
  /** People the quotes name that the text's linking did not produce (an interviewee named only in a header). */
  entities: Entity[];
}

/**
 * A block's quotes are kept on its recogniser output array itself, under a symbol, as long as that array lives:
 * a WeakMap from the arrays cost more to fill (and to collect) than most blocks' candidates.
 */
const QUOTES = Symbol('blockQuotes');

interface WithQuotes {
  [QUOTES]?: BlockQuotes;
}

/**
 * Each block's quotes, in a loop of its own: a loop in {@link quoteLayer} compiled that whole function while it ran,
 * and a callback per block compiled twice, once alone and once with the work per block.
 */
function quotesPerBlock(text: string, blocks: readonly Block[], raw: readonly (readonly Mention[])[]): BlockQuotes[] {
  const out: BlockQuotes[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const mentions = raw[i] as readonly Mention[];
    // Most blocks: known to hold none from their output alone, with no lookup of their own.
    if (heldNoQuotes(mentions)) {
      out.push(NO_QUOTES);
      continue;
    }
    const kept = mentions as WithQuotes;
    let c = kept[QUOTES];
    if (c === undefined) {
      const block = blocks[i] as Block;
      kept[QUOTES] = c = blockCandidates(text.slice(block.start, block.end), mentions);
    }
    out.push(c);
  }
  return out;
}

/** The speakers anaphors may refer to: named, linked, main-layer speakers that are not bare roles. */
function namedSpeakers(main: readonly Mention[], roles: Map<string, boolean>): Mention[] {
  return main.filter((m) => m.kind === 'speaker' && !m.layer && m.entityId !== undefined && !isRoleOnly(m.value ?? m.text, roles));
}

/** Index of the last mention starting before `offset`, or -1 (mentions sorted by start). */
function lastBefore(mentions: readonly Mention[], offset: number): number {
  return firstFrom(mentions, offset) - 1;
}

/**
 * The quote layer of a text: `blocks` and `raw` as analysed (block-relative recogniser output), `main` the linked
 * main layer sorted by start, `people` its person entities, `turns` the dash-turn layer.
 */
export function quoteLayer(text: string, blocks: readonly Block[], raw: readonly (readonly Mention[])[], main: readonly Mention[], people: readonly Entity[], turns: readonly Mention[]): QuoteLayer {
  // Whether a name only names a role, per name, for this call: names repeat through a text.
  const roles = new Map<string, boolean>();
  const speakers = namedSpeakers(main, roles);
  const entities: Entity[] = [];
  const whole = turnQuotes(text, main, turns, people, entities, roles);
  // Bylined remarks may end in questions and answers: the byline's body runs to the first turn.
  whole.push(...bylineQuotes(text, people, entities, () => firstTurnAt(text, main)));
  const found: FoundQuote[] = [];
  if (speakers.length > 0) {
    const perBlock = quotesPerBlock(text, blocks, raw);
    const referents = resolveAnaphors(blocks, perBlock, speakers);
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i] as Block;
      const { quotes, anaphors } = perBlock[i] as BlockQuotes;
      // Most blocks hold no quote: only a quotation the previous block's quote goes on in can start there.
      if (quotes.length === 0) {
        if (anaphors.length === 0 && found.length > 0) continuedQuotation(text, blocks, i, found);
        continue;
      }
      const before = found.length;
      for (let j = 0; j < quotes.length; j++) {
        const c = quotes[j] as Candidate;
        const at = block.start + c.subject.at;
        const who = c.subject.kind === 'name' ? nameAt(main, at) : referents.get(at);
        if (!who || !who.entityId || isRoleOnly(who.value ?? who.text, roles)) continue;
        found.push({ start: block.start + c.start, end: block.start + c.end, rule: c.rule, speakerId: who.entityId, speaker: who.value ?? who.text, speakerAt: who.start });
      }
      if (found.length === before && anaphors.length === 0) continuedQuotation(text, blocks, i, found);
    }
  }
  endBeforeNestedReports(text, found);
  return { quotes: toMentions(text, select(carveReports(text, whole, found), found)), entities };
}

/**
 * A paragraph that is one quotation with no attribution of its own, right after a paragraph that ends with a
 * quotation of someone (`"…," said Ambassador Mohib.` / `"They represent …"`), goes on with that person's words:
 * news prose gives a speaker's consecutive quoted paragraphs one attribution.
 */
function continuedQuotation(text: string, blocks: readonly Block[], i: number, found: FoundQuote[]): void {
  const block = blocks[i] as Block;
  const prev = blocks[i - 1];
  const last = found[found.length - 1];
  if (!prev || !last || last.start < prev.start || !last.rule.startsWith('direct')) return;
  // The quotation closes its paragraph, but for a short attribution after it.
  if (prev.end - last.end > 60) return;
  const start = skipSpace(text, block.start, block.end);
  const end = skipSpaceBack(text, block.end, start);
  // Spoken sentences: the passage ends in a stop inside its marks (a quoted title does not).
  if (!OPENS.test(text[start] ?? '') || !CLOSES.test(text[end - 1] ?? '') || !/[.!?]/.test(text[end - 2] ?? '') || end - start < 12) return;
  const inner = text.slice(start + 1, end - 1);
  if (OPENS.test(inner) || CLOSES.test(inner)) return;
  found.push({ ...last, start: start + 1, end: skipSpaceBack(text, end - 1, start + 1), rule: 'direct-continued' });
}

const OPENS = /["“«]/;
const CLOSES = /["”»]/;

/** The linked main-layer name mention starting at `offset`. */
function nameAt(main: readonly Mention[], offset: number): Mention | undefined {
  for (let i = lastBefore(main, offset + 1); i >= 0; i--) {
    const m = main[i] as Mention;
    if (m.start !== offset) return undefined;
    if ((m.kind === 'speaker' || m.kind === 'person') && !m.layer) return m;
  }
  return undefined;
}

/**
 * The named speaker each anaphor (by absolute offset) refers to, read in text order: `he`/`she` is the person
 * last referred to (by name or anaphor); `the deputy foreign minister` the nearest named speaker before it whose
 * role holds those words, else the person last referred to. Before any name (a headline), the first speaker.
 */
function resolveAnaphors(blocks: readonly Block[], perBlock: readonly BlockQuotes[], speakers: readonly Mention[]): Map<number, Mention> {
  const out = new Map<number, Mention>();
  // The speakers' roles, gathered when the first role noun needs them: most texts' anaphors are pronouns.
  let roles: Map<string, string> | undefined;
  let k = 0;
  let last: Mention | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const anaphors = (perBlock[i] as BlockQuotes).anaphors;
    if (anaphors.length === 0) continue;
    const offset = (blocks[i] as Block).start;
    for (let j = 0; j < anaphors.length; j++) {
      const a = anaphors[j] as Subject;
      const at = offset + a.at;
      while (k < speakers.length && (speakers[k] as Mention).start < at) last = speakers[k++];
      const who = (a.role && byRole(speakers, k, a, (roles ??= rolesOf(speakers)))) || last || speakers[k];
      if (who) out.set(at, (last = who));
    }
  }
  return out;
}

/** Each speaker's known roles and titles, lower case, by entity id. */
function rolesOf(speakers: readonly Mention[]): Map<string, string> {
  const roles = new Map<string, string>();
  for (const m of speakers) {
    const role = m.attributes?.role ?? m.attributes?.title;
    if (role && m.entityId) roles.set(m.entityId, `${roles.get(m.entityId) ?? ''} ${role.toLowerCase()}`);
  }
  return roles;
}

/** How many named speakers back a role noun may reach: the person it names was met recently. */
const ROLE_LOOKBACK = 24;

/** The nearest speaker before index `k` whose known role holds every word of the anaphor's role. */
function byRole(speakers: readonly Mention[], k: number, a: Subject, roles: ReadonlyMap<string, string>): Mention | undefined {
  const words = (a.role as string).split(' ');
  for (let i = k - 1; i >= 0 && i >= k - ROLE_LOOKBACK; i--) {
    const m = speakers[i] as Mention;
    const role = m.entityId ? roles.get(m.entityId) : undefined;
    if (role && words.every((w) => role.includes(w))) return m;
  }
  return undefined;
}

/** Whole turns first; then every other quote that overlaps none kept so far, the first and longest first. */
function select(whole: ResolvedQuote[], found: ResolvedQuote[]): ResolvedQuote[] {
  const kept: ResolvedQuote[] = [...whole];
  kept.sort(byPlace);
  const rest = found.filter((q) => !overlapsAny(kept, q)).sort(byPlace);
  let lastEnd = -1;
  for (const q of rest) {
    if (q.start < lastEnd) continue;
    kept.push(q);
    lastEnd = q.end;
  }
  return kept.sort(byPlace);
}

function byPlace(a: ResolvedQuote, b: ResolvedQuote): number {
  return a.start - b.start || b.end - a.end;
}

/** Whether `q` overlaps one of `sorted` (sorted by start, none overlapping another): a binary search. */
function overlapsAny(sorted: readonly ResolvedQuote[], q: ResolvedQuote): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as ResolvedQuote).start < q.end) lo = mid + 1;
    else hi = mid;
  }
  // The last one starting before q ends is the only one that can reach into it.
  const k = sorted[lo - 1];
  return k !== undefined && k.end > q.start;
}

function toMentions(text: string, quotes: readonly ResolvedQuote[]): Mention[] {
  return quotes.map((q) => ({
    kind: 'quote',
    start: q.start,
    end: q.end,
    text: text.slice(q.start, q.end),
    entityId: q.speakerId,
    value: q.speaker,
    attributes: { rule: q.rule, speaker: q.speaker },
    source: 'auto',
    layer: 'quotes',
  }));
}
