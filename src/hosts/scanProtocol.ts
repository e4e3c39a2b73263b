/**
 * What the editor's thread and the scan worker (scanWorker.ts) say to each other, and the worker's side of it:
 * read a file, analyse it as a document that is not open (see analyzeCold), and answer with its parts, its bytes
 * and its entities, the typed arrays and bytes transferred rather than copied.
 */
import type { Lexicon } from '../core/lexicon/lexicon';
import { BUILTIN_LEXICON } from '../core/lexicon/builtinLexicon';
import { coldBuffers, type ColdParts } from '../core/index/coldDocument';
import { analyzeCold } from '../core/scan/coldAnalysis';
import { EntitySender, type SentEntities } from '../core/scan/entityTransfer';
import { fileDateUnlessPathDated, type FileDateMode } from './fileDate';
import { NodeDocumentReader } from './nodeDocumentReader';

/** The key under which both sides know the built-in lexicon (the worker has it bundled). */
export const BUILTIN_LEXICON_KEY = 'builtin';

export type ToWorker =
  /** A lexicon later scans name by `key`. */
  | { type: 'lexicon'; key: string; lexicon: Lexicon }
  /**
   * Read and analyse the file at `path` (a local path) if it is a document of at most `maxFileSize` bytes; with
   * `fileDate`, the file's time or last commit dates it when nothing else does.
   */
  | { type: 'scan'; id: number; path: string; maxFileSize: number; lexicon: string; fileDate?: FileDateMode };

export type FromWorker =
  | { id: number; outcome: 'indexed'; parts: ColdParts; bytes: Uint8Array; entities: SentEntities }
  /** Not a document (a folder, a FIFO, a device, a binary file) or over the size limit: not indexed, for `reason`. */
  | { id: number; outcome: 'skipped'; reason: string }
  /** The file could not be read (gone, unreadable), or its analysis threw. */
  | { id: number; outcome: 'failed'; message: string };

/** The worker's state: the lexicons it was given, what it sent of entities. */
export class ScanWorkerState {
  readonly lexicons = new Map<string, Lexicon>([[BUILTIN_LEXICON_KEY, BUILTIN_LEXICON]]);
  readonly sender = new EntitySender();
  /** The editor sends absolute paths. */
  readonly documents = new NodeDocumentReader({ cwd: process.cwd() });
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
    const read = state.documents.readDocumentSync(msg.path, msg.maxFileSize);
    if (!read.ok) return { reply: { id, outcome: 'skipped', reason: read.reason }, transfer: [] };
    const text = read.text;
    // The index decodes the bytes it keeps as UTF-8: a UTF-16 document's are the UTF-8 of its text.
    let bytes: Uint8Array = read.bytes ?? new TextEncoder().encode(text);
    // A small file's Buffer may be a slice of Node's shared pool, which must not be transferred away.
    if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) bytes = new Uint8Array(bytes);
    const fileDate = fileDateUnlessPathDated(msg.path, msg.fileDate ?? 'off');
    const { parts, entities } = analyzeCold(text, lexicon, msg.path, fileDate);
    return {
      reply: { id, outcome: 'indexed', parts, bytes, entities: state.sender.select(entities) },
      transfer: [...coldBuffers(parts), bytes.buffer as ArrayBuffer],
    };
  } catch (e) {
    return { reply: { id, outcome: 'failed', message: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}
