/**
 * The document's date in the editor: a status-bar item that shows the date relative dates of the active document
 * are resolved against (and where it came from), and "Marginalia: Set Document Date...", which writes the
 * sidecar's `document.date` (undoable like an annotation change). Offered from the status bar and from a date's
 * hover card. A date the user sets beats every other source; clearing it goes back to the text or the path.
 */
import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { dateInWords } from '../core/model/dateWords';
import { isIsoDay } from '../core/recognizers/dates/calendar';
import { dateOriginWords } from '../core/model/dateOriginWords';
import type { AnnotationService } from './annotations/annotationService';
import type { Command } from './command';
import type { DocumentModelService } from './documentModel';
import { isServed } from './servedDocuments';
import { readSettings } from './settings';
import { followActiveDocument } from './statusBar';

export const SET_DOCUMENT_DATE = 'marginalia.setDocumentDate';
/**
 * The same, always through the input box: the only form a hover card's link may run, so that no link, however
 * made, can write a date without the user typing it. Not contributed, so not in the Command Palette.
 */
export const ASK_DOCUMENT_DATE = 'marginalia.askDocumentDate';

/**
 * Sets (or, given `''`, clears) the sidecar's document date of a document: the one named by `uri` (a URI string,
 * as hover links pass it), else the active editor's. `date` skips the input box (scripts and tests).
 */
export class SetDocumentDateCommand implements Command {
  readonly id = 'marginalia.setDocumentDate' as string;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly annotations: AnnotationService,
  ) {}

  async execute(uri?: unknown, given?: unknown): Promise<void> {
    const date = this.id === SET_DOCUMENT_DATE ? given : undefined;
    const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a document to set its date.'));
      return;
    }
    const current = this.index.document(target.toString())?.documentDate;
    const value =
      typeof date === 'string'
        ? date
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Document date'),
            prompt: vscode.l10n.t('The date relative dates ("yesterday", "on Monday") are resolved against, as YYYY-MM-DD. Empty: use the dateline, title or file name again.'),
            value: current?.value && isIsoDay(current.value) ? current.value : '',
            validateInput: (v) => (v.trim() === '' || isIsoDay(v.trim()) ? undefined : vscode.l10n.t('Write a date as YYYY-MM-DD, e.g. 2021-12-30.')),
          });
    if (value === undefined) return;
    const trimmed = value.trim();
    if (trimmed !== '' && !isIsoDay(trimmed)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" is not a date: write it as YYYY-MM-DD.', trimmed));
      return;
    }
    try {
      await this.annotations.setDocumentDate(target, trimmed === '' ? undefined : trimmed);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot set the document date: {0}', e instanceof Error ? e.message : String(e)));
    }
  }
}

/** {@link ASK_DOCUMENT_DATE}: always through the input box. */
export class AskDocumentDateCommand extends SetDocumentDateCommand {
  override readonly id = 'marginalia.askDocumentDate' as string;
}

/** The status-bar item with the active document's date; a click sets it. */
export function registerDocumentDateStatus(index: WorkspaceIndex, model: DocumentModelService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('marginalia.documentDate', vscode.StatusBarAlignment.Right, 99);
  item.name = vscode.l10n.t('Marginalia document date');
  item.command = SET_DOCUMENT_DATE;

  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !readSettings(editor.document.uri).statusBar || !isServed(editor.document)) {
      item.hide();
      return;
    }
    const date = index.document(editor.document.uri.toString())?.documentDate;
    if (date) {
      const words = dateInWords(date.value, undefined, vscode.l10n);
      item.text = `$(calendar) ${words}`;
      item.tooltip = vscode.l10n.t('Relative dates resolved against {0} ({1}), {2}. Click to set the document date.', words, date.value, dateOriginWords(date.source, vscode.l10n));
      item.accessibilityInformation = { label: vscode.l10n.t('Document date {0}, {1}', words, dateOriginWords(date.source, vscode.l10n)) };
    } else {
      item.text = `$(calendar) ${vscode.l10n.t('No document date')}`;
      item.tooltip = vscode.l10n.t('This document has no date, so relative dates ("yesterday", "on Monday") are not resolved. Click to set one.');
      item.accessibilityInformation = { label: vscode.l10n.t('No document date; relative dates are not resolved') };
    }
    item.show();
  };

  return vscode.Disposable.from(item, followActiveDocument(model, update));
}
