/**
 * What the Export command (exportCommand.ts) takes from its extension host: which documents it can export, how
 * they are read and viewed (the core's exportViews.ts in either host), and how the files are written under the
 * chosen folder. The desktop's is nodeExportHost.ts (Node's fs: fsync-free but realpath-checked renames, the CLI's
 * own pipeline); the browser's is web/webExportHost.ts (`vscode.workspace.fs`). This file stays free of Node
 * built-ins: the browser bundle reaches it.
 */
import type * as vscode from 'vscode';
import type { ExportDocument, ExportedFile } from '../../core/export/types';
import type { Entity } from '../../core/model/entity';
import type { LexiconService } from '../lexiconService';

/** The chosen documents, read and viewed as the editor shows them. */
export interface LoadedExport {
  documents: ExportDocument[];
  /** Each document's Uri, in the order of `documents`. */
  uris: vscode.Uri[];
  entities: Entity[];
  /** The folder the documents' export paths are relative to: a report's links start from it. */
  root: vscode.Uri;
  /** What was skipped or not exported, each naming its file. */
  problems: string[];
}

export interface ExportHost {
  /** True for a document or folder this host can export. */
  canExport(uri: vscode.Uri): boolean;
  /** Shown when some chosen documents cannot be exported here. */
  cannotExportMessage(): string;
  /**
   * Reads the documents `uris` name (folders: the documents under them), analysed with the editor's lexicon of
   * each; `root` is the workspace folder whose sidecars are read.
   */
  load(uris: readonly vscode.Uri[], root: vscode.Uri, lexicons: LexiconService): Promise<LoadedExport>;
  /** Writes `files` under `folder`, refusing any that would land outside it; returns the files written. */
  write(folder: vscode.Uri, files: readonly ExportedFile[]): Promise<vscode.Uri[]>;
}
