/**
 * Moving between mentions: the reveal command (used by tree rows, hover-card links and references), and
 * Go to Next/Previous Entity in the active editor, which wrap around at the ends of the document.
 */
import * as vscode from 'vscode';
import { lastStartingAtOrBefore } from '../core/index/sortedMentions';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { Command } from './command';
import type { DocumentModelService } from './documentModel';
import { readSettings } from './settings';

/**
 * `marginalia.revealMention(uri, start, end)`: opens the document and selects the mention. Read-only, so hover
 * cards may link to it. Arguments are validated because hover links carry them as text.
 */
export class RevealMentionCommand implements Command {
  readonly id = 'marginalia.revealMention';

  async execute(uri: unknown, start: unknown, end: unknown): Promise<void> {
    if (typeof uri !== 'string' || typeof start !== 'number' || typeof end !== 'number' || start < 0 || end < start) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
    const selection = new vscode.Selection(document.positionAt(start), document.positionAt(end));
    const editor = await vscode.window.showTextDocument(document, { selection, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/** Go to the next (or previous) mention of an enabled kind after (before) the cursor. */
export class GoToEntityCommand implements Command {
  readonly id: string;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly model: DocumentModelService,
    private readonly direction: 1 | -1,
  ) {
    this.id = direction === 1 ? 'marginalia.nextEntity' : 'marginalia.previousEntity';
  }

  execute(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    this.model.ensureCurrent(editor.document);
    const doc = this.index.document(editor.document.uri.toString());
    const kinds = readSettings(editor.document.uri).kinds;
    const mentions = doc ? doc.mentions.filter((m) => kinds.has(m.kind)) : [];
    if (mentions.length === 0) {
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Marginalia: no entities in this document'), 3000);
      return;
    }
    const offset = editor.document.offsetAt(editor.selection.active);
    const anchor = editor.document.offsetAt(editor.selection.start);
    let target;
    if (this.direction === 1) {
      const i = lastStartingAtOrBefore(mentions, offset);
      target = mentions[i + 1] ?? mentions[0];
    } else {
      const i = lastStartingAtOrBefore(mentions, anchor - 1);
      target = mentions[i] ?? mentions[mentions.length - 1];
    }
    const selection = new vscode.Selection(editor.document.positionAt(target.start), editor.document.positionAt(target.end));
    editor.selection = selection;
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
