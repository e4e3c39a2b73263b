/**
 * What the editor's thread and the scan worker (scanWorker.ts) say to each other, and the worker's side of it:
 * read a file, analyse it as a document that is not open (see analyzeCold), and answer with its parts, its bytes
 * and its entities, the typed arrays and bytes transferred rather than copied.
 */
import type { Lexicon } from '../core/lexicon/lexicon';
import { readDocumentFileSync } from './documentFile';
import { fileDateUnlessPathDated, type FileDateMode } from './fileDate';
import { analyzeForIndex, type FromWorker, type ScanWorkerState } from './scanAnalysis';

export { analyzeForIndex, BUILTIN_LEXICON_KEY, ScanWorkerState, type FromWorker } from './scanAnalysis';

export type ToWorker =
  /** A lexicon later scans name by `key`. */
  | { type: 'lexicon'; key: string; lexicon: Lexicon }
  /**
   * Read and analyse the file at `path` (a local path) if it is a document of at most `maxFileSize` bytes; with
   * `fileDate`, the file's time or last commit dates it when nothing else does.
   */
  | { type: 'scan'; id: number; path: string; maxFileSize: number; lexicon: string; fileDate?: FileDateMode };

/** Handles one message; returns the reply (if any) and the buffers to transfer with it. */
export function handleScanMessage(msg: ToWorker, state: ScanWorkerState): { reply: FromWorker; transfer: ArrayBuffer[] } | undefined {
  if (msg.type === 'lexicon') {
    state.setLexicon(msg.key, msg.lexicon);
    return undefined;
  }
  const { id } = msg;
  try {
    const read = readDocumentFileSync(msg.path, msg.maxFileSize);
    if (!read.ok) return { reply: { id, outcome: 'skipped', reason: read.reason }, transfer: [] };
    return analyzeForIndex(id, msg.path, read.text, read.bytes, msg.lexicon, state, fileDateUnlessPathDated(msg.path, msg.fileDate ?? 'off'));
  } catch (e) {
    return { reply: { id, outcome: 'failed', message: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}
