/**
 * The workspace scan's host in VS Code for the Web (see features/scannerHost.ts): every file is read through
 * `vscode.workspace.fs` (the editor's document source), and a scan of many files is analysed in a web Worker
 * (webScanWorker.ts), whatever the files' scheme. Where the host has no `Worker`, or it fails, the scanner
 * analyses in its own thread, in time slices.
 */
import * as vscode from 'vscode';
import { decodeDocument } from '../core/model/documentEncoding';
import type { DocumentRead } from '../core/ports/documentSource';
import { readDocumentBytes } from '../features/editorDocumentSource';
import type { ScannerHost } from '../features/scannerHost';
import { datedByFileTime, type WebFileDates } from './webFileDate';
import { WebScanWorkerClient, type WebScanWorkerOptions } from './webScanWorker';

export class WebScannerHost implements ScannerHost {
  readonly worker: WebScanWorkerClient;

  /**
   * `script`: dist/web/scanWorker.js of the extension, read when the worker is first needed; `fileDates`: where
   * the files' times the scan reads are kept for the editor's file dates.
   */
  constructor(
    script: vscode.Uri,
    private readonly fileDates?: WebFileDates,
    options: WebScanWorkerOptions = {},
  ) {
    this.worker = new WebScanWorkerClient(
      async () => new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(script)),
      (path, maxFileSize) => readDocumentBytes(vscode.Uri.parse(path), maxFileSize),
      options,
    );
  }

  /** The worker cannot reach `vscode.workspace.fs`: this thread reads each file by its URI and sends the bytes. */
  workerPath(uri: vscode.Uri): string {
    return uri.toString();
  }

  /** Read here (the file's time noted for its date), analysed in the editor's thread. */
  async read(uri: vscode.Uri, maxFileSize: number): Promise<DocumentRead> {
    const read = await readDocumentBytes(uri, maxFileSize);
    if (!read.ok) return read;
    this.fileDates?.note(uri, read.mtime);
    const decoded = decodeDocument(read.bytes);
    return decoded.ok ? { ok: true, text: decoded.text } : decoded;
  }

  /** The file's modification time, through `workspace.fs.stat`; a last commit needs git, which the browser lacks. */
  fileDateMode(uri: vscode.Uri): 'modified' | 'off' {
    return datedByFileTime(uri) ? 'modified' : 'off';
  }
}
