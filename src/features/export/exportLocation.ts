/**
 * Where an export goes by default, and what is opened after a report is written. An export written among the
 * documents Marginalia analyses is then analysed itself (a report's dates and quotes counted again, found by
 * references and symbol search), so the save dialog starts in a folder Marginalia does not read: the last folder
 * used when it is one of those, else `.marginalia/exports` in the workspace, which the default
 * `marginalia.files.exclude` leaves out of the scan (as it does the sidecars beside it).
 */
import * as vscode from 'vscode';
import type { ExportFormat } from '../../core/export/types';
import { matchesGlob } from '../servedDocuments';
import { readSettings } from '../settings';
import { uriBasename } from '../uriPaths';

/** True when a file written in `folder` would be analysed: inside the workspace, in the scan's glob, not excluded. */
export function isAnalysedFolder(folder: vscode.Uri, fileName = 'marginalia-report.md'): boolean {
  const probe = vscode.Uri.joinPath(folder, fileName);
  if (!vscode.workspace.getWorkspaceFolder(probe)) return false;
  const s = readSettings(probe);
  return matchesGlob(probe, [s.scanGlob]) && !matchesGlob(probe, s.excludeGlobs);
}

/**
 * The folder the save dialog starts in (see the comment at the top). `lastFolder`: the last one used, as a Uri
 * string (or a local path, as earlier versions kept it).
 */
export function suggestedExportFolder(lastFolder: string | undefined, workspaceFolder: vscode.Uri | undefined, fallback: vscode.Uri): vscode.Uri {
  const last = lastFolder ? (/^[a-z][\w+.-]+:\/\//i.test(lastFolder) ? vscode.Uri.parse(lastFolder) : vscode.Uri.file(lastFolder)) : undefined;
  if (last && !isAnalysedFolder(last)) return last;
  const base = workspaceFolder ?? fallback;
  const exports = vscode.Uri.joinPath(base, '.marginalia', 'exports');
  return isAnalysedFolder(exports) ? vscode.Uri.joinPath(base, '..') : exports;
}

/**
 * The way from the folder a report is written to back to the export root, as a link prefix (`../samples/`);
 * the root's Uri when no relative link reaches it (another scheme or authority).
 */
export function linkBaseFor(reportFolder: vscode.Uri, root: vscode.Uri): string {
  if (reportFolder.scheme !== root.scheme || reportFolder.authority !== root.authority) return `${root.toString()}/`;
  const from = reportFolder.path.split('/').filter(Boolean);
  const to = root.path.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const rel = [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
  return rel === '' ? '' : `${rel}/`;
}

/** Opens a written report for reading: Markdown in VS Code's preview, HTML in a webview (without script). */
export async function openReport(format: ExportFormat, target: vscode.Uri): Promise<void> {
  if (format === 'report') {
    await vscode.commands.executeCommand('markdown.showPreview', target);
    return;
  }
  if (format !== 'report-html') return;
  const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
  const panel = vscode.window.createWebviewPanel('marginalia.report', uriBasename(target), vscode.ViewColumn.Active, { enableScripts: false, localResourceRoots: [] });
  panel.webview.html = html;
}
