/**
 * What the workspace scan (workspaceScanner.ts) takes from its extension host: how a file is read for analysis in
 * the editor's thread, and the worker that analyses many files off it, with the name the worker reads each file
 * by. The desktop's is nodeScannerHost.ts (Node's fs, a worker thread), the browser's web/webScannerHost.ts
 * (`vscode.workspace.fs`, a web Worker). This file stays free of Node built-ins: the browser bundle reaches it.
 */
import type * as vscode from 'vscode';
import type { FileDateMode } from '../core/model/fileDateMode';
import type { DocumentRead } from '../core/ports/documentSource';
import type { ScanWorker } from '../hosts/scanWorkerBase';

export interface ScannerHost {
  /** Where scans of many files are analysed; without one, every file is analysed in the editor's thread. */
  readonly worker?: ScanWorker;
  /** The path the worker reads `uri` by, or undefined when it cannot take that file (it is analysed here). */
  workerPath(uri: vscode.Uri): string | undefined;
  /**
   * A file's text (regular files only, within `maxFileSize`, UTF-8 or UTF-16, not binary) or why it is not read;
   * with the bytes it was decoded from when the index may keep them in place of the text.
   */
  read(uri: vscode.Uri, maxFileSize: number): Promise<DocumentRead>;
  /** Whether the file's own date dates a document that has none (local files only). */
  fileDateMode(uri: vscode.Uri): FileDateMode;
}
