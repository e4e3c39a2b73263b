/**
 * Context keys for what is under the cursor of the active editor, so that the editor's context menu (the
 * Marginalia submenu) offers only the commands that apply there: edit, change kind or delete on a manual
 * annotation, accept or reject on an automatic entity, link on either. Set only when a value changes.
 */
import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { Command } from './command';
import type { DocumentModelService } from './documentModel';

export interface CursorContext {
  'marginalia.atManualAnnotation': boolean;
  'marginalia.atAutomaticEntity': boolean;
}

export function registerCursorContext(index: WorkspaceIndex, model: DocumentModelService): { disposable: vscode.Disposable; command: Command } {
  const current: CursorContext = { 'marginalia.atManualAnnotation': false, 'marginalia.atAutomaticEntity': false };
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    const uri = editor?.document.uri.toString();
    const mention = editor && uri ? index.mentionAt(uri, editor.document.offsetAt(editor.selection.active))?.mention : undefined;
    const next: CursorContext = {
      'marginalia.atManualAnnotation': mention?.source === 'manual',
      'marginalia.atAutomaticEntity': mention?.source === 'auto',
    };
    for (const key of Object.keys(next) as (keyof CursorContext)[]) {
      if (next[key] === current[key]) continue;
      current[key] = next[key];
      void vscode.commands.executeCommand('setContext', key, next[key]);
    }
  };
  const disposable = vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    model.onDidUpdate((u) => {
      if (u.uri === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
  );
  update();
  // For the tests: VS Code cannot read a context key back.
  const command: Command = { id: 'marginalia.internal.cursorContext', execute: () => ({ ...current }) };
  return { disposable, command };
}
