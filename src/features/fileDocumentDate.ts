/**
 * The editor's side of `marginalia.documentDate.fromFile`: which file date, if any, dates a document that has none
 * of its own (read in src/hosts/fileDate.ts). Only local files have one. In Restricted Mode git is not run: a
 * repository's config may name programs for git to start, and an untrusted folder must not start anything.
 */
import * as vscode from 'vscode';
import type { DocumentDate } from '../core/recognizers/context';
import { fileDateUnlessPathDated, type FileDateMode } from '../hosts/fileDate';
import { readSettings } from './settings';

/** The file-date mode that applies to `uri`. */
export function fileDateModeFor(uri: vscode.Uri): FileDateMode {
  if (uri.scheme !== 'file') return 'off';
  const mode = readSettings(uri).documentDateFromFile;
  return mode === 'gitCommit' && !vscode.workspace.isTrusted ? 'off' : mode;
}

/** The date of the file behind `uri` by the setting, or undefined (off, not a local file, a date in its path, no date). */
export function fileDocumentDate(uri: vscode.Uri): DocumentDate | undefined {
  return fileDateUnlessPathDated(uri.fsPath, fileDateModeFor(uri));
}
