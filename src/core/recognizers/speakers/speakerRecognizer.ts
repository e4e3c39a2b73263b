/**
 * Speaker recognition: names of people presented as saying something (ANNOTATION-GUIDELINES.md, `speaker`).
 * Per block, cheap triggers are located in one regex pass (speech verbs, "according to", quotations, labels)
 * and the rules look only at the words around them; linking across the whole text happens once, afterwards.
 */
import type { Mention } from '../../model/mention';
import type { BlockContext } from '../context';
import { stateOf } from '../recognizerState';
import { blockSpeechHits } from '../blockTriggers';
import { findAttributions, type Found } from './attribution';
import { findBySpeakers } from './bySpeakers';
import { findHeadingSpeakers } from './headings';
import { BY, JOINT_WE, QUOTE_LINE_END, QUOTE_THEN_DASH } from './speakerMarks';
import { findClosingCaption, findDashAttributions, findJointStatementAuthors, findQuoteAttributionLines } from './captions';
import { findTitledPeople } from './titledPeople';
import { findTurnLabels } from './turnLabels';

/**
 * Finds speaker mentions in one block (a paragraph); offsets are relative to the block. Each mention's span is
 * the name only; `attributes.rule` names the rule that fired, `role`/`title` hold the words beside the name.
 */
export function recognizeSpeakers(block: string, ctx: BlockContext): Mention[] {
  const found: Found[] = [];
  const recognizers = stateOf(ctx);
  const state = recognizers.speakers;
  findTurnLabels(block, found, state);
  const tokens = state.tokens;
  const hits = blockSpeechHits(block, ctx.lexicon, recognizers);
  const marks = findAttributions(block, found, hits, tokens);
  if ((marks & BY) !== 0) findBySpeakers(block, found, tokens);
  findClosingCaption(block, found, tokens);
  if ((marks & QUOTE_LINE_END) !== 0) findQuoteAttributionLines(block, found);
  findHeadingSpeakers(block, found, tokens);
  if ((marks & QUOTE_THEN_DASH) !== 0) findDashAttributions(block, found, tokens);
  if ((marks & JOINT_WE) !== 0) findJointStatementAuthors(block, found);
  findTitledPeople(block, found, tokens, hits.titles);
  return toMentions(block, found);
}

/** The rule whose names are people named without speaking. */
const PERSON_RULE = 'titled-name';

/** People after speakers (module-level: esbuild's keepNames would name a local closure on every call). */
function rank(f: Found): number {
  return f.rule === PERSON_RULE ? 1 : 0;
}

function byPlace(a: Found, b: Found): number {
  return a.name.start - b.name.start || rank(a) - rank(b) || b.name.end - a.name.end;
}

/** Whether `found` is in byPlace order already: the rules mostly append in text order, and then no sort is needed. */
function inPlaceOrder(found: Found[]): boolean {
  for (let i = 1; i < found.length; i++) if (byPlace(found[i - 1] as Found, found[i] as Found) > 0) return false;
  return true;
}

/** Whether a speaker's name overlaps `f`'s. */
function overlapsSpeaker(found: Found[], f: Found): boolean {
  for (const x of found) if (x.rule !== PERSON_RULE && x.name.start < f.name.end && f.name.start < x.name.end) return true;
  return false;
}

function toMentions(block: string, found: Found[]): Mention[] {
  if (found.length === 0) return [];
  // Speakers before people at the same place, then the longest: a person never hides a speaker. The sort is
  // stable, so a list already in that order stays as it is.
  if (!inPlaceOrder(found)) found.sort(byPlace);
  const out: Mention[] = [];
  let lastEnd = -1;
  for (const f of found) {
    // Several rules may find the same name (or a name inside a label); the first, longest one wins.
    if (f.name.start < lastEnd) continue;
    const person = f.rule === PERSON_RULE;
    if (person && overlapsSpeaker(found, f)) continue;
    lastEnd = f.name.end;
    const attributes: Record<string, string> = { rule: f.rule };
    if (f.name.role) attributes.role = f.name.role;
    if (f.name.title) attributes.title = f.name.title;
    const kind = person ? 'person' : 'speaker';
    out.push({ kind, start: f.name.start, end: f.name.end, text: block.slice(f.name.start, f.name.end), attributes, source: 'auto' });
  }
  return out;
}
