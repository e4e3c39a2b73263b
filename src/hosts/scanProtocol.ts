/**
 * What the editor's thread and the scan worker (scanWorker.ts) say to each other, and the worker's side of it:
 * read a file, analyse it as a document that is not open (see analyzeCold), and answer with its parts, its bytes
 * and its entities, the typed arrays and bytes transferred rather than copied.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Lexicon } from '../core/lexicon/lexicon';
import { BUILTIN_LEXICON } from '../core/lexicon/builtinLexicon';
import { coldBuffers, type ColdParts } from '../core/index/coldDocument';
import { analyzeCold } from '../core/scan/coldAnalysis';
import { EntitySender, type SentEntities } from '../core/scan/entityTransfer';

/** The key under which both sides know the built-in lexicon (the worker has it bundled). */
export const BUILTIN_LEXICON_KEY = 'builtin';

export type ToWorker =
  /** A lexicon later scans name by `key`. */
  | { type: 'lexicon'; key: string; lexicon: Lexicon }
  /** Read and analyse the file at `path` (a local path) unless it is a folder or over `maxFileSize` bytes. */
  | { type: 'scan'; id: number; path: string; maxFileSize: number; lexicon: string };

export type FromWorker =
  | { id: number; outcome: 'indexed'; parts: ColdParts; bytes: Uint8Array; entities: SentEntities }
  /** A folder, or a file over the size limit: not indexed. */
  | { id: number; outcome: 'skipped' }
  /** The file could not be read (gone, unreadable), or its analysis threw. */
  | { id: number; outcome: 'failed'; message: string };

/** The worker's state: the lexicons it was given, what it sent of entities. */
export class ScanWorkerState {
  readonly lexicons = new Map<string, Lexicon>([[BUILTIN_LEXICON_KEY, BUILTIN_LEXICON]]);
  readonly sender = new EntitySender();
  readonly decoder = new TextDecoder('utf-8');
}

/** Handles one message; returns the reply (if any) and the buffers to transfer with it. */
export function handleScanMessage(msg: ToWorker, state: ScanWorkerState): { reply: FromWorker; transfer: ArrayBuffer[] } | undefined {
  if (msg.type === 'lexicon') {
    state.lexicons.set(msg.key, msg.lexicon);
    return undefined;
  }
  const { id } = msg;
  try {
    const lexicon = state.lexicons.get(msg.lexicon);
    if (!lexicon) throw new Error(`no lexicon "${msg.lexicon}" was sent`);
    const stat = statSync(msg.path);
    if (stat.isDirectory() || stat.size > msg.maxFileSize) return { reply: { id, outcome: 'skipped' }, transfer: [] };
    let bytes: Uint8Array = readFileSync(msg.path);
    // A small file's Buffer may be a slice of Node's shared pool, which must not be transferred away.
    if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) bytes = new Uint8Array(bytes);
    // TextDecoder drops a UTF-8 BOM, so offsets match what the editor shows.
    const text = state.decoder.decode(bytes);
    const { parts, entities } = analyzeCold(text, lexicon, msg.path);
    return {
      reply: { id, outcome: 'indexed', parts, bytes, entities: state.sender.select(entities) },
      transfer: [...coldBuffers(parts), bytes.buffer as ArrayBuffer],
    };
  } catch (e) {
    return { reply: { id, outcome: 'failed', message: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}
