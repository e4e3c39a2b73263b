/**
 * Marginalia's entry point: builds the few long-lived objects (index, lexicons, document model, scanner) and
 * combines the features' `register*()` functions. Nothing else happens here; heavy work (the workspace scan)
 * starts after activation returns.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WorkspaceIndex } from './core/index/workspaceIndex';
import { registerCommands } from './features/command';
import { DecorationController } from './features/decorations';
import { DocumentModelService } from './features/documentModel';
import { registerEntityViews } from './features/entityTreeView';
import { registerQuotesView } from './features/quotesView';
import { annotationCommands, registerAnnotationCodeActions } from './features/annotations/annotationCommands';
import { AnnotationService } from './features/annotations/annotationService';
import { ExportAnnotationsCommand, registerExportContext } from './features/export/exportCommand';
import { OrphanDiagnostics, orphanCommands, registerOrphanQuickFixes } from './features/sidecars/orphanDiagnostics';
import { registerOrphanView } from './features/sidecars/orphanView';
import { SidecarHost } from './features/sidecars/sidecarHost';
import { highlightCommands } from './features/highlightCommands';
import { registerHoverProvider } from './features/hoverProvider';
import { registerServedContext } from './features/servedDocuments';
import { watchSettings } from './features/settings';
import { LexiconService } from './features/lexiconService';
import { GoToEntityCommand, RevealMentionCommand } from './features/navigation';
import { registerStatusBar } from './features/statusBar';
import { AskDocumentDateCommand, registerDocumentDateStatus, SetDocumentDateCommand } from './features/documentDate';
import { registerSymbolProviders } from './features/symbolProviders';
import { testApiCommands } from './features/testApi';
import { registerCursorContext } from './features/cursorContext';
import { WorkspaceScanner } from './features/workspaceScanner';
import { ScanWorkerClient } from './hosts/scanWorkerClient';
import { ReanchorWorkerClient } from './hosts/reanchorWorkerClient';

/** What `activate` returns to other extensions (and tests): the model service, so sidecars can plug in. */
export interface MarginaliaApi {
  readonly model: DocumentModelService;
  readonly index: WorkspaceIndex;
  /** Sidecar files of the workspace's documents (manual annotations). */
  readonly sidecars: SidecarHost;
}

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  const started = performance.now();
  const timings = { activateMs: 0 };
  // First, so the settings cache is emptied before any feature's configuration listener reads it.
  context.subscriptions.push(watchSettings());
  const index = new WorkspaceIndex();
  const lexicons = new LexiconService();
  const model = new DocumentModelService(index, lexicons);
  // The output channel is created when first needed, not at activation.
  let channel: vscode.OutputChannel | undefined;
  const log = () => (channel ??= vscode.window.createOutputChannel('Marginalia'));
  const scanWorker = new ScanWorkerClient(path.join(context.extensionPath, 'dist', 'scanWorker.js'), {
    onBroken: (e) => log().appendLine(`The scan worker stopped (${e.message}); the workspace is scanned in the editor's thread from now on.`),
  });
  const scanner = new WorkspaceScanner(model, scanWorker, (line) => log().appendLine(line));
  const decorations = new DecorationController(index, model);
  let entityViews: ReturnType<typeof registerEntityViews> | undefined;
  let quotesView: ReturnType<typeof registerQuotesView> | undefined;
  const reanchorWorker = new ReanchorWorkerClient(path.join(context.extensionPath, 'dist', 'reanchorWorker.js'), {
    onBroken: (e) => log().appendLine(`The re-anchoring worker stopped (${e.message}); annotations are placed in the editor's thread from now on.`),
  });
  const sidecars = new SidecarHost(reanchorWorker);
  const annotations = new AnnotationService(sidecars);

  context.subscriptions.push(
    new vscode.Disposable(() => channel?.dispose()),
    new vscode.Disposable(() => void reanchorWorker.stop()),
    vscode.Disposable.from(
      sidecars,
      model.setReconciler(sidecars),
      new OrphanDiagnostics(sidecars, model),
      lexicons,
      model,
      scanner,
      decorations,
      registerCommands([
        new RevealMentionCommand(),
        new GoToEntityCommand(index, model, 1),
        new GoToEntityCommand(index, model, -1),
        ...highlightCommands(decorations),
        new ExportAnnotationsCommand(context.workspaceState, log),
        ...annotationCommands(annotations, sidecars, index, model),
        new SetDocumentDateCommand(index, annotations),
        new AskDocumentDateCommand(index, annotations),
        ...orphanCommands(sidecars),
        ...testApiCommands(index, model, scanner, decorations, () => entityViews?.views, () => quotesView?.provider, timings),
        {
          id: 'marginalia.showVersion',
          execute: () => vscode.window.showInformationMessage(`Marginalia ${String(context.extension.packageJSON.version)}`),
        },
      ]),
    ),
  );

  // Views, language features, the status bar and menu context are registered on the next turn: each is a
  // message to the workbench (the two tree views alone took ~12 ms), and nothing needs them before the first
  // document is analysed, which waits for the lexicon anyway. Commands stay above: one may have activated us.
  setImmediate(() => {
    entityViews = registerEntityViews(index, model, scanner);
    quotesView = registerQuotesView(index, model);
    const cursor = registerCursorContext(index, model);
    registerExportContext();
    context.subscriptions.push(
      entityViews.disposable,
      quotesView.disposable,
      registerServedContext(),
      cursor.disposable,
      registerCommands([cursor.command]),
      registerHoverProvider(index, model),
      registerSymbolProviders(index, model, lexicons),
      registerStatusBar(index, model),
      registerDocumentDateStatus(index, model),
      registerAnnotationCodeActions(index, sidecars),
      registerOrphanQuickFixes(sidecars),
      registerOrphanView(sidecars, model),
    );
  });

  // The lexicon is read asynchronously; open documents are analysed once it arrives, then the workspace is
  // scanned in slices. Neither delays activation.
  void lexicons.ready().then(() => {
    model.start();
    return scanner.rescan();
  });
  // A lexicon change re-links every document: open ones through the model, the others by a new scan.
  context.subscriptions.push(lexicons.onDidChange(() => void scanner.rescan()));
  timings.activateMs = performance.now() - started;
  return { model, index, sidecars };
}

export function deactivate(): void {}

