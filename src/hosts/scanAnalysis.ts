/**
 * The scan worker's analysis of one document, in any thread and any host (Node's worker thread, a browser's
 * web Worker): what it answers and how it keeps the lexicons it was sent. Reading the file is the host's part
 * (scanProtocol.ts reads local files in the Node worker; in the browser the editor's thread reads them).
 */
import { AnalysisCache } from '../core/analysisCache';
import type { Lexicon } from '../core/lexicon/lexicon';
import { BUILTIN_LEXICON } from '../core/lexicon/builtinLexicon';
import { coldBuffers, type ColdParts } from '../core/index/coldDocument';
import { analyzeCold } from '../core/scan/coldAnalysis';
import { EntitySender, type SentEntities } from '../core/scan/entityTransfer';
import type { DocumentDate } from '../core/recognizers/context';

/** The key under which both sides know the built-in lexicon (the worker has it bundled). */
export const BUILTIN_LEXICON_KEY = 'builtin';

export type FromWorker =
  /** The document's parts, but for their entities: sent apart, each entity once (see entityTransfer.ts). */
  | { id: number; outcome: 'indexed'; parts: Omit<ColdParts, 'entities'>; bytes: Uint8Array; entities: SentEntities }
  /** Not a document (a folder, a FIFO, a device, a binary file) or over the size limit: not indexed, for `reason`. */
  | { id: number; outcome: 'skipped'; reason: string }
  /** The file could not be read (gone, unreadable), or its analysis threw. */
  | { id: number; outcome: 'failed'; message: string };

/** The worker's state: the lexicons it was given, what it sent of entities, what its analyses keep. */
export class ScanWorkerState {
  readonly lexicons = new Map<string, Lexicon>([[BUILTIN_LEXICON_KEY, BUILTIN_LEXICON]]);
  readonly sender = new EntitySender();
  /** Kept for the worker's life, from one scan to the next; emptied when a lexicon comes (see analysisCache.ts). */
  readonly cache = new AnalysisCache();

  /** Keeps a lexicon later scans name by `key`: a new one, or one the user changed, whose documents are read again. */
  setLexicon(key: string, lexicon: Lexicon): void {
    this.lexicons.set(key, lexicon);
    this.cache.clear();
  }
}

/**
 * The worker's answer for a document read as `text` (from `bytes` when they were UTF-8): analysed as a closed
 * document with the lexicon sent as `lexiconKey`, its parts and bytes to be transferred. Any thread, any host.
 */
export function analyzeForIndex(
  id: number,
  path: string,
  text: string,
  utf8: Uint8Array | undefined,
  lexiconKey: string,
  state: ScanWorkerState,
  fileDate?: DocumentDate,
): { reply: FromWorker; transfer: ArrayBuffer[] } {
  try {
    const lexicon = state.lexicons.get(lexiconKey);
    if (!lexicon) throw new Error(`no lexicon "${lexiconKey}" was sent`);
    // The index decodes the bytes it keeps as UTF-8: a UTF-16 document's are the UTF-8 of its text.
    let bytes: Uint8Array = utf8 ?? new TextEncoder().encode(text);
    // A small file's Buffer may be a slice of Node's shared pool, which must not be transferred away.
    if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) bytes = new Uint8Array(bytes);
    const { entities, ...parts } = analyzeCold(text, lexicon, path, fileDate, state.cache);
    return {
      reply: { id, outcome: 'indexed', parts, bytes, entities: state.sender.select(entities) },
      transfer: [...coldBuffers(parts), bytes.buffer as ArrayBuffer],
    };
  } catch (e) {
    return { reply: { id, outcome: 'failed', message: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}
