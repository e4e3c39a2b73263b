/**
 * The parts of re-analysing an edited text that make a keystroke cheap: which blocks an edit touched (the rest
 * keep their recognizer output), whether their mentions changed, and the previous result with the mentions after
 * the edit shifted when they did not. Used by {@link DocumentAnalyzer}; pure functions, tested in Node.
 */
import type { AnalysisResult } from './analyze';
import type { Entity } from './model/entity';
import type { Mention } from './model/mention';
import type { Block } from './recognizers/blocks';
import type { DocumentDate } from './recognizers/context';
import { withTurnEntities } from './recognizers/speakers/dashTurns';
import type { ChangedRange } from './textDiff';

/** What an analyzer keeps of its last call. */
export interface LastAnalysis {
  text: string;
  /** The reference date the result was made with ('' for none): another date means a full analysis. */
  dateKey: string;
  blocks: Block[];
  /** Recognizer output per block, offsets relative to the block: what re-linking starts from. */
  raw: Mention[][];
  /** The result's entities in parts: people, those of the derived layers (interviewer, interviewee), then the rest. */
  people: Entity[];
  turnEntities: Entity[];
  others: Entity[];
  result: AnalysisResult;
}

export interface ReusedBlocks {
  /** Recognizer output for every block of the new text. */
  raw: Mention[][];
  /** True when the re-recognised blocks found exactly the mentions they had before, at the shifted places. */
  sameMentions: boolean;
}

/**
 * Recognizer output for the new text's blocks: blocks before the edit and after it (unchanged text at the same
 * or shifted place) keep theirs; the blocks in between are recognised again with `recognize`.
 */
export function reuseBlocks(last: LastAnalysis, text: string, blocks: Block[], edit: ChangedRange, recognize: (block: string) => Mention[]): ReusedBlocks {
  const old = last.blocks;
  const delta = edit.newEnd - edit.oldEnd;
  let head = 0;
  while (head < blocks.length && head < old.length && blocks[head].end <= edit.start && blocks[head].start === old[head].start && blocks[head].end === old[head].end) head++;
  let tail = 0;
  while (head + tail < blocks.length && head + tail < old.length) {
    const b = blocks[blocks.length - 1 - tail];
    const o = old[old.length - 1 - tail];
    if (b.start < edit.newEnd || o.start < edit.oldEnd || b.start - delta !== o.start || b.end - delta !== o.end) break;
    tail++;
  }
  const raw: Mention[][] = new Array(blocks.length);
  for (let i = 0; i < head; i++) raw[i] = last.raw[i];
  for (let k = 1; k <= tail; k++) raw[blocks.length - k] = last.raw[old.length - k];
  const before: Mention[] = [];
  for (let i = head; i < old.length - tail; i++) for (const m of last.raw[i]) before.push(at(m, old[i].start));
  const after: Mention[] = [];
  for (let i = head; i < blocks.length - tail; i++) {
    raw[i] = recognize(text.slice(blocks[i].start, blocks[i].end));
    for (const m of raw[i]) after.push(at(m, blocks[i].start));
  }
  let sameMentions = before.length === after.length;
  for (let i = 0; sameMentions && i < before.length; i++) {
    const o = before[i];
    const start = mapOffset(o.start, edit, delta);
    const end = mapOffset(o.end, edit, delta);
    sameMentions = start !== undefined && end !== undefined && start === after[i].start && end === after[i].end && sameFacts(o, after[i]);
  }
  return { raw, sameMentions };
}

/** The main layer with the derived layers (turns, quotes) merged in, and the entities only those layers name. */
export interface DerivedLayers {
  mentions: Mention[];
  entities: Entity[];
}

/**
 * The last result for the new text when the edit changed no mention: mentions before the edit are reused, those
 * after it are shifted, entities are unchanged. The derived layers (a dash-marked interview's turns, the quotes)
 * are properties of the whole text, so `derive` builds them again as the full analysis does, from the main-layer
 * mentions (`dashTurns` false when the edit cannot have made dash turns and there were none), with the entities
 * they speak for. Undefined when a mention spans the edit.
 */
export function shiftResult(
  last: LastAnalysis,
  text: string,
  edit: ChangedRange,
  documentDate: DocumentDate | undefined,
  derive: (main: Mention[], dashTurns: boolean) => DerivedLayers,
): { result: AnalysisResult; turnEntities: Entity[] } | undefined {
  const delta = edit.newEnd - edit.oldEnd;
  const main: Mention[] = [];
  let hadTurns = false;
  for (const m of last.result.mentions) {
    if (m.layer === 'turns') hadTurns = true;
    else if (m.layer === 'quotes') continue;
    else if (m.layer !== undefined) return undefined;
    else if (m.end <= edit.start) main.push(m);
    else if (m.start >= edit.oldEnd) main.push({ ...m, start: m.start + delta, end: m.end + delta });
    else return undefined;
  }
  const layers = derive(main, hadTurns || mayMakeDashTurns(last.text, text, edit));
  // The same speakers for the layers keep the same entity list (the same array: the index's cheap update).
  const entities =
    JSON.stringify(layers.entities) === JSON.stringify(last.turnEntities)
      ? last.result.entities
      : [...withTurnEntities(last.people, layers.entities), ...last.others];
  return { result: { mentions: layers.mentions, entities, documentDate }, turnEntities: layers.entities };
}

/** A block-relative mention at an absolute place. */
function at(m: Mention, offset: number): Mention {
  return offset === 0 ? m : { ...m, start: m.start + offset, end: m.end + offset };
}

/** Where an offset of the old text is in the new one; undefined inside the replaced range. */
function mapOffset(offset: number, edit: ChangedRange, delta: number): number | undefined {
  if (offset <= edit.start) return offset;
  if (offset >= edit.oldEnd) return offset + delta;
  return undefined;
}

function sameFacts(a: Mention, b: Mention): boolean {
  if (a.kind !== b.kind || a.text !== b.text || a.value !== b.value || a.entityId !== b.entityId || a.source !== b.source || a.layer !== b.layer) return false;
  const x = a.attributes;
  const y = b.attributes;
  if (x === y) return true;
  if (!x || !y) return false;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (x[k] !== y[k]) return false;
  return true;
}

/** Dash turns come from line-opening dashes and question marks: an edit without either cannot create them. */
function mayMakeDashTurns(before: string, after: string, edit: ChangedRange): boolean {
  const touched = /[-–—?\n]/;
  return touched.test(before.slice(Math.max(0, edit.start - 1), edit.oldEnd + 1)) || touched.test(after.slice(Math.max(0, edit.start - 1), edit.newEnd + 1));
}
