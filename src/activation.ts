/**
 * What both entry points do (extension.ts for the desktop, web/extension.ts for VS Code for the Web): build the
 * few long-lived objects (index, lexicons, document model, scanner) and combine the features' `register*()`
 * functions. Nothing else happens here; heavy work (the workspace scan) starts after activation returns. What
 * differs between the hosts (file access, the scan, the OS user) comes in an {@link EditorHost}; this file and
 * everything it imports stay free of Node built-ins, which the browser build checks.
 */
import type { ReanchorRunner } from './core/anchoring/backgroundReanchor';
import type { DocumentDate } from './core/recognizers/context';
import * as vscode from 'vscode';
import { WorkspaceIndex } from './core/index/workspaceIndex';
import { registerCommands, type Command } from './features/command';
import { DecorationController } from './features/decorations';
import { DocumentModelService } from './features/documentModel';
import { registerEntityViews } from './features/entityTreeView';
import { registerQuotesView } from './features/quotesView';
import { DeskData } from './core/desk/deskData';
import { registerSpeakerTreatyView } from './features/speakerTreatyView';
import { registerTimeline } from './features/timeline/timelinePanel';
import { annotationCommands, registerAnnotationCodeActions } from './features/annotations/annotationCommands';
import { AnnotationService } from './features/annotations/annotationService';
import { OrphanDiagnostics, orphanCommands, registerOrphanQuickFixes } from './features/sidecars/orphanDiagnostics';
import { registerOrphanView } from './features/sidecars/orphanView';
import { SidecarHost } from './features/sidecars/sidecarHost';
import type { SidecarPlaces } from './features/sidecars/sidecarPlaces';
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
import type { WorkspaceScanner } from './features/workspaceScanner';

/** What `activate` returns to other extensions (and tests): the model service, so sidecars can plug in. */
export interface MarginaliaApi {
  readonly model: DocumentModelService;
  readonly index: WorkspaceIndex;
  /** Sidecar files of the workspace's documents (manual annotations). */
  readonly sidecars: SidecarHost;
  /** The lexicon each document is analysed with, and what those analyses keep across documents. */
  readonly lexicons: LexiconService;
}

/** What the desktop and the web extension host do differently. */
export interface EditorHost {
  /** Where a workspace folder's sidecars are read and written. */
  readonly sidecarPlaces: SidecarPlaces;
  /** The author of new annotations when none is configured. */
  userName(): string | undefined;
  /** The workspace scan, where this host has one; without it the index holds the open documents. */
  createScanner?(model: DocumentModelService, log: (line: string) => void): WorkspaceScanner;
  /** Commands only this host has. */
  commands?(context: vscode.ExtensionContext, log: () => vscode.OutputChannel, lexicons: LexiconService): Command[];
  /** The date of a document's file when the user turned that source on; hosts without local files have none. */
  fileDate?(uri: vscode.Uri): DocumentDate | undefined;
  /** Where a large document's annotations are re-anchored off the editor's thread; without it, in this thread. */
  reanchorRunner?(log: (line: string) => void): { runner: ReanchorRunner; dispose(): void };
  /** Context keys and the like, registered with the views on the turn after activation. */
  afterViews?(): void;
}

export function activateMarginalia(context: vscode.ExtensionContext, host: EditorHost): MarginaliaApi {
  const started = performance.now();
  const timings = { activateMs: 0 };
  // First, so the settings cache is emptied before any feature's configuration listener reads it.
  context.subscriptions.push(watchSettings());
  const index = new WorkspaceIndex();
  const lexicons = new LexiconService();
  const model = new DocumentModelService(index, lexicons, host.fileDate && ((uri) => host.fileDate?.(uri)));
  // The output channel is created when first needed, not at activation.
  let channel: vscode.OutputChannel | undefined;
  const log = () => (channel ??= vscode.window.createOutputChannel('Marginalia'));
  const scanner = host.createScanner?.(model, (line) => log().appendLine(line));
  const decorations = new DecorationController(index, model);
  let entityViews: ReturnType<typeof registerEntityViews> | undefined;
  let quotesView: ReturnType<typeof registerQuotesView> | undefined;
  const reanchor = host.reanchorRunner?.((line) => log().appendLine(line));
  if (reanchor) context.subscriptions.push(reanchor);
  const sidecars = new SidecarHost(host.sidecarPlaces, reanchor?.runner);
  const annotations = new AnnotationService(sidecars, () => host.userName());
  // The quotes with their treaties, shared by the Quotes, speaker x treaty and timeline views.
  const desk = new DeskData(index);
  const timeline = registerTimeline(desk, model.onDidUpdate);

  context.subscriptions.push(
    new vscode.Disposable(() => channel?.dispose()),
    vscode.Disposable.from(
      sidecars,
      model.setReconciler(sidecars),
      new OrphanDiagnostics(sidecars, model),
      lexicons,
      model,
      ...(scanner ? [scanner] : []),
      decorations,
      timeline.disposable,
      registerCommands([
        timeline.command,
        new RevealMentionCommand(),
        new GoToEntityCommand(index, model, 1),
        new GoToEntityCommand(index, model, -1),
        ...highlightCommands(decorations),
        ...(host.commands?.(context, log, lexicons) ?? []),
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
  // message to the workbench (the tree views are the slowest), and nothing needs them before the first
  // document is analysed, which waits for the lexicon anyway. Commands stay above: one may have activated us.
  setTimeout(() => {
    entityViews = registerEntityViews(index, model, scanner);
    quotesView = registerQuotesView(index, model, desk);
    const speakerTreaties = registerSpeakerTreatyView(desk, model.onDidUpdate);
    const cursor = registerCursorContext(index, model);
    host.afterViews?.();
    context.subscriptions.push(
      entityViews.disposable,
      quotesView.disposable,
      speakerTreaties.disposable,
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
  }, 0);

  // The lexicon is read asynchronously; open documents are analysed once it arrives, then the workspace is
  // scanned in slices. Neither delays activation.
  void lexicons.ready().then(() => {
    model.start();
    return scanner?.rescan();
  });
  // A lexicon change re-links every document: open ones through the model, the others by a new scan.
  if (scanner) context.subscriptions.push(lexicons.onDidChange(() => void scanner.rescan()));
  // Without a scan the views' welcome says "nothing found" rather than "scanning" forever.
  else void vscode.commands.executeCommand('setContext', 'marginalia.scanned', true);
  timings.activateMs = performance.now() - started;
  return { model, index, sidecars, lexicons };
}

