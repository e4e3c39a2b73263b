/**
 * Indexes the workspace's files that are not open, so the tree, workspace symbols and references cover the whole
 * corpus. Files are found with `workspace.findFiles`, read as the host does it ({@link ScannerHost}: local ones
 * with Node's fs on the desktop, everything through `workspace.fs` in the browser), and analysed in time slices:
 * after each ~{@link SLICE_MS} ms of work the scanner yields to the event loop, so typing and hovers stay
 * responsive while a thousand documents are indexed. A file watcher keeps the index current as files are
 * created, changed or deleted (events are hints: each one re-reads the file).
 *
 * A scan of many files runs their analysis in the host's worker (a Node worker thread, or a web Worker), a few
 * requests ahead, and only puts each result into the index here. Files the worker cannot take (those the host
 * cannot name to it, documents with a sidecar, which are reconciled with their manual annotations) are analysed
 * here as above, and so is everything once the worker failed or where the host has no worker.
 */
import * as vscode from 'vscode';
import { WORKER_WINDOW, type ScanOutcome, type ScanWorker } from '../hosts/scanWorkerBase';
import { isSidecarStoreName } from '../core/sidecar/sidecarPaths';
import { documentsInCreatedFolder } from './createdFolders';
import type { DocumentModelService } from './documentModel';
import type { IndexedFile, ScanObserver, ScanState } from './scanObserver';
import type { ScannerHost } from './scannerHost';
import { excludeGlob, matchesGlob as isUnder } from './servedDocuments';
import { affectsMarginalia, readSettings } from './settings';

/** Longest stretch of analysis before yielding to the editor. */
export const SLICE_MS = 12;
/**
 * Files longer than this (characters) are analysed in steps between slices rather than in one go: a file of a few
 * tens of kilobytes analysed in one go held the editor's thread for longer than a frame, and far longer while
 * the code was still cold (the first files of a scan).
 */
export const STEPPED_FILE_CHARS = 16_000;
/** A scan of at least this many files starts the worker; fewer are not worth starting it for. */
export const WORKER_MIN_FILES = 16;
/**
 * The first files of each scan are analysed on the editor's thread, the rest in the worker. Documents the user
 * opens are analysed on this thread, and these files compile and optimise that code for them: with every file in
 * the worker, opening a large document after a scan took several times as long to analyse (the editor bench
 * shows it). They cost the editor's thread a little CPU per scan, in slices, while the worker starts.
 */
export const IN_THREAD_FIRST_FILES = 64;

export class WorkspaceScanner implements vscode.Disposable {
  private readonly queue: vscode.Uri[] = [];
  private readonly queued = new Set<string>();
  private readonly stateChanged = new vscode.EventEmitter<ScanState>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private watcher: vscode.Disposable | undefined;
  private running: Promise<void> | undefined;
  private generation = 0;
  /** Which count of done and total files {@link state} holds: each rescan starts one. */
  private counting = 0;
  private sliceStart = 0;
  private lastReport = 0;
  readonly state: ScanState = { scanning: false, done: 0, total: 0 };
  /** Who is told how the scans go (see scanObserver.ts). */
  private readonly observers = new Set<ScanObserver>();
  /** Why the worker is not used, once it failed. */
  get workerProblem(): string | undefined {
    return this.worker?.broken?.message;
  }
  private get worker(): ScanWorker | undefined {
    return this.host.worker;
  }
  /**
   * Reads and analyses in flight, per document (in this thread or sent to the worker); and the documents removed
   * while one was, which what comes back must not put into the index again.
   */
  private readonly inFlight = new Map<string, number>();
  private readonly removedInFlight = new Set<string>();
  /** Files the current scan still analyses here before it uses the worker (see {@link IN_THREAD_FIRST_FILES}). */
  private inThreadLeft = 0;

  /** Fires when a scan starts, progresses (at most every slice) and ends. */
  readonly onDidChangeState = this.stateChanged.event;

  /**
   * `host`: how files are read, and the worker that analyses scans of many files (without one, everything is
   * analysed here). `log`: where a file that is not read (not a regular file, binary, over the size limit) is reported.
   */
  constructor(
    private readonly model: DocumentModelService,
    private readonly host: ScannerHost,
    private readonly log?: (line: string) => void,
  ) {
    // Until the first scan ends, the empty views say "scanning" rather than "nothing found".
    void vscode.commands.executeCommand('setContext', 'marginalia.scanning', true);
    this.subscriptions.push(
      // A closed document goes back to its saved state on disk if the scan covers it, else out of the index.
      model.onDidClose((uri) => (this.covers(uri) ? this.enqueue([uri]) : this.remove(uri)), this),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan(), this),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsMarginalia(e, 'files', 'documentDate.fromFile')) void this.rescan();
      }, this),
    );
  }

  /** Tells `observer` how the scans go from now on, until the returned Disposable is disposed. */
  observe(observer: ScanObserver): vscode.Disposable {
    this.observers.add(observer);
    return new vscode.Disposable(() => this.observers.delete(observer));
  }

  /** Finds every served file of the workspace and (re)indexes it; resolves when the scan is complete. */
  async rescan(): Promise<void> {
    const generation = ++this.generation;
    const s = readSettings();
    this.watch(s.scanGlob);
    if (!vscode.workspace.workspaceFolders?.length) {
      this.setScanning(false);
      return;
    }
    const files = await vscode.workspace.findFiles(s.scanGlob, excludeGlob(s.excludeGlobs), s.maxFiles);
    if (generation !== this.generation) return;
    // The count starts again: files still queued (a watcher's) count in it, a file being read now in the last one.
    this.counting++;
    this.state.done = 0;
    this.state.total = this.queue.length;
    for (const o of this.observers) o.scanStarted?.();
    this.enqueue(files);
    if (!this.running) this.setScanning(false);
    await this.idle();
  }

  /** Resolves when nothing is queued. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private watch(glob: string): void {
    this.watcher?.dispose();
    const w = vscode.workspace.createFileSystemWatcher(glob);
    // A folder deleted, moved or copied in is reported as itself, never as the documents it holds, which `w` matches.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    const generation = this.generation;
    this.watcher = vscode.Disposable.from(
      w,
      folders,
      w.onDidCreate((u) => this.enqueue([u])),
      w.onDidChange((u) => this.enqueue([u])),
      w.onDidDelete((u) => this.remove(u)),
      folders.onDidCreate(async (u) => {
        const documents = await documentsInCreatedFolder(u);
        if (generation === this.generation) this.enqueue(documents);
      }),
      folders.onDidDelete((u) => {
        // Most deletes are of the sidecar store's temp and lock files, which hold no documents to look for.
        if (!isSidecarStoreName(u.path.slice(u.path.lastIndexOf('/') + 1))) this.removeUnder(u);
      }),
    );
  }

  /** True when a full scan would index this file (inside a workspace folder, matching the scan glob). */
  private covers(uri: vscode.Uri): boolean {
    if (!vscode.workspace.getWorkspaceFolder(uri)) return false;
    const s = readSettings(uri);
    return isUnder(uri, [s.scanGlob]) && !isUnder(uri, s.excludeGlobs);
  }

  private enqueue(uris: readonly vscode.Uri[]): void {
    for (const u of uris) {
      const key = u.toString();
      if (this.queued.has(key) || u.scheme === 'untitled') continue;
      this.queued.add(key);
      this.queue.push(u);
      this.state.total++;
    }
    if (!this.running && this.queue.length > 0) {
      this.running = this.drain().finally(() => {
        this.running = undefined;
      });
    }
  }

  private async drain(): Promise<void> {
    this.setScanning(true);
    const excluded = readSettings().excludeGlobs;
    this.sliceStart = performance.now();
    this.lastReport = 0;
    this.inThreadLeft = IN_THREAD_FIRST_FILES;
    // The worker starts while this thread analyses the first files.
    if (this.queue.length >= IN_THREAD_FIRST_FILES + WORKER_MIN_FILES) this.worker?.launch();
    // Files queued while the last worker results came in make another round.
    while (this.queue.length > 0) await this.drainQueued(excluded);
    this.sliceEnded(performance.now());
    this.setScanning(false);
  }

  private async drainQueued(excluded: readonly string[]): Promise<void> {
    // The worker's answers, oldest first: each puts its file into the index when it arrives.
    const inFlight: Array<Promise<void>> = [];
    while (this.queue.length > 0) {
      const worker = this.inThreadLeft > 0 ? undefined : this.workerFor(this.queue.length);
      const windowFull = inFlight.length >= WORKER_WINDOW;
      // A full window waits for the oldest answer; but while the worker is still starting (no answer yet), files
      // are analysed here meanwhile, which also readies this thread's code for the documents the user opens.
      if (worker?.ready && windowFull) {
        await inFlight.shift();
        continue;
      }
      const uri = this.queue.shift() as vscode.Uri;
      this.queued.delete(uri.toString());
      const counting = this.counting;
      const sent = worker && !windowFull && (await this.sendToWorker(uri, excluded, worker, counting));
      if (sent) {
        inFlight.push(sent.indexed);
        continue;
      }
      await this.indexFile(uri, excluded);
      this.inThreadLeft--;
      this.countDone(counting);
      const waiting = this.pause();
      if (waiting) await waiting;
    }
    await Promise.all(inFlight);
  }

  /**
   * The worker, when the `waiting` files queued are worth it: a few files (a watcher event) are not worth starting
   * it for, but go to it while it is up. Decided file by file: a scan's files may arrive while others are indexed.
   */
  private workerFor(waiting: number): ScanWorker | undefined {
    const worker = this.worker;
    if (!worker || worker.broken) return undefined;
    return worker.running || waiting >= WORKER_MIN_FILES ? worker : undefined;
  }

  /**
   * Sends a file to the worker when it can analyse it (one the host can name to it, without manual annotations,
   * not open, not excluded): returns a promise that indexes the result when it comes back (wrapped, so that awaiting this
   * method does not wait for it), else undefined.
   */
  private async sendToWorker(uri: vscode.Uri, excludeGlobs: readonly string[], worker: ScanWorker, counting: number): Promise<{ indexed: Promise<void> } | undefined> {
    const path = this.host.workerPath(uri);
    if (path === undefined || this.model.isTracked(uri) || isUnder(uri, excludeGlobs)) return undefined;
    await this.model.prepare(uri);
    // Undefined also when the document was opened meanwhile.
    const lexicon = this.model.coldAnalysisLexicon(uri);
    if (!lexicon) return undefined;
    this.begin(uri);
    const indexed = worker.scan(path, readSettings(uri).maxFileSize, lexicon, this.host.fileDateMode(uri)).then(
      (outcome) => this.receive(uri, outcome, excludeGlobs, counting),
      // The worker failed: this file, and the rest of the scan, are analysed here.
      async () => {
        if (this.end(uri)) await this.indexFile(uri, excludeGlobs);
        this.countDone(counting);
      },
    );
    return { indexed };
  }

  /**
   * Indexes what the worker made of a file, unless the file was opened or removed meanwhile. A file that gained
   * manual annotations meanwhile (a sidecar appeared) is analysed here again, to be reconciled with them.
   */
  private async receive(uri: vscode.Uri, outcome: ScanOutcome, excludeGlobs: readonly string[], counting: number): Promise<void> {
    if (!this.end(uri)) return this.countDone(counting);
    const started = performance.now();
    if (outcome.outcome === 'skipped') this.skipped(uri, outcome.reason);
    else if (outcome.outcome !== 'indexed') this.model.remove(uri);
    else if (this.model.coldAnalysisLexicon(uri)) this.model.indexScanned(uri, outcome.parts, outcome.bytes);
    else await this.indexFile(uri, excludeGlobs);
    this.countDone(counting);
    this.tell({ at: this.state.done, ms: performance.now() - started, analyzeMs: 0, inWorker: true });
    this.report(started);
  }

  /** A file taken from the queue while `counting` was the count is indexed: it counts if the count has not started again. */
  private countDone(counting: number): void {
    if (counting === this.counting) this.state.done++;
  }

  /** A read and analysis of `uri` starts (here or in the worker): a delete from now on is remembered. */
  private begin(uri: vscode.Uri): void {
    const key = uri.toString();
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    // The file is there again (a create event queued it): an earlier delete no longer counts.
    this.removedInFlight.delete(key);
  }

  /** True when `uri` was removed since a read and analysis of it began, which must then not index it. */
  private removedSinceBegun(uri: vscode.Uri): boolean {
    return this.removedInFlight.has(uri.toString());
  }

  /** A read and analysis of `uri` is over; false when the document was removed since it began. */
  private end(uri: vscode.Uri): boolean {
    const key = uri.toString();
    const left = (this.inFlight.get(key) ?? 1) - 1;
    if (left > 0) this.inFlight.set(key, left);
    else this.inFlight.delete(key);
    const removed = this.removedInFlight.has(key);
    if (left === 0) this.removedInFlight.delete(key);
    return !removed;
  }

  /** Takes the documents of a deleted folder out of the index, and out of what the reads running now bring back. */
  private removeUnder(folder: vscode.Uri): void {
    const prefix = `${folder.toString()}/`;
    for (const key of this.inFlight.keys()) if (key.startsWith(prefix)) this.removedInFlight.add(key);
    for (const d of this.model.indexedUnder(folder)) this.remove(d);
  }

  /** Takes a document out of the index (deleted, or closed and not covered by the scan). */
  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.inFlight.has(key)) this.removedInFlight.add(key);
    this.model.remove(uri);
  }

  /**
   * Yields to the editor once the current slice has run {@link SLICE_MS}: a promise to wait on, else undefined.
   * Between files, and between the blocks of a long file (see {@link DocumentModelService.indexTextInSteps}).
   */
  private readonly pause = (): Promise<void> | undefined => {
    const now = performance.now();
    if (now - this.sliceStart < SLICE_MS) return undefined;
    this.sliceEnded(now);
    this.report(now);
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        this.sliceStart = performance.now();
        resolve();
      }, 0),
    );
  };

  private async indexFile(uri: vscode.Uri, excludeGlobs: readonly string[]): Promise<void> {
    if (this.model.isTracked(uri)) return;
    this.begin(uri);
    try {
      if (isUnder(uri, excludeGlobs)) return this.model.remove(uri);
      const read = await this.host.read(uri, readSettings(uri).maxFileSize);
      if (!read.ok) this.skipped(uri, read.reason);
      else await this.index(uri, read.text, read.bytes);
    } catch {
      this.model.remove(uri);
    } finally {
      this.end(uri);
    }
  }

  /** A file that is not read is not in the index; the user is told why, except for a folder. */
  private skipped(uri: vscode.Uri, reason: string): void {
    this.model.remove(uri);
    if (!reason.includes('(a folder)')) this.log?.(`[scan] ${uri.scheme === 'file' ? uri.fsPath : uri.toString()}: ${reason}`);
  }

  /**
   * Indexes a file's text once its sidecar is loaded, unless it was opened in an editor or deleted meanwhile (a
   * read still running at the delete would put it back).
   */
  private async index(uri: vscode.Uri, text: string, bytes: Uint8Array | undefined): Promise<void> {
    await this.model.prepare(uri);
    if (this.model.isTracked(uri) || this.removedSinceBegun(uri)) return;
    const started = performance.now();
    // A long file is recognised a block at a time between the editor's turns; a short one in one go.
    if (text.length > STEPPED_FILE_CHARS) {
      await this.model.indexTextInSteps(uri, text, this.pause, bytes);
      if (this.removedSinceBegun(uri)) this.model.remove(uri);
      return;
    }
    this.model.indexText(uri, text, 'scan', bytes);
    this.tell({ at: this.state.done, ms: performance.now() - started, analyzeMs: this.model.stats.lastAnalyzeOnlyMs, inWorker: false });
  }

  private tell(file: IndexedFile): void {
    for (const o of this.observers) o.indexed?.(file);
  }

  /** The slice that began at {@link sliceStart} ends at `now`. */
  private sliceEnded(now: number): void {
    for (const o of this.observers) o.slice?.(now - this.sliceStart);
  }

  /** Tells the views how far the scan is, at most every 100 ms. */
  private report(now: number): void {
    if (now - this.lastReport <= 100) return;
    this.lastReport = now;
    this.stateChanged.fire({ ...this.state });
  }

  private setScanning(scanning: boolean): void {
    this.state.scanning = scanning;
    void vscode.commands.executeCommand('setContext', 'marginalia.scanning', scanning);
    // "Nothing found" waits for this: before the extension is active no key of ours is set, and unset must read
    // as "still scanning", not as "scanned and empty".
    if (!scanning) void vscode.commands.executeCommand('setContext', 'marginalia.scanned', true);
    this.stateChanged.fire({ ...this.state });
  }

  dispose(): void {
    this.generation++;
    this.queue.length = 0;
    this.watcher?.dispose();
    void this.worker?.stop();
    vscode.Disposable.from(...this.subscriptions, this.stateChanged).dispose();
  }
}

