/**
 * Where an export goes by default, and what is opened after a report is written. An export written among the
 * documents Marginalia analyses is then analysed itself (a report's dates and quotes counted again, found by
 * references and symbol search), so the save dialog starts in a folder Marginalia does not read: the last folder
 * used when it is one of those, else `.marginalia/exports` in the workspace, which the default
 * `marginalia.files.exclude` leaves out of the scan (as it does the sidecars beside it).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExportFormat } from '../../core/export/types';
import { readSettings } from '../settings';

export const EXPORTS_FOLDER = path.join('.marginalia', 'exports');

/** True when a file written in `folder` would be analysed: inside the workspace, in the scan's glob, not excluded. */
export function isAnalysedFolder(folder: vscode.Uri, fileName = 'marginalia-report.md'): boolean {
  const probe = vscode.Uri.joinPath(folder, fileName);
  if (!vscode.workspace.getWorkspaceFolder(probe)) return false;
  const s = readSettings(probe);
  // VS Code's glob matcher only reads the `uri` and `languageId` of what it is given.
  const doc = { uri: probe, languageId: '' } as unknown as vscode.TextDocument;
  const matches = (pattern: string) => vscode.languages.match({ pattern }, doc) > 0;
  return matches(s.scanGlob) && !s.excludeGlobs.some(matches);
}

/** The folder the save dialog starts in (see the comment at the top). */
export function suggestedExportFolder(lastFolder: string | undefined, workspaceFolder: vscode.Uri | undefined, fallback: vscode.Uri): vscode.Uri {
  if (lastFolder && !isAnalysedFolder(vscode.Uri.file(lastFolder))) return vscode.Uri.file(lastFolder);
  const base = workspaceFolder ?? fallback;
  const exports = vscode.Uri.joinPath(base, '.marginalia', 'exports');
  return isAnalysedFolder(exports) ? vscode.Uri.joinPath(base, '..') : exports;
}

export { linkBaseFor } from '../../hosts/exportPipeline';

/** Opens a written report for reading: Markdown in VS Code's preview, HTML in a webview (without script). */
export async function openReport(format: ExportFormat, target: vscode.Uri): Promise<void> {
  if (format === 'report') {
    await vscode.commands.executeCommand('markdown.showPreview', target);
    return;
  }
  if (format !== 'report-html') return;
  const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
  const panel = vscode.window.createWebviewPanel('marginalia.report', path.basename(target.fsPath), vscode.ViewColumn.Active, { enableScripts: false, localResourceRoots: [] });
  panel.webview.html = html;
}
