/**
 * A document's date from its file in VS Code for the Web (`marginalia.documentDate.fromFile`): the local day of
 * the file's modification time, read with `vscode.workspace.fs.stat`, for any file system the editor serves. The
 * last commit's day ("gitCommit") needs git, which the browser does not have: that mode dates nothing here.
 * The editor asks for an open document's date synchronously (documentModel.ts) and a stat is asynchronous, so
 * {@link WebFileDates} keeps each file's time once read and tells when one arrives or changes (after a save).
 */
import * as vscode from 'vscode';
import { fileTimeDate } from '../core/model/fileDateMode';
import type { DocumentDate } from '../core/recognizers/context';
import { dateFromPath } from '../core/recognizers/dates/pathDate';
import { readSettings } from '../features/settings';

/** Whether the file's time dates `uri` when nothing else does (the setting says "modified", no date in its path). */
export function datedByFileTime(uri: vscode.Uri): boolean {
  return readSettings(uri).documentDateFromFile === 'modified' && !dateFromPath(uri.path);
}

/** The file's date by the setting, or undefined (off, git's mode, a date in its path, no such file). */
export async function webFileDate(uri: vscode.Uri): Promise<DocumentDate | undefined> {
  if (!datedByFileTime(uri)) return undefined;
  try {
    return fileTimeDate((await vscode.workspace.fs.stat(uri)).mtime);
  } catch {
    return undefined;
  }
}

/** Files' modification times as last read, for the editor's synchronous question; a change is announced. */
export class WebFileDates implements vscode.Disposable {
  /** By Uri string: the time read, or undefined while it is being read or when the file has none. */
  private readonly times = new Map<string, number | undefined>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly saved: vscode.Disposable;
  /** A file's time arrived or changed: its document should be analysed again. */
  readonly onDidChange = this.changed.event;

  constructor() {
    // Saving changes the file's time: read again.
    this.saved = vscode.workspace.onDidSaveTextDocument((d) => {
      if (this.times.has(d.uri.toString())) void this.read(d.uri);
    });
  }

  /** The date of `uri` from its file's time when known; else undefined, and the time is read (see onDidChange). */
  dateOf(uri: vscode.Uri): DocumentDate | undefined {
    if (!datedByFileTime(uri)) return undefined;
    const key = uri.toString();
    if (!this.times.has(key)) {
      this.times.set(key, undefined);
      void this.read(uri);
      return undefined;
    }
    const time = this.times.get(key);
    return time === undefined ? undefined : fileTimeDate(time);
  }

  /** Notes a time read elsewhere (the scan stats every file it reads). */
  note(uri: vscode.Uri, mtime: number): void {
    this.times.set(uri.toString(), mtime);
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    let time: number | undefined;
    try {
      time = (await vscode.workspace.fs.stat(uri)).mtime;
    } catch {
      time = undefined;
    }
    if (this.times.get(key) === time) return;
    this.times.set(key, time);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.saved.dispose();
    this.changed.dispose();
  }
}
