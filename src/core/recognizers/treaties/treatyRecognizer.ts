import type { Entity } from '../../model/entity';
import type { Mention } from '../../model/mention';
import type { Lexicon, TreatyEntry } from '../../lexicon/lexicon';
import type { BlockContext } from '../context';
import { stateOf } from '../recognizerState';
import { blockTriggers } from '../blockTriggers';
import * as triggers from '../triggerTokens';
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
import { treatyTables, type TreatyTables } from './treatyTables';
import { headExtension, isWeaponClassUse, latestSignedBy, resolveByDate, type FormMatch } from './treatyLexiconMatch';
import type { Link, TreatyState } from './treatyState';
import { isHeadNoun, matchPatternAt } from './treatyPatterns';
import { inShoutedRun, LineShapes, rawWordAfter, wordBefore } from './treatyContext';
import { foldKey, isAcronym, slugify, wordAt, wordAtEnd } from './treatyTokens';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { HYPHEN_MINUS, LEFT_PARENTHESIS } = codes;
const { isBlank, isLetterOrNumberCode, isWordJoiner } = classes;
const { TREATY_TRIGGER } = triggers;

/** "Strategic Arms Limitation Talks (SALT)": an abbreviation in parentheses after these abbreviates them, not a treaty. */
const NOT_TREATY_HEADS = new Set(['talks', 'dialogue', 'council', 'commission', 'conference', 'initiative', 'organization', 'organisation', 'agency', 'committee', 'negotiations']);

/** Parenthesised abbreviation right after a name: "(INF)", "(New START)", "(START I)". */
const PAREN_ABBREVIATION = /[ \t]*\([ \t]*([A-Z][A-Za-z0-9]*(?:[- /][A-Z0-9][A-Za-z0-9]*){0,3})[ \t]*\)/y;

/**
 * Finds treaty names in one block (a paragraph; offsets relative to it). The words that can start a name are the
 * block's trigger tokens, read in one pass with the date words (recognizers/triggerTokens.ts), or, for a lexicon
 * whose words that pass cannot read, found by the lexicon's own precompiled scanner (its `lastIndex` is shared
 * state, safe because a call runs to completion). Each walks the lexicon's word trie (the longest form wins, then
 * the exclusions of the guidelines apply), else is tried as the head noun of an unknown name ("Arms Trade Treaty",
 * "Treaty on ..."). "Name (ABBR)" links the abbreviation to the name, and the abbreviation is then known for the
 * rest of the block.
 */
export function recognizeTreaties(block: string, ctx: BlockContext): Mention[] {
  const recognizerState = stateOf(ctx);
  // The block's trigger tokens, read with the date words when the lexicon allows (else this scanner runs alone).
  const read = blockTriggers(block, ctx.lexicon, recognizerState);
  const tokens = read.readsTreaties ? read : undefined;
  if (tokens && tokens.treatyCount === 0) return [];
  const tables = treatyTables(ctx.lexicon);
  const out: Mention[] = [];
  // Most blocks have no head noun to try as a pattern, and no abbreviation to define: both are made on demand.
  let lines: LineShapes | undefined;
  const state = recognizerState.treaties;
  const { reader, defined } = state;
  defined.clear();
  const scanner = tables.scanner;
  let floor = 0;
  let k = 0;
  // Where the scan resumes: after the last trigger, or after the name it started.
  let resume = 0;
  for (;;) {
    let pos: number;
    let trigger: string;
    if (tokens) {
      while (k < tokens.count && (((tokens.flags[k] as number) & TREATY_TRIGGER) === 0 || (tokens.starts[k] as number) < resume)) k++;
      if (k === tokens.count) break;
      pos = tokens.starts[k] as number;
      trigger = tokens.words[k] as string;
      k++;
    } else {
      scanner.lastIndex = resume;
      const m = scanner.exec(block);
      if (m === null) break;
      pos = m.index;
      trigger = m[0];
    }
    resume = pos + trigger.length;
    if (pos > 0 && continuesWord(block.charCodeAt(pos - 1)) && !afterPrefix(block, pos)) continue;
    if (tables.checkTriggers && !tables.triggers.has(trigger)) continue;
    // The word is usually the trigger itself: reuse its string rather than slicing a copy.
    const wordEnd = wordAtEnd(block, pos);
    const word = wordEnd < 0 || wordEnd === pos + trigger.length ? trigger : block.slice(pos, wordEnd);
    let next = pos + word.length;
    const found = reader.matchAt(block, pos, word, tables);
    if (found) {
      const end = lexiconMention(block, pos, found, tables, ctx, out);
      if (end > 0) next = afterName(block, out, tables, state, end);
      else next = Math.max(next, found.end);
    } else if (isHeadNoun(word)) {
      const p = matchPatternAt(block, pos, word, patternFloor(block, out, floor), (lines ??= new LineShapes(block)));
      if (p) {
        while (out.length && (out[out.length - 1] as Mention).end > p.start) out.pop();
        out.push(mention(block, p.start, p.end, patternLink(block.slice(p.start, p.end), tables), { rule: p.rule }));
        next = afterName(block, out, tables, state, p.end);
      }
    }
    if (out.length) floor = (out[out.length - 1] as Mention).end;
    if (resume < next) resume = next;
  }
  return defined.size ? withDefinedAbbreviations(block, out, defined) : out;
}

/**
 * How far back a pattern may reach: the end of the last mention, except that an abbreviation in parentheses
 * ("Anti-Ballistic Missile (ABM) Treaty") may be taken into a name that spans it.
 */
function patternFloor(block: string, out: Mention[], floor: number): number {
  const last = out[out.length - 1];
  if (!last || block[last.start - 1] !== '(' || block[last.end] !== ')') return floor;
  return out.length > 1 ? (out[out.length - 2] as Mention).end : 0;
}

/** A hyphen, slash or letter before a trigger: it sits inside a longer word ("JUMP-START", "post-INF"). */
function continuesWord(c: number): boolean {
  return isWordJoiner(c) || isLetterOrNumberCode(c);
}

/** "post-New START", "pre-INF": a prefix and a hyphen before a name leave it a name. */
function afterPrefix(block: string, pos: number): boolean {
  if (block.charCodeAt(pos - 1) !== HYPHEN_MINUS) return false;
  const m = /(?:^|[^A-Za-z])(post|pre|non|anti|pro|ex)$/i.exec(block.slice(Math.max(0, pos - 6), pos - 1));
  return m !== null;
}

/** Later uses of abbreviations defined in this block ("the NLT binds both"), outside the mentions already found. */
function withDefinedAbbreviations(block: string, out: Mention[], defined: Map<string, Link & { from: number }>): Mention[] {
  const added: Mention[] = [];
  for (const [abbr, link] of defined) {
    for (let i = block.indexOf(abbr, link.from); i >= 0; i = block.indexOf(abbr, i + abbr.length)) {
      const end = i + abbr.length;
      if ((i > 0 && continuesWord(block.charCodeAt(i - 1))) || (end < block.length && continuesWord(block.charCodeAt(end)))) continue;
      if (out.some((m) => m.start < end && i < m.end)) continue;
      added.push(mention(block, i, end, link, { rule: 'defined-abbreviation', matchedForm: abbr }));
    }
  }
  return added.length ? [...out, ...added].sort((a, b) => a.start - b.start) : out;
}

/**
 * Emits a lexicon match unless an exclusion applies; returns its end, or -1 when it is not a treaty here. The word
 * after the form is read once for the head extension and every exclusion that looks at it.
 */
function lexiconMention(block: string, pos: number, found: FormMatch, tables: TreatyTables, ctx: BlockContext, out: Mention[]): number {
  const { spec } = found;
  const after = rawWordAfter(block, found.end);
  const extended = headExtension(after, spec);
  const end = extended > 0 ? extended : found.end;
  if (extended < 0) {
    const notBefore = tables.notBefore.get(spec.entryId);
    // A word after the form that makes it something else ("Open Skies proposal").
    if (notBefore !== undefined && notBefore.has(folded(after))) return -1;
    if (spec.allExact && inShoutedRun(block, pos, after)) return -1;
    const entry = tables.byId.get(spec.entryId) as TreatyEntry;
    if (entry.weaponClass && spec.kind === 'abbreviation' && !afterOpenParen(block, pos) && isWeaponClassUse(block, pos, folded(after))) return -1;
    if (spec.allExact && afterOpenParen(block, pos) && NOT_TREATY_HEADS.has(wordBefore(block, block.lastIndexOf('(', pos)))) return -1;
  }
  const attributes: Record<string, string> = { rule: extended > 0 ? spec.headRule : spec.rule, matchedForm: spec.text };
  let id = spec.entryId;
  if (spec.alternatives) {
    const resolved = resolveByDate(spec, tables, ctx.documentDate?.value);
    id = resolved.id;
    attributes.candidates = spec.candidates as string;
    attributes.resolvedBy = resolved.byDate ? 'document-date' : 'default';
  }
  out.push(mention(block, pos, end, { entityId: id, value: (tables.byId.get(id) as TreatyEntry).name }, attributes));
  return end;
}

/** A word read by `rawWordAfter`, lower-cased; '' for none. */
function folded(word: { word: string } | undefined): string {
  return word === undefined ? '' : word.word.toLowerCase();
}

/**
 * After a name: a parenthesised abbreviation is a second mention of the same treaty. A known abbreviation
 * ("Strategic Arms Reduction Treaty (New START)") is the more specific of the two, so the name is relinked to it;
 * an unknown one links to the name and is remembered for the rest of the block. Returns where scanning resumes.
 */
function afterName(block: string, out: Mention[], tables: TreatyTables, state: TreatyState, end: number): number {
  const name = out[out.length - 1] as Mention;
  if (name.attributes?.rule?.startsWith('lexicon-abbreviation')) return end;
  // Most names are not followed by "(": look before running the expression.
  let open = end;
  while (isBlank(block.charCodeAt(open))) open++;
  if (block.charCodeAt(open) !== LEFT_PARENTHESIS) return end;
  PAREN_ABBREVIATION.lastIndex = end;
  const m = PAREN_ABBREVIATION.exec(block);
  if (!m || !isAcronym((m[1] as string).replace(/[ /-]/g, '').replace(/[a-z]/g, ''))) return end;
  const inner = m[1] as string;
  const start = block.indexOf(inner, end);
  const innerEnd = start + inner.length;
  const first = wordAt(block, start) ?? inner;
  const known = state.reader.matchAt(block, start, first, tables);
  if (known && known.end === innerEnd) {
    const entry = tables.byId.get(known.spec.entryId) as TreatyEntry;
    if (name.entityId !== entry.id) {
      name.entityId = entry.id;
      name.value = entry.name;
      if (name.attributes) name.attributes.linkedBy = 'parenthesised-abbreviation';
    }
    out.push(mention(block, start, innerEnd, { entityId: entry.id, value: entry.name }, { rule: `lexicon-${known.spec.kind}`, matchedForm: known.spec.text }));
  } else {
    if (!abbreviates(inner, name.text)) return end;
    const link = { entityId: name.entityId as string, value: name.value as string };
    out.push(mention(block, start, innerEnd, link, { rule: 'abbreviation-definition', matchedForm: inner }));
    state.defined.set(inner, { ...link, from: PAREN_ABBREVIATION.lastIndex });
  }
  return PAREN_ABBREVIATION.lastIndex;
}

/**
 * Whether an unknown "(ABBR)" can be this name's abbreviation: its letters appear in order in the name, starting
 * from the first letter of one of its words ("Northern Lakes Treaty (NLT)"); "(NATO)" after "Founding Act" fails.
 */
function abbreviates(abbr: string, name: string): boolean {
  const letters = abbr.toLowerCase().replace(/[^a-z0-9]/g, '');
  const text = name.toLowerCase();
  let i = -1;
  for (const w of text.matchAll(/[a-z0-9]+/g)) {
    if (w[0].startsWith(letters.charAt(0))) {
      i = w.index;
      break;
    }
  }
  if (i < 0) return false;
  for (const ch of letters) {
    i = text.indexOf(ch, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

function afterOpenParen(block: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && block[i] === ' ') i--;
  return block[i] === '(';
}

/** A name found by pattern links to the lexicon when it is a known form in other words ("New Start Treaty"). */
function patternLink(found: string, tables: TreatyTables): Link {
  const name = found.replace(/\s+/g, ' ');
  const key = foldKey(name).replace(/ \(([^)]*)\)/, '');
  const id = tables.byFoldedName.get(key);
  if (id) return { entityId: id, value: (tables.byId.get(id) as TreatyEntry).name };
  return { entityId: `treaty:${slugify(name.replace(/ \([^)]*\)/, ''))}`, value: name };
}

function mention(block: string, start: number, end: number, link: Link, attributes: Record<string, string>): Mention {
  return { kind: 'treaty', start, end, text: block.slice(start, end), entityId: link.entityId, value: link.value, attributes, source: 'auto' };
}

/**
 * The treaty entities of a document, with the facts hover cards show. Also finishes linking: a treaty mention
 * without an entity gets one (lexicon form, else a generated `treaty:<slug>`), and a bare shared form ("START")
 * that the document's date could not settle goes to the one of its candidates the document names elsewhere, else
 * to the one signed last by the latest year the document mentions ("In 2026, START will cease to exist").
 * Mutates the mention objects (never their `attributes`, which the block cache shares).
 */
export function treatyEntities(mentions: Mention[], lexicon: Lexicon): Entity[] {
  const tables = treatyTables(lexicon);
  const named = new Set<string>();
  for (const m of mentions) if (m.kind === 'treaty' && m.entityId && !m.attributes?.candidates) named.add(m.entityId);
  const byId = new Map<string, Entity>();
  let latestYear: string | undefined;
  for (const m of mentions) {
    if (m.kind !== 'treaty') continue;
    if (!m.entityId) Object.assign(m, patternLink(m.text.replace(/^the\s+/i, ''), tables));
    if (m.attributes?.resolvedBy === 'default' && m.attributes.candidates) {
      const candidates = m.attributes.candidates.split(' ');
      const inDocument = candidates.filter((id) => named.has(id));
      const chosen = inDocument.length === 1 ? inDocument[0] : latestSignedBy(candidates, tables, (latestYear ??= latestDateYear(mentions)));
      if (chosen) {
        m.entityId = chosen;
        m.value = tables.byId.get(chosen)?.name ?? m.value;
      }
    }
    const id = m.entityId as string;
    const known = byId.get(id);
    if (known) {
      if (!tables.byId.has(id) && m.text !== known.name && !known.aliases.includes(m.text)) known.aliases.push(m.text);
      continue;
    }
    const entry = tables.byId.get(id);
    byId.set(id, entry ? entryEntity(entry) : { id, type: 'treaty', name: m.value ?? m.text, aliases: [], facts: { source: 'found by pattern; not in the lexicon' } });
  }
  return [...byId.values()];
}

/** The latest year among the document's date mentions: the time the text is about, when it has no date. */
function latestDateYear(mentions: Mention[]): string {
  let latest = '';
  for (const m of mentions) {
    if (m.kind === 'date' && m.value && /^\d{4}/.test(m.value) && m.value.slice(0, 4) > latest) latest = m.value.slice(0, 4);
  }
  return latest;
}

function entryEntity(e: TreatyEntry): Entity {
  const aliases = [...new Set([...(e.abbreviations ?? []), ...(e.aliases ?? [])])].filter((a) => a !== e.name);
  return {
    id: e.id,
    type: 'treaty',
    name: e.name,
    aliases,
    facts: {
      fullName: e.fullName,
      abbreviations: e.abbreviations?.length ? e.abbreviations : undefined,
      signed: e.signed,
      inForce: e.inForce,
      ended: e.ended,
      suspended: e.suspended,
      parties: e.parties,
      status: e.status,
      notes: e.notes,
    },
  };
}
