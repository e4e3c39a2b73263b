/**
 * Counts of the active document's entities in the status bar (speakers, dates, treaties); a click opens the
 * "This Document" view. Updated on the model's change event for the active document only.
 */
import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { DocumentModelService } from './documentModel';
import { isServed } from './servedDocuments';
import { affectsMarginalia, readSettings } from './settings';

export function registerStatusBar(index: WorkspaceIndex, model: DocumentModelService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('marginalia.counts', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Marginalia entity counts');
  item.command = 'marginalia.documentEntities.focus';

  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    const settings = readSettings(editor?.document.uri);
    if (!editor || !settings.statusBar || !isServed(editor.document)) {
      item.hide();
      return;
    }
    const counts = index.kindCounts(editor.document.uri.toString());
    const n = (k: 'speaker' | 'date' | 'treaty'): number => (settings.kinds.has(k) ? (counts.get(k) ?? 0) : 0);
    item.text = `$(person) ${n('speaker')}  $(calendar) ${n('date')}  $(law) ${n('treaty')}`;
    item.tooltip = vscode.l10n.t('{0} speaker mentions, {1} dates, {2} treaty mentions in this document', n('speaker'), n('date'), n('treaty'));
    item.show();
  };

  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    model.onDidUpdate((u) => {
      if (u.uri === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsMarginalia(e)) update();
    }),
  );
}
