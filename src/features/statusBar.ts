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
    item.tooltip = countsLabel(n('speaker'), n('date'), n('treaty'));
    // Without a label of its own, a screen reader reads the icon names: "person 1 calendar 12 law 11".
    item.accessibilityInformation = { label: item.tooltip };
    item.show();
  };

  return vscode.Disposable.from(item, followActiveDocument(model, update));
}

/**
 * Calls `update` now and whenever what a status-bar item about the active document shows may change: another
 * editor becomes active, the active document is re-indexed, or Marginalia's settings change.
 */
export function followActiveDocument(model: DocumentModelService, update: () => void): vscode.Disposable {
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    model.onDidUpdate((u) => {
      if (u.uri === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsMarginalia(e)) update();
    }),
  );
}

/** "1 speaker mention, 12 dates, 11 treaty mentions in this document": each count with its own singular. */
function countsLabel(speakers: number, dates: number, treaties: number): string {
  return vscode.l10n.t(
    '{0}, {1}, {2} in this document',
    speakers === 1 ? vscode.l10n.t('1 speaker mention') : vscode.l10n.t('{0} speaker mentions', speakers),
    dates === 1 ? vscode.l10n.t('1 date') : vscode.l10n.t('{0} dates', dates),
    treaties === 1 ? vscode.l10n.t('1 treaty mention') : vscode.l10n.t('{0} treaty mentions', treaties),
  );
}
