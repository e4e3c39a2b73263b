/**
 * Hover cards for mentions. The card is built from the {@link WorkspaceIndex} alone (a binary search plus a few
 * lookups), never by re-running recognizers. It is untrusted Markdown: no HTML, no theme icons, and only the
 * read-only reveal command may run from its links.
 */
import * as vscode from 'vscode';
import { buildHoverCard } from '../core/index/hoverCard';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { DocumentModelService } from './documentModel';
import { ASK_DOCUMENT_DATE } from './documentDate';
import { FILTER_QUOTES } from './quotesView';
import { documentName, servedSelector } from './servedDocuments';
import { readSettings } from './settings';

/**
 * The only commands a hover card's links may run: read-only navigation (a mention, a person's quotes in the
 * Quotes view), and the document-date input box (which writes nothing unless the user types a date).
 */
export const HOVER_COMMANDS: readonly string[] = ['marginalia.revealMention', FILTER_QUOTES, ASK_DOCUMENT_DATE];

export class MentionHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly model: DocumentModelService,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    await this.model.whenCurrent(document);
    const uri = document.uri.toString();
    const ref = this.index.mentionAt(uri, document.offsetAt(position));
    if (!ref || !readSettings(document.uri).kinds.has(ref.mention.kind)) return undefined;
    const markdown = new vscode.MarkdownString(
      buildHoverCard(this.index, ref, {
        documentName,
        revealCommand: 'marginalia.revealMention',
        setDocumentDateCommand: ASK_DOCUMENT_DATE,
        allQuotesCommand: FILTER_QUOTES,
        l10n: vscode.l10n,
      }),
      false,
    );
    markdown.supportHtml = false;
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    const range = new vscode.Range(document.positionAt(ref.mention.start), document.positionAt(ref.mention.end));
    return new vscode.Hover(markdown, range);
  }
}

/** Registers the hover provider for served documents (re-registered when the served languages change). */
export function registerHoverProvider(index: WorkspaceIndex, model: DocumentModelService): vscode.Disposable {
  return reRegistering(() => vscode.languages.registerHoverProvider(servedSelector(), new MentionHoverProvider(index, model)));
}

/**
 * Keeps a provider registered with the current document selector: VS Code fixes a provider's selector at
 * registration, so a change of `marginalia.files.*` disposes and registers it again. `renewOn`, when given, is
 * another event that registers it again: the stable API has no change event for document symbols, and VS Code
 * caches a document's symbols until its text changes or the providers change.
 */
export function reRegistering(register: () => vscode.Disposable, renewOn?: vscode.Event<unknown>): vscode.Disposable {
  let current = register();
  const again = (): void => {
    current.dispose();
    current = register();
  };
  const listeners = [
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('marginalia.files.languages') || e.affectsConfiguration('marginalia.files.include')) again();
    }),
    ...(renewOn ? [renewOn(again)] : []),
  ];
  return new vscode.Disposable(() => {
    for (const l of listeners) l.dispose();
    current.dispose();
  });
}
