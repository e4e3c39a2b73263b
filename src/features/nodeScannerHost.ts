/**
 * The workspace scan's host on the desktop (see scannerHost.ts): local files are read with Node's fs and analysed
 * in a worker thread; files of other schemes are read through `vscode.workspace.fs` and analysed in the editor's
 * thread.
 */
import type * as vscode from 'vscode';
import type { DocumentRead } from '../core/ports/documentSource';
import { readDocumentFile, readDocumentFileSync } from '../hosts/documentFile';
import type { ScanWorker } from '../hosts/scanWorkerBase';
import { EditorDocumentSource } from './editorDocumentSource';
import { fileDateModeFor } from './fileDocumentDate';
import type { ScannerHost } from './scannerHost';

/** A synchronous stat + read slower than this means a slow disk: later reads are asynchronous. */
export const SLOW_SYNC_READ_MS = 20;

export class NodeScannerHost implements ScannerHost {
  /** Local files are read synchronously until one read is slow (see {@link read}). */
  private syncReads = true;
  /** Where files of other schemes are read. */
  private readonly documents = new EditorDocumentSource();

  constructor(readonly worker?: ScanWorker) {}

  /** The worker thread reads local files only, by their file-system path. */
  workerPath(uri: vscode.Uri): string | undefined {
    return uri.scheme === 'file' ? uri.fsPath : undefined;
  }

  fileDateMode(uri: vscode.Uri): ReturnType<typeof fileDateModeFor> {
    return fileDateModeFor(uri);
  }

  /**
   * See documentFile.ts. For a local UTF-8 file also the bytes it was decoded from, which the index keeps in
   * place of the text (off the garbage-collected heap; a remote read's buffer may be a view into a larger
   * message, so it is not kept). Local files are read synchronously: from the page cache or a local disk that
   * is quick, where promise-based fs costs CPU per file in thread-pool round trips (a large share of a scan's
   * time outside analysis). A read slower than {@link SLOW_SYNC_READ_MS} (a network
   * drive) switches the scanner to asynchronous reads for the rest of the session, so a slow disk never holds
   * the extension host up twice.
   */
  async read(uri: vscode.Uri, maxFileSize: number): Promise<DocumentRead> {
    // Through the file-system provider, a round trip each call: local files are read with Node's fs instead (in a
    // remote or browser-served workbench, a large scan spent most of its time waiting on those round trips).
    if (uri.scheme !== 'file') return this.documents.readDocument(uri.toString(), maxFileSize);
    if (!this.syncReads) return readDocumentFile(uri.fsPath, maxFileSize);
    const started = performance.now();
    try {
      return readDocumentFileSync(uri.fsPath, maxFileSize);
    } finally {
      if (performance.now() - started > SLOW_SYNC_READ_MS) this.syncReads = false;
    }
  }
}
