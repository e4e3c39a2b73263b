/**
 * The workspace scan's host in VS Code for the Web (see features/scannerHost.ts): every file is read through
 * `vscode.workspace.fs` (the editor's document source), and a scan of many files is analysed in a web Worker
 * (webScanWorker.ts), whatever the files' scheme. Where the host has no `Worker`, or it fails, the scanner
 * analyses in its own thread, in time slices.
 */
import * as vscode from 'vscode';
import type { DocumentRead } from '../core/ports/documentSource';
import { EditorDocumentSource, readDocumentBytes } from '../features/editorDocumentSource';
import type { ScannerHost } from '../features/scannerHost';
import { WebScanWorkerClient, type WebScanWorkerOptions } from './webScanWorker';

export class WebScannerHost implements ScannerHost {
  private readonly documents = new EditorDocumentSource();
  readonly worker: WebScanWorkerClient;

  /** `script`: dist/web/scanWorker.js of the extension, read when the worker is first needed. */
  constructor(script: vscode.Uri, options: WebScanWorkerOptions = {}) {
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

  read(uri: vscode.Uri, maxFileSize: number): Promise<DocumentRead> {
    return this.documents.readDocument(uri.toString(), maxFileSize);
  }

  /** A file's own date is read from a local disk or git, neither of which the browser has. */
  fileDateMode(): 'off' {
    return 'off';
  }
}
