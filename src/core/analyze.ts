import type { AnalysisCache } from './analysisCache';
import type { Entity } from './model/entity';
import { compareMentions, mergeSortedMentions, type Mention } from './model/mention';
import { EMPTY_LEXICON, type Lexicon } from './lexicon/lexicon';
import type { BlockContext, DocumentDate } from './recognizers/context';
import { RecognizerState } from './recognizers/recognizerState';
import { splitBlocks, type Block } from './recognizers/blocks';
import { reuseBlocks, shiftResult, type DerivedLayers, type LastAnalysis } from './incrementalAnalysis';
import { changedRange } from './textDiff';
import { recognizeDates, detectDocumentDate } from './recognizers/dates/dateRecognizer';
import { recognizeSpeakers } from './recognizers/speakers/speakerRecognizer';
import { linkPeopleInText } from './recognizers/speakers/personLinker';
import type { NameKeys } from './recognizers/speakers/nameKeys';
import { keepSpeechHits } from './recognizers/speakers/speechHits';
import { dashTurnLayer, withTurnEntities, type DashTurnLayer } from './recognizers/speakers/dashTurns';
import { recognizeTreaties, treatyEntities } from './recognizers/treaties/treatyRecognizer';
import { quoteLayer } from './recognizers/quotes/quoteLayer';

export interface AnalyzeOptions {
  lexicon?: Lexicon;
  /**
   * The document's date as the user gave it (ISO; a string is the sidecar's `document.date`), which overrides a
   * dateline found in the text.
   */
  documentDate?: string | DocumentDate;
  /** A date from outside the text (its path, its file time), used when the text has no dateline or title date. */
  fallbackDate?: DocumentDate;
  /**
   * False to leave out the layers derived from the whole text (the turns of a dash-marked interview): a host
   * indexing a document that is not open keeps only the main layer, and need not build them.
   */
  derivedLayers?: boolean;
  /** What analyses keep across documents, shared by the host's analyses (see analysisCache.ts); else the analyzer's own. */
  cache?: AnalysisCache;
}

/**
 * What the analysis of a text finds, before its sidecar is applied. Made by {@link DocumentAnalyzer} (through
 * documentPipeline.ts's `documentAnalyzer`: one per open document in the editor, one per document elsewhere);
 * read by documentPipeline.ts's `reconciledView`, which makes the DocumentView (model/documentView.ts) a document
 * shows, and kept by the incremental analysis (incrementalAnalysis.ts) to reuse after an edit.
 */
export interface AnalysisResult {
  /** All mentions, sorted by {@link compareMentions}, every one with `entityId` set. */
  mentions: Mention[];
  /** The canonical entities the mentions link to (people, treaties, dates), each once. */
  entities: Entity[];
  /** The reference date used for relative dates, if any. */
  documentDate?: DocumentDate;
}

/**
 * Analyzes whole texts, and the same text again after edits. It keeps its last result: a new version of the
 * text is compared with the last one, and only the blocks (paragraphs) that the edit touched are re-recognised.
 * When their mentions are the same as before (typing inside a sentence, the usual keystroke), the last result is
 * reused with the mentions after the edit shifted: no re-linking and no sort. Otherwise the document-level
 * linking pass (people across the text, entity lists) re-runs over the blocks' cached mentions.
 */
export class DocumentAnalyzer {
  private last: LastAnalysis | undefined;
  /** How the last call went: `'shifted'` reused the previous result, `'relinked'` linked again. For tests. */
  lastPath: 'full' | 'relinked' | 'shifted' = 'full';
  /** The recognizers' caches, kept as long as this analyzer: its documents' blocks share names, dates, forms. */
  private readonly state: RecognizerState;

  constructor(private readonly options: AnalyzeOptions = {}) {
    this.state = new RecognizerState(options.cache);
  }

  /**
   * A first analysis of a long text in steps, for a host that must stay responsive: after each block it calls
   * `pause`, which returns a promise when the host wants to yield (its time slice is spent) and undefined to go
   * on. Recognition is the part that grows with the text; linking runs in one step at the end. The result is
   * that of {@link analyze}, which later edits then update as usual.
   */
  async analyzeInSteps(text: string, pause: () => Promise<void> | undefined): Promise<AnalysisResult> {
    const steps = this.steps(text);
    while (steps.step()) {
      const waiting = pause();
      if (waiting) await waiting;
    }
    return steps.finish();
  }

  /**
   * A first analysis of `text` that the caller drives a block at a time (see {@link AnalysisSteps}), the blocks
   * that meet `first` (a range of offsets: what the user sees) before the others. Its result is that of
   * {@link analyze}, which later edits then update as usual.
   */
  steps(text: string, first?: { start: number; end: number }): AnalysisSteps {
    const { lexicon, documentDate, dateKey, ctx } = this.context(text);
    const blocks = splitBlocks(text);
    const raw: Mention[][] = new Array<Mention[]>(blocks.length);
    const seen = new SeenBlocks(blocks.length);
    const order = blockOrder(blocks, first);
    let next = 0;
    let result: AnalysisResult | undefined;
    const step = (): boolean => {
      if (next < order.length) {
        const i = order[next++];
        raw[i] = recognizeOnce(text, blocks[i], ctx, seen);
      }
      return next < order.length;
    };
    return {
      step,
      firstMentions: () => {
        while (next < order.firstCount) step();
        const mentions: Mention[] = [];
        for (let k = 0; k < order.firstCount; k++) for (const m of raw[order[k]]) mentions.push(absoluteCopy(m, blocks[order[k]].start));
        return mentions.sort(compareMentions);
      },
      finish: () => {
        if (!result) {
          while (step());
          this.lastPath = 'full';
          this.last = link(text, dateKey, blocks, raw, lexicon, documentDate, this.options.derivedLayers !== false, this.state.cache.names);
          result = this.last.result;
        }
        return result;
      },
    };
  }

  private context(text: string): { lexicon: Lexicon; documentDate: DocumentDate | undefined; dateKey: string; ctx: BlockContext } {
    const lexicon = this.options.lexicon ?? EMPTY_LEXICON;
    const given = this.options.documentDate;
    const documentDate =
      (typeof given === 'string' ? { value: given, source: 'metadata' as const } : given) ??
      withYearFrom(detectDocumentDate(text, this.state.cache.calendar), this.options.fallbackDate) ??
      this.options.fallbackDate;
    return { lexicon, documentDate, dateKey: documentDate ? documentDate.value : '', ctx: { lexicon, documentDate, state: this.state } };
  }

  analyze(text: string): AnalysisResult {
    const { lexicon, documentDate, dateKey, ctx } = this.context(text);
    // The same text again (its sidecar changed, re-anchoring answered): the result cannot differ.
    if (this.last && this.last.dateKey === dateKey && this.last.text === text) return this.last.result;
    const blocks = splitBlocks(text);
    const last = this.last?.dateKey === dateKey ? this.last : undefined;
    let raw: Mention[][];
    if (last) {
      const edit = changedRange(last.text, text);
      const reused = reuseBlocks(last, text, blocks, edit, (block) => recognizeBlock(block, ctx));
      raw = reused.raw;
      // Without derived layers (a one-off analysis), always relink: shiftResult rebuilds the turns layer.
      const shifted =
        reused.sameMentions && this.options.derivedLayers !== false
          ? shiftResult(last, text, edit, documentDate, (main, dashTurns) => derive(text, blocks, raw, main, last.people, dashTurns))
          : undefined;
      if (shifted) {
        this.last = { ...last, text, blocks, raw, turnEntities: shifted.turnEntities, result: shifted.result };
        this.lastPath = 'shifted';
        return shifted.result;
      }
      this.lastPath = 'relinked';
    } else {
      raw = [];
      const seen = new SeenBlocks(blocks.length);
      for (const block of blocks) raw.push(recognizeOnce(text, block, ctx, seen));
      this.lastPath = 'full';
    }
    this.last = link(text, dateKey, blocks, raw, lexicon, documentDate, this.options.derivedLayers !== false, this.state.cache.names);
    return this.last.result;
  }
}

/**
 * A first analysis run a block at a time (made by {@link DocumentAnalyzer.steps}): the caller yields between
 * steps as it needs, may show the first blocks' mentions before the rest are recognised, and may finish at any
 * time (the blocks left are then recognised in one go).
 */
export interface AnalysisSteps {
  /** Recognises the next block; false once every block is recognised. */
  step(): boolean;
  /**
   * The main-layer mentions of the blocks that meet the `first` range (recognised now if they are not yet), in
   * absolute offsets and sorted: the spans and kinds the whole analysis gives there, before linking names them.
   */
  firstMentions(): Mention[];
  /** The analysis: the blocks left recognised in one go, then everything linked (once; later calls repeat it). */
  finish(): AnalysisResult;
}

/** The order to recognise `blocks` in: those meeting `first` first, then the rest in text order. */
function blockOrder(blocks: Block[], first: { start: number; end: number } | undefined): number[] & { firstCount: number } {
  const all = blocks.map((_, i) => i);
  if (!first) return Object.assign(all, { firstCount: 0 });
  const meets = (b: Block): boolean => b.end >= first.start && b.start <= first.end;
  const head = all.filter((i) => meets(blocks[i]));
  return Object.assign([...head, ...all.filter((i) => !meets(blocks[i]))], { firstCount: head.length });
}

/**
 * A block's mentions (block-relative). Identical blocks (boilerplate, repeated captions) are recognised once:
 * `seen` groups the blocks recognised so far by a number read from their length and a few characters, and a
 * block is compared in full only within its group (a map keyed by each block's text hashed every character of
 * the document).
 */
function recognizeOnce(text: string, b: Block, ctx: BlockContext, seen: SeenBlocks): Mention[] {
  const sketch = blockSketch(text, b.start, b.end);
  const first = seen.first(sketch);
  for (let s = first; s; s = s.next) {
    if (s.sketch === sketch && s.end - s.start === b.end - b.start && text.slice(s.start, s.end) === text.slice(b.start, b.end)) return s.mentions;
  }
  const mentions = recognizeBlock(text.slice(b.start, b.end), ctx);
  seen.add({ sketch, start: b.start, end: b.end, mentions, next: first });
  return mentions;
}

/**
 * The blocks recognised so far, in a table of chains indexed by their sketch: a text's blocks are
 * counted before the first is recognised, so the table is made once at about twice their number and never grows
 * (a Map keyed by sketch hashed and grew on the way, at a cost well above a block's look-up here).
 */
class SeenBlocks {
  private readonly heads: (SeenBlock | undefined)[];
  /** 32 less the table's bits: a slot is the top bits of the sketch times a large odd constant (Fibonacci hashing). */
  private readonly shift: number;

  constructor(blocks: number) {
    let bits = 4;
    while (1 << bits < blocks * 2 && bits < 24) bits++;
    this.heads = new Array<SeenBlock | undefined>(1 << bits).fill(undefined);
    this.shift = 32 - bits;
  }

  /** The last block added to the chain of `sketch`; the others of the chain follow it. */
  first(sketch: number): SeenBlock | undefined {
    return this.heads[Math.imul(sketch, 0x9e3779b1) >>> this.shift];
  }

  /** Puts `block` (whose `next` is the chain's `first`) at the head of its chain. */
  add(block: SeenBlock): void {
    this.heads[Math.imul(block.sketch, 0x9e3779b1) >>> this.shift] = block;
  }
}

/** A block already recognised, and the next one in its chain of the table. */
interface SeenBlock {
  sketch: number;
  start: number;
  end: number;
  mentions: Mention[];
  next: SeenBlock | undefined;
}

/** A small integer from a block's length and five of its characters: equal blocks have equal sketches. */
function blockSketch(text: string, start: number, end: number): number {
  const n = end - start;
  if (n === 0) return 0;
  const mid = start + (n >> 1);
  let h = n;
  h = (h * 31 + text.charCodeAt(start)) | 0;
  h = (h * 31 + text.charCodeAt(end - 1)) | 0;
  h = (h * 31 + text.charCodeAt(mid)) | 0;
  h = (h * 31 + text.charCodeAt(start + (n >> 2))) | 0;
  h = (h * 31 + text.charCodeAt(mid + (n >> 2))) | 0;
  return h & 0x3fffffff;
}

/** Links the blocks' mentions across the whole text: absolute offsets, people, interview turns, treaties, dates. */
function link(
  text: string,
  dateKey: string,
  blocks: Block[],
  raw: Mention[][],
  lexicon: Lexicon,
  documentDate: DocumentDate | undefined,
  derivedLayers: boolean,
  names: NameKeys,
): LastAnalysis {
  const main: Mention[] = [];
  const dates = new Map<string, Entity>();
  for (let i = 0; i < blocks.length; i++) {
    const offset = blocks[i].start;
    for (const m of raw[i]) main.push(absoluteCopy(m, offset, dates));
  }
  sortNearlySorted(main);
  const people = linkPeopleInText(main, lexicon, names);
  const layers = derivedLayers ? derive(text, blocks, raw, main, people, true) : { mentions: main, entities: NO_ENTITIES };
  const mentions = layers.mentions;
  // The treaties and dates are the main layer's (the derived layers hold quotes and turns): their entities are
  // read from it, whose mentions are of a few shapes, and added to the fresh arrays the calls return.
  const others = treatyEntities(main, lexicon);
  for (const e of dates.values()) others.push(e);
  const entities = withTurnEntities(people, layers.entities);
  for (let i = 0; i < others.length; i++) entities.push(others[i] as Entity);
  return { text, dateKey, blocks, raw, people, turnEntities: layers.entities, others, result: { mentions, entities, documentDate } };
}

const NO_ENTITIES: Entity[] = [];

/**
 * The main layer with the layers derived from the whole text merged in: the turns of a dash-marked interview
 * (looked for only when `dashTurns`) and the quotes; and the people those layers speak for that linking did not
 * make (an interviewer, an interviewee named only in a header).
 */
function derive(text: string, blocks: Block[], raw: Mention[][], main: Mention[], people: Entity[], dashTurns: boolean): DerivedLayers {
  const layer = dashTurns ? dashTurnLayer(text, main) : NO_LAYER;
  const quotes = quoteLayer(text, blocks, raw, main, people, layer.turns);
  return { mentions: mergeSortedMentions(mergeSortedMentions(main, layer.turns), quotes.quotes), entities: withTurnEntities(layer.entities, quotes.entities) };
}

const NO_LAYER: DashTurnLayer = { entities: [], turns: [] };

/**
 * Sorts mentions by {@link compareMentions} in place, by insertion: blocks come in text order and each block's
 * recognizers list theirs in order, so only a block's speakers, dates and treaties interleave, and each mention
 * moves back a place or two (a general sort compared every mention about log n times).
 */
function sortNearlySorted(mentions: Mention[]): void {
  for (let i = 1; i < mentions.length; i++) {
    const m = mentions[i];
    let j = i - 1;
    if (compareMentions(mentions[j], m) <= 0) continue;
    while (j >= 0 && compareMentions(mentions[j], m) > 0) {
      mentions[j + 1] = mentions[j];
      j--;
    }
    mentions[j + 1] = m;
  }
}

/**
 * A dateline without its year ("MOSCOW, Feb 14 (TASS) -") takes the year of a date found outside the text (the
 * file name's), so that relative dates resolve to full values.
 */
function withYearFrom(dateline: DocumentDate | undefined, outside: DocumentDate | undefined): DocumentDate | undefined {
  if (!dateline || !outside || !dateline.value.startsWith('XXXX') || !/^\d{4}/.test(outside.value)) return dateline;
  return { ...dateline, value: outside.value.slice(0, 4) + dateline.value.slice(4) };
}

/** Analyzes one text once. For repeated analysis of an edited text, keep a {@link DocumentAnalyzer}. */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return new DocumentAnalyzer(options).analyze(text);
}

/** Runs every recognizer on one block; offsets are relative to the block. */
export function recognizeBlock(block: string, ctx: BlockContext): Mention[] {
  // The speaker pass's speech-verb hits go with the mentions to the quote layer, which reads them instead of the text.
  // The speakers' array (a new one per block) is the block's: the dates and treaties are added to it.
  const all = recognizeSpeakers(block, ctx);
  recognizeDates(block, ctx, all);
  const treaties = recognizeTreaties(block, ctx);
  for (let i = 0; i < treaties.length; i++) all.push(treaties[i] as Mention);
  return keepSpeechHits(all, block, ctx.state);
}

/**
 * A recognizer's mention at an absolute place, copied as a literal with the keys its recognizer writes, in the
 * same order (a date also gets its `entityId`, `date:<value>`): a spread copy of objects of several shapes, or one
 * given a property afterwards, builds hidden classes through the runtime, which made this copy the costliest
 * step of linking. The key sets are those of recognizeSpeakers, recognizeDates and recognizeTreaties; a unit test
 * holds them to it, and any other mention is spread. With `dates`, a document's date mentions share one entity
 * (and its id string) per value (see {@link dateId}).
 */
export function absoluteCopy(m: Mention, offset: number, dates?: Map<string, Entity>): Mention {
  const start = m.start + offset;
  const end = m.end + offset;
  switch (m.kind) {
    case 'speaker':
    case 'person':
      return { kind: m.kind, start, end, text: m.text, attributes: m.attributes, source: m.source };
    case 'date':
      if (m.value) return { kind: m.kind, start, end, text: m.text, value: m.value, attributes: m.attributes, source: m.source, entityId: dateId(m, m.value, dates) };
      return { kind: m.kind, start, end, text: m.text, value: m.value, attributes: m.attributes, source: m.source };
    case 'treaty':
      return { kind: m.kind, start, end, text: m.text, entityId: m.entityId, value: m.value, attributes: m.attributes, source: m.source };
    default:
      return { ...m, start, end };
  }
}

/**
 * `date:<value>`. With `dates` (value -> entity), the id of the document's one entity for the value, made at its
 * first mention (with that mention's precision): one id string per value rather than a template string per
 * mention, and the entity list comes without another pass over the mentions.
 */
function dateId(m: Mention, value: string, dates: Map<string, Entity> | undefined): string {
  if (!dates) return `date:${value}`;
  let e = dates.get(value);
  if (!e) dates.set(value, (e = { id: `date:${value}`, type: 'date', name: value, aliases: NO_ALIASES, facts: dateFacts(m.attributes?.precision) }));
  return e.id;
}

/**
 * A date entity's aliases (none) and facts (its precision) are shared, frozen, by all date entities: a document
 * names dozens of dates, and the index keeps each new one with its parts, three objects where one will do.
 */
const NO_ALIASES = Object.freeze([]) as unknown as string[];
const DATE_FACTS = new Map<string | undefined, Entity['facts']>();

function dateFacts(precision: string | undefined): Entity['facts'] {
  let facts = DATE_FACTS.get(precision);
  if (!facts) DATE_FACTS.set(precision, (facts = Object.freeze({ precision })));
  return facts;
}
