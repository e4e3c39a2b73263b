/**
 * Keeps the {@link WorkspaceIndex} current for documents open in the editor: analyses a document when it opens,
 * re-analyses it (only the edited paragraphs, through {@link DocumentAnalyzer}'s block cache) shortly after each
 * burst of typing, and fires exactly one {@link DocumentModelService.onDidUpdate} per document update. Features
 * never run recognizers: they read the index and listen to this event.
 *
 * Manual annotations (sidecars) join through a {@link MentionReconciler}: it receives the automatic result and
 * returns the mentions the document shows (manual wins, rejected automatic mentions removed).
 */
import * as vscode from 'vscode';
import type { AnalysisResult, DocumentAnalyzer } from '../core/analyze';
import type { Mention } from '../core/model/mention';
import { documentAnalyzer, reconciledView } from '../core/documentPipeline';
import type { DocumentView } from '../core/model/documentView';
import type { DocumentDate } from '../core/recognizers/context';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { ColdParts } from '../core/index/coldDocument';
import type { Lexicon } from '../core/lexicon/lexicon';
import { editDelay, EDIT_DEBOUNCE_MS, keystrokeDelay } from './keystrokeDelay';
import type { DocumentUpdate, MentionReconciler, ModelStats, UpdateReason } from './documentUpdates';
import { afterShown, firstSeen, lazySteps, opensInSteps, stepInSlices, type Opening } from './openInSteps';
import type { LexiconService } from './lexiconService';
import { isServed } from './servedDocuments';
import { affectsMarginalia } from './settings';

export type { DocumentUpdate, MentionReconciler, ModelStats, UpdateReason } from './documentUpdates';

interface Tracked {
  document: vscode.TextDocument;
  analyzer: DocumentAnalyzer;
  /** The sidecar's document date the analyzer was made with: a new one needs a new analyzer. */
  givenDate: string | undefined;
  analysedVersion: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Moving average of what an edit update of this document costs (analysis, index, listeners), in ms. */
  editCostMs: number;
  /** When the document last changed (performance.now()), to tell a lone keystroke from a burst. */
  lastChangeAt: number;
  /** The first analysis of a long document while it runs in steps. */
  opening?: Opening;
}

export class DocumentModelService implements vscode.Disposable {
  private readonly tracked = new Map<string, Tracked>();
  private readonly updated = new vscode.EventEmitter<DocumentUpdate>();
  private readonly closed = new vscode.EventEmitter<vscode.Uri>();
  private readonly firstParts = new Map<string, readonly Mention[]>();
  private readonly firstPartShown = new vscode.EventEmitter<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private reconciler: MentionReconciler | undefined;
  private started = false;
  private reconcilerSubscription: vscode.Disposable | undefined;
  readonly stats: ModelStats = { lastAnalysisMs: 0, lastAnalyzeOnlyMs: 0, lastPath: undefined, lastUri: undefined, updates: 0 };

  /** The indexed documents inside `folder`: a folder deleted as a whole is reported as itself only. */
  indexedUnder(folder: vscode.Uri): vscode.Uri[] {
    const prefix = `${folder.toString()}/`;
    return this.index
      .uris()
      .filter((u) => u.startsWith(prefix))
      .map((u) => vscode.Uri.parse(u));
  }

  /** One event per document update, after the index holds the new state. */
  readonly onDidUpdate = this.updated.event;
  /** A served document was closed in the editor; the workspace scanner decides whether to keep it indexed. */
  readonly onDidClose = this.closed.event;
  /** The part of a long document the user sees first is analysed (see {@link firstPartOf}); with its URI string. */
  readonly onDidAnalyseFirstPart = this.firstPartShown.event;

  /** While a long document opens, the main-layer mentions of the part seen first (see openInSteps.ts), for decorations. */
  firstPartOf(uri: string): readonly Mention[] | undefined {
    return this.firstParts.get(uri);
  }

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly lexicons: LexiconService,
    /** The file's own date, in hosts that can read one (src/features/fileDocumentDate.ts): the last source tried. */
    private readonly fileDate: (uri: vscode.Uri) => DocumentDate | undefined = () => undefined,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.track(d), this),
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e), this),
      vscode.workspace.onDidCloseTextDocument((d) => this.untrack(d), this),
      lexicons.onDidChange(() => this.reanalyseAll('lexicon'), this),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsMarginalia(e, 'files')) this.retrackAll();
        else if (affectsMarginalia(e, 'documentDate.fromFile')) this.reanalyseAll('settings');
      }, this),
    );
  }

  /**
   * Starts following open documents. Called once the lexicons are loaded, so a document opened at startup is
   * analysed once, with the right lexicon, rather than twice.
   */
  start(): void {
    this.started = true;
    for (const d of vscode.workspace.textDocuments) this.track(d);
  }

  /**
   * Plugs in the source of manual mentions. Re-analyses every open document through it; returns a Disposable
   * that unplugs it.
   */
  setReconciler(reconciler: MentionReconciler): vscode.Disposable {
    this.reconcilerSubscription?.dispose();
    this.reconciler = reconciler;
    this.reconcilerSubscription = reconciler.onDidChange((uri) => {
      if (uri === undefined) this.reanalyseAll('manual');
      else {
        const t = this.tracked.get(uri);
        if (t && this.reconciler?.documentDateFor?.(t.document.uri) !== t.givenDate) this.renewAnalyzer(t);
        if (t) this.analyseNow(t, 'manual', true);
        else this.reindex(uri);
      }
    });
    this.reanalyseAll('manual');
    return new vscode.Disposable(() => {
      if (this.reconciler !== reconciler) return;
      this.reconciler = undefined;
      this.reconcilerSubscription?.dispose();
      this.reanalyseAll('manual');
    });
  }

  /** True when the model follows this document's live buffer (it is open and served). */
  isTracked(uri: vscode.Uri | string): boolean {
    return this.tracked.has(uri.toString());
  }

  /** The debounce a keystroke in this tracked document waits now (see {@link editDelay}). */
  editDelayFor(uri: string): number | undefined {
    const t = this.tracked.get(uri);
    return t ? editDelay(t.editCostMs) : undefined;
  }

  /**
   * The file date of `uri` arrived or changed (a host that reads it asynchronously, web/webFileDate.ts): an
   * open document is analysed again with it.
   */
  fileDateChanged(uri: vscode.Uri): void {
    const t = this.tracked.get(uri.toString());
    if (!t) return;
    this.renewAnalyzer(t);
    this.analyseNow(t, 'settings', true);
  }

  /** Makes sure the index reflects the document's current text (runs a pending debounced update now). */
  ensureCurrent(document: vscode.TextDocument): void {
    const t = this.tracked.get(document.uri.toString());
    if (t && t.analysedVersion !== document.version) this.analyseNow(t, t.analysedVersion < 0 ? 'open' : 'edit', false);
  }

  /** {@link ensureCurrent} for what the editor asks as it opens a document: a first analysis is awaited, not forced. */
  async whenCurrent(document: vscode.TextDocument): Promise<void> {
    for (let t = this.tracked.get(document.uri.toString()); t?.opening && t.analysedVersion !== document.version; ) await t.opening.done;
    this.ensureCurrent(document);
  }

  /** Analyses a text that is not open (a workspace file read from disk) into the index. */
  indexText(uri: vscode.Uri, text: string, reason: UpdateReason = 'scan', bytes?: Uint8Array): void {
    if (this.tracked.has(uri.toString())) return;
    const started = performance.now();
    const auto = this.newAnalyzer(uri).analyze(text);
    this.stats.lastAnalyzeOnlyMs = performance.now() - started;
    this.store(uri, text, auto, reason, started, { cold: true, bytes });
  }

  /**
   * The lexicon to analyse `uri` with when it can be analysed on its own as a document that is not open, in the
   * scan worker (see analyzeCold): not open, no manual data to reconcile and no document date from one; else
   * undefined. Call after {@link prepare}.
   */
  coldAnalysisLexicon(uri: vscode.Uri): Lexicon | undefined {
    if (this.tracked.has(uri.toString()) || !this.hasNoManualData(uri) || this.reconciler?.documentDateFor?.(uri) !== undefined) return undefined;
    return this.lexicons.lexiconFor(uri);
  }

  /** Indexes a document the scan worker analysed (see {@link coldAnalysisLexicon}); skipped if it was opened meanwhile. */
  indexScanned(uri: vscode.Uri, parts: ColdParts, bytes: Uint8Array): void {
    if (this.tracked.has(uri.toString())) return;
    this.stats.lastAnalyzeOnlyMs = 0;
    this.put(uri, 'scan', performance.now(), bytes, parts);
  }

  /**
   * {@link indexText} for a long text, recognised in steps: `pause` is asked after each block and returns a
   * promise when the caller's time slice is spent. Skipped if the document was opened meanwhile.
   */
  async indexTextInSteps(uri: vscode.Uri, text: string, pause: () => Promise<void> | undefined, bytes?: Uint8Array): Promise<void> {
    if (this.tracked.has(uri.toString())) return;
    const auto = await this.newAnalyzer(uri).analyzeInSteps(text, pause);
    // Linking the whole text was one step; indexing it is another (a megabyte's mentions take tens of ms each).
    const waiting = pause();
    if (waiting) await waiting;
    if (this.tracked.has(uri.toString())) return;
    const started = performance.now();
    this.store(uri, text, auto, 'scan', started, { cold: true, bytes });
  }

  /** Indexes again, from the text the index holds, a document that is not open (its sidecar changed). */
  private reindex(uri: string): void {
    const doc = this.index.document(uri);
    if (doc) this.indexText(vscode.Uri.parse(uri), doc.text, 'manual');
  }

  /** Waits until the reconciler has what it needs for `uri` (its sidecar); failures are left to reconcile. */
  async prepare(uri: vscode.Uri): Promise<void> {
    await this.reconciler?.prepare?.(uri).catch(() => undefined);
  }

  /** Removes a document from the index (deleted, excluded). */
  remove(uri: vscode.Uri | string): void {
    const key = uri.toString();
    if (this.tracked.has(key)) return;
    if (this.index.removeDocument(key)) this.updated.fire({ uri: key, reason: 'remove' });
  }

  /** Resolves when no debounced update is pending (tests and the benchmark wait on it). */
  async whenIdle(): Promise<void> {
    for (let i = 0; i < 200 && [...this.tracked.values()].some((t) => t.timer !== undefined || t.opening !== undefined); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private track(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.started || this.tracked.has(key) || !isServed(document)) return;
    const t: Tracked = { document, analyzer: this.newAnalyzer(document.uri), givenDate: this.reconciler?.documentDateFor?.(document.uri), analysedVersion: -1, timer: undefined, editCostMs: EDIT_DEBOUNCE_MS, lastChangeAt: -Infinity };
    this.tracked.set(key, t);
    // On the next turn, not inside VS Code's open event: the open (and the workbench showing the editor) goes on
    // meanwhile. A feature that needs the result first awaits it (whenCurrent) or gets it at once (ensureCurrent).
    t.timer = setTimeout(() => {
      t.timer = undefined;
      if (opensInSteps(document)) this.open(t);
      else this.analyseNow(t, 'open', true);
    }, 0);
  }

  /**
   * A long document's first analysis in steps (see openInSteps.ts), the part seen first first; or, when the index
   * holds the scan's analysis of this text, that shows and this waits for the open to be over. Edits wait for it.
   */
  private open(t: Tracked): void {
    const { analyzer, document } = t;
    const key = document.uri.toString();
    const text = document.getText();
    // The index holds an analysis of exactly this text (the scan's: the file is unchanged since).
    const held = this.index.document(key);
    const indexed = held !== undefined && held.length === text.length && held.text === text;
    if (indexed) t.analysedVersion = document.version;
    const first = indexed || !this.hasNoManualData(document.uri) ? undefined : firstSeen(document);
    const opening: Opening = { analyzer, steps: lazySteps(() => analyzer.steps(text, first)), text, version: document.version, started: performance.now() };
    t.opening = opening;
    opening.done = (async () => {
      if (indexed) {
        await afterShown(document);
        opening.started = performance.now();
      } else if (first) {
        this.firstParts.set(key, opening.steps.firstMentions());
        this.firstPartShown.fire(key);
      }
      if (await stepInSlices(opening.steps, () => t.opening === opening)) this.finishOpening(t);
    })().finally(() => {
      if (t.opening === opening) t.opening = undefined; // also when it failed: later edits do not wait for it
    });
  }

  /** Ends a long document's first analysis now: the steps left run in one go, and it goes on to the current text. */
  private finishOpening(t: Tracked): void {
    const opening = t.opening;
    if (!opening) return;
    t.opening = undefined;
    if (this.tracked.get(t.document.uri.toString()) !== t || t.analyzer !== opening.analyzer) return;
    const auto = opening.steps.finish();
    this.stats.lastPath = 'full';
    // Edited meanwhile: the analyzer goes on from the opened text, re-recognising only what the edits touched.
    if (t.document.version !== opening.version) return this.analyseNow(t, 'edit', true);
    t.analysedVersion = opening.version;
    this.store(t.document.uri, opening.text, auto, 'open', opening.started);
  }

  private untrack(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const t = this.tracked.get(key);
    if (!t) return;
    if (t.timer) clearTimeout(t.timer);
    t.opening = undefined;
    this.tracked.delete(key);
    this.firstParts.delete(key);
    if (document.uri.scheme === 'untitled') this.remove(key);
    else this.closed.fire(document.uri);
  }

  private retrackAll(): void {
    for (const t of [...this.tracked.values()]) {
      if (!isServed(t.document)) {
        this.untrack(t.document);
        this.remove(t.document.uri);
      }
    }
    for (const d of vscode.workspace.textDocuments) this.track(d);
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const t = this.tracked.get(e.document.uri.toString());
    if (!t) return;
    if (t.timer) clearTimeout(t.timer);
    const now = performance.now();
    const delay = keystrokeDelay(editDelay(t.editCostMs), now - t.lastChangeAt);
    t.lastChangeAt = now;
    t.timer = setTimeout(() => {
      t.timer = undefined;
      // A long document still opening: its first analysis goes on to this edit when it ends.
      if (t.opening) return;
      const started = performance.now();
      this.analyseNow(t, 'edit', false);
      t.editCostMs = 0.7 * t.editCostMs + 0.3 * (performance.now() - started);
    }, delay);
  }

  private reanalyseAll(reason: UpdateReason): void {
    for (const t of this.tracked.values()) {
      this.renewAnalyzer(t);
      this.analyseNow(t, reason, true);
    }
  }

  private renewAnalyzer(t: Tracked): void {
    t.analyzer = this.newAnalyzer(t.document.uri);
    t.givenDate = this.reconciler?.documentDateFor?.(t.document.uri);
  }

  /** Analyses with the derived layers always: the index keeps the quotes of documents that are not open too. */
  private newAnalyzer(uri: vscode.Uri): DocumentAnalyzer {
    const date = this.reconciler?.documentDateFor?.(uri);
    return documentAnalyzer({
      lexicon: this.lexicons.lexiconFor(uri),
      sidecar: date ? { document: { date } } : undefined,
      path: uri.path,
      fileDate: this.fileDate(uri),
      cache: this.lexicons.analysisCache,
    });
  }

  /** No sidecar gives the document manual data to reconcile (it can then be analysed on its own, in the worker). */
  private hasNoManualData(uri: vscode.Uri): boolean {
    const reconciler = this.reconciler;
    if (!reconciler) return true;
    return reconciler.hasManualData ? !reconciler.hasManualData(uri) : false;
  }

  private analyseNow(t: Tracked, reason: UpdateReason, force: boolean): void {
    if (t.timer) {
      clearTimeout(t.timer);
      t.timer = undefined;
    }
    if (t.opening) this.finishOpening(t);
    if (!force && t.analysedVersion === t.document.version) return;
    const started = performance.now();
    const text = t.document.getText();
    t.analysedVersion = t.document.version;
    const auto = t.analyzer.analyze(text);
    this.stats.lastPath = t.analyzer.lastPath;
    this.store(t.document.uri, text, auto, reason, started);
  }

  /**
   * Reconciles and indexes a result; `cold` for a document that is not open, with the bytes its text was decoded
   * from when there are (see `keep` of WorkspaceIndex.setDocument).
   */
  private store(uri: vscode.Uri, text: string, auto: AnalysisResult, reason: UpdateReason, started: number, notOpen?: { cold: true; bytes?: Uint8Array }): void {
    const view: DocumentView = this.reconciler ? this.reconciler.reconcile(uri, text, auto) : reconciledView(text, auto, undefined);
    this.put(uri, reason, started, text, view, notOpen);
  }

  /**
   * The model's one way into the index: a document's view with its text (open, or kept cold), or the parts of a
   * closed document the scan worker made with its bytes. Then records the update, begun at `started`, and tells
   * the views.
   */
  private put(uri: vscode.Uri, reason: UpdateReason, started: number, text: string | Uint8Array, shown: DocumentView | ColdParts, keep?: { cold: true; bytes?: Uint8Array }): void {
    const key = uri.toString();
    this.firstParts.delete(key);
    this.index.setDocument(key, text, shown, keep);
    this.stats.lastAnalysisMs = performance.now() - started;
    this.stats.lastUri = key;
    this.stats.updates++;
    this.updated.fire({ uri: key, reason });
  }

  dispose(): void {
    for (const t of this.tracked.values()) if (t.timer) clearTimeout(t.timer);
    this.reconcilerSubscription?.dispose();
    vscode.Disposable.from(...this.subscriptions, this.updated, this.closed, this.firstPartShown).dispose();
  }
}
