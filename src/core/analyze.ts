import type { Entity } from './model/entity';
import { compareMentions, type Mention } from './model/mention';
import { EMPTY_LEXICON, type Lexicon } from './lexicon/lexicon';
import type { BlockContext, DocumentDate } from './recognizers/context';
import { splitBlocks } from './recognizers/blocks';
import { recognizeDates, detectDocumentDate } from './recognizers/dates/dateRecognizer';
import { recognizeSpeakers, linkPeople } from './recognizers/speakers/speakerRecognizer';
import { recognizeTreaties, treatyEntities } from './recognizers/treaties/treatyRecognizer';

export interface AnalyzeOptions {
  lexicon?: Lexicon;
  /** Reference date (ISO) from sidecar metadata or the caller; overrides a dateline found in the text. */
  documentDate?: string;
}

export interface AnalysisResult {
  /** All mentions, sorted by {@link compareMentions}, every one with `entityId` set. */
  mentions: Mention[];
  /** The canonical entities the mentions link to (people, treaties, dates), each once. */
  entities: Entity[];
  /** The reference date used for relative dates, if any. */
  documentDate?: DocumentDate;
}

/**
 * Analyzes whole texts. It keeps the mentions of each block from the last call, keyed by the block's text, so
 * analysing a document again after a keystroke re-runs recognizers only on the blocks that changed; the
 * document-level linking pass (people across the text, entity lists) is cheap and always re-runs.
 */
export class DocumentAnalyzer {
  private cache = new Map<string, Mention[]>();
  private cacheKey = '';

  constructor(private readonly options: AnalyzeOptions = {}) {}

  analyze(text: string): AnalysisResult {
    const lexicon = this.options.lexicon ?? EMPTY_LEXICON;
    const documentDate = this.options.documentDate
      ? { value: this.options.documentDate, source: 'metadata' as const }
      : detectDocumentDate(text);
    const key = documentDate ? documentDate.value : '';
    if (key !== this.cacheKey) {
      this.cache.clear();
      this.cacheKey = key;
    }
    const ctx: BlockContext = { lexicon, documentDate };
    const next = new Map<string, Mention[]>();
    const mentions: Mention[] = [];
    for (const block of splitBlocks(text)) {
      const blockText = text.slice(block.start, block.end);
      let local = next.get(blockText) ?? this.cache.get(blockText);
      if (!local) local = recognizeBlock(blockText, ctx);
      next.set(blockText, local);
      for (const m of local) mentions.push({ ...m, start: m.start + block.start, end: m.end + block.start });
    }
    this.cache = next;
    mentions.sort(compareMentions);
    const people = linkPeople(text, mentions, lexicon);
    const entities: Entity[] = [...people, ...treatyEntities(mentions, lexicon), ...dateEntities(mentions)];
    return { mentions, entities, documentDate };
  }
}

/** Analyzes one text once. For repeated analysis of an edited text, keep a {@link DocumentAnalyzer}. */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return new DocumentAnalyzer(options).analyze(text);
}

/** Runs every recognizer on one block; offsets are relative to the block. */
export function recognizeBlock(block: string, ctx: BlockContext): Mention[] {
  return [...recognizeSpeakers(block, ctx), ...recognizeDates(block, ctx), ...recognizeTreaties(block, ctx)];
}

function dateEntities(mentions: Mention[]): Entity[] {
  const byId = new Map<string, Entity>();
  for (const m of mentions) {
    if (m.kind !== 'date' || !m.value) continue;
    const id = `date:${m.value}`;
    m.entityId = id;
    if (!byId.has(id)) byId.set(id, { id, type: 'date', name: m.value, aliases: [], facts: { precision: m.attributes?.precision } });
  }
  return [...byId.values()];
}
