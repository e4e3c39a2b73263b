/**
 * Annotations that no longer anchor (their quote was deleted or rewritten) are never dropped: each is a
 * warning in the Problems panel on its document, at its last known position, saying what it quoted and why it
 * is lost, with quick fixes: re-attach it to the current selection, or delete it. A sidecar that fails to load
 * is an error on the document's first line naming the sidecar file, line and problem.
 */
import * as vscode from 'vscode';
import type { Orphan } from '../../core/anchoring/reanchor';
import { withSelectors } from '../../core/anchoring/reanchor';
import type { Annotation } from '../../core/model/annotation';
import { basename } from '../../core/ports/fileSystem';
import type { DocumentModelService } from '../documentModel';
import type { Command } from '../command';
import { kindNoun } from '../kindNames';
import { servedSelector } from '../servedDocuments';
import type { SidecarHost } from './sidecarHost';
import { orphanMessage } from '../../core/anchoring/orphanWords';

export const ORPHAN_CODE = 'marginalia.orphan';
export const SIDECAR_ERROR_CODE = 'marginalia.sidecarError';

export class OrphanDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('marginalia');
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly sidecars: SidecarHost,
    model: DocumentModelService,
  ) {
    this.subscriptions = [
      this.collection,
      model.onDidUpdate((u) => {
        // Most updates (every file of a scan) concern a document with nothing to show and nothing shown.
        if (this.shown.has(u.uri) || this.sidecars.viewOf(u.uri)?.orphans.length || this.sidecars.loaded(u.uri)?.state === 'failed') {
          void this.refresh(vscode.Uri.parse(u.uri));
        }
      }),
    ];
  }

  /** Documents that have diagnostics in the collection now. */
  private readonly shown = new Set<string>();

  /** The diagnostics of one document, from its last reconciled view and its sidecar's load state. */
  async refresh(uri: vscode.Uri): Promise<void> {
    const view = this.sidecars.viewOf(uri);
    // Only a loaded sidecar (the model loads one before indexing): refreshing must not load one per document.
    const file = this.sidecars.loaded(uri);
    const diagnostics: vscode.Diagnostic[] = [];
    if (file?.state === 'failed') {
      const d = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        vscode.l10n.t('Marginalia cannot read {0}: {1}. Its annotations are kept on disk untouched until it is fixed.', basename(file.path), file.problems.join('; ')),
        vscode.DiagnosticSeverity.Error,
      );
      d.source = 'Marginalia';
      d.code = SIDECAR_ERROR_CODE;
      diagnostics.push(d);
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    for (const orphan of view?.orphans ?? []) diagnostics.push(orphanDiagnostic(orphan, document));
    if (diagnostics.length === 0 && !this.collection.has(uri)) return;
    this.collection.set(uri, diagnostics);
    if (diagnostics.length > 0) this.shown.add(uri.toString());
    else this.shown.delete(uri.toString());
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

function orphanDiagnostic(orphan: Orphan<Annotation>, document: vscode.TextDocument | undefined): vscode.Diagnostic {
  const a = orphan.item;
  const pos = a.selectors.position;
  const range = document
    ? new vscode.Range(document.positionAt(Math.min(pos.start, document.getText().length)), document.positionAt(Math.min(pos.start, document.getText().length)))
    : new vscode.Range(0, 0, 0, 0);
  const d = new vscode.Diagnostic(
    range,
    a.note
      ? vscode.l10n.t('Orphaned {0} annotation "{1}" (note: {2}): {3}', a.label ?? kindNoun(a.kind), a.selectors.quote.exact, a.note, orphanMessage(orphan, a.selectors.quote.exact, vscode.l10n))
      : vscode.l10n.t('Orphaned {0} annotation "{1}": {2}', a.label ?? kindNoun(a.kind), a.selectors.quote.exact, orphanMessage(orphan, a.selectors.quote.exact, vscode.l10n)),
    vscode.DiagnosticSeverity.Warning,
  );
  d.source = 'Marginalia';
  d.code = { value: ORPHAN_CODE, target: vscode.Uri.parse(`marginalia:orphan/${a.id}`) };
  return d;
}

/**
 * Quick fixes: on an orphan's diagnostic, delete it, or re-attach it to one of the places it fits equally well
 * (when re-anchoring could not choose); on any selection in a document with orphans, re-attach one of them there
 * (the user selects where the text went, as brat and Hypothesis users pick a new anchor).
 */
export class OrphanQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly sidecars: SidecarHost) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const uri = document.uri.toString();
    const diagnostics = new Map(context.diagnostics.map((d) => [orphanId(d), d] as const));
    if (!range.isEmpty) {
      for (const orphan of this.sidecars.viewOf(document.uri)?.orphans ?? []) {
        const a = orphan.item;
        const attach = new vscode.CodeAction(vscode.l10n.t('Marginalia: Re-attach the orphaned annotation "{0}" to the selection', a.selectors.quote.exact), vscode.CodeActionKind.QuickFix);
        const d = diagnostics.get(a.id);
        if (d) attach.diagnostics = [d];
        attach.command = {
          title: attach.title,
          command: 'marginalia.reattachOrphan',
          arguments: [{ uri, id: a.id, start: document.offsetAt(range.start), end: document.offsetAt(range.end) }],
        };
        actions.push(attach);
      }
    }
    for (const [id, d] of diagnostics) {
      if (!id) continue;
      // An orphan that fits several places equally well: offer each of them.
      const orphan = this.sidecars.viewOf(document.uri)?.orphans.find((o) => o.item.id === id);
      for (const c of orphan?.candidates ?? []) {
        const line = document.positionAt(c.start).line + 1;
        const attach = new vscode.CodeAction(vscode.l10n.t('Marginalia: Re-attach the orphaned annotation "{0}" to line {1}', orphan?.item.selectors.quote.exact ?? '', line), vscode.CodeActionKind.QuickFix);
        attach.diagnostics = [d];
        attach.command = { title: attach.title, command: 'marginalia.reattachOrphan', arguments: [{ uri, id, start: c.start, end: c.end }] };
        actions.push(attach);
      }
      const remove = new vscode.CodeAction(vscode.l10n.t('Marginalia: Delete the orphaned annotation'), vscode.CodeActionKind.QuickFix);
      remove.diagnostics = [d];
      remove.command = { title: remove.title, command: 'marginalia.deleteOrphan', arguments: [{ uri, id }] };
      actions.push(remove);
    }
    return actions;
  }
}

function orphanId(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (typeof code !== 'object' || code.value !== ORPHAN_CODE) return undefined;
  return code.target.path.replace(/^orphan\//, '');
}

/** The commands behind the quick fixes (also usable with `{uri, id, start, end}` from scripts). */
export function orphanCommands(sidecars: SidecarHost): Command[] {
  const find = (uri: string, id: string) => sidecars.viewOf(uri)?.orphans.find((o) => o.item.id === id)?.item;
  return [
    {
      id: 'marginalia.reattachOrphan',
      execute: async (args: unknown) => {
        const { uri, id, start, end } = args as { uri: string; id: string; start: number; end: number };
        const orphan = find(uri, id);
        if (!orphan) return;
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
        const annotation = { ...withSelectors(orphan, document.getText(), start, end), modified: new Date().toISOString() };
        await sidecars.applyAndSave(vscode.Uri.parse(uri), [{ type: 'putAnnotation', annotation }]).catch(showError);
      },
    },
    {
      id: 'marginalia.deleteOrphan',
      execute: async (args: unknown) => {
        const { uri, id } = args as { uri: string; id: string };
        if (!find(uri, id)) return;
        await sidecars.applyAndSave(vscode.Uri.parse(uri), [{ type: 'removeAnnotation', id }]).catch(showError);
      },
    },
  ];
}

function showError(e: unknown): void {
  void vscode.window.showErrorMessage(vscode.l10n.t('Marginalia: {0}', e instanceof Error ? e.message : String(e)));
}

export function registerOrphanQuickFixes(sidecars: SidecarHost): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(servedSelector(), new OrphanQuickFixes(sidecars), { providedCodeActionKinds: OrphanQuickFixes.kinds });
}
