import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import type { ScanState } from '../../../src/features/scanObserver';
import { excludeGlob } from '../../../src/features/servedDocuments';
import { readSettings } from '../../../src/features/settings';
import { EditorDocumentSource } from '../../../src/features/editorDocumentSource';
import type { ScannerHost } from '../../../src/features/scannerHost';
import { IN_THREAD_FIRST_FILES, WORKER_MIN_FILES, WorkspaceScanner } from '../../../src/features/workspaceScanner';
import type { ScanOutcome, ScanWorker } from '../../../src/hosts/scanWorkerBase';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { remove, writeText } from '../support/files';
import { HeldReadHost } from './heldReadHost';
import { whenIdle } from './marginaliaApi';

const TEXT = 'MR. ZANDERLING: The INF Treaty ended on August 2, 2019.\n';

/** The files a rescan lists now. */
async function listed(): Promise<number> {
  const s = readSettings();
  return (await vscode.workspace.findFiles(s.scanGlob, excludeGlob(s.excludeGlobs), s.maxFiles)).length;
}

/**
 * A scan worker that answers every file as failed (the scanner takes it out of the index), and holds its answer
 * for the first file it is asked for until told.
 */
class HeldWorker implements ScanWorker {
  running = false;
  ready = false;
  pendingCount = 0;
  broken = undefined;
  /** The first file asked for (by the name the host gives the worker: its Uri here). */
  first: string | undefined;
  private began: () => void = () => undefined;
  readonly asked = new Promise<void>((resolve) => (this.began = resolve));
  private release: () => void = () => undefined;
  private readonly held = new Promise<void>((resolve) => (this.release = resolve));

  launch(): void {
    this.running = true;
  }

  async stop(): Promise<void> {
    this.running = false;
  }

  async scan(path: string): Promise<ScanOutcome> {
    this.running = true;
    if (this.first === undefined) {
      this.first = path;
      this.began();
      await this.held;
    }
    this.ready = true;
    return { outcome: 'failed', message: 'not analysed in this test' };
  }

  finish(): void {
    this.release();
  }
}

interface Scan {
  scanner: WorkspaceScanner;
  host: HeldReadHost;
  /** The progress the scanner reported. */
  states: ScanState[];
  folder: vscode.Uri;
  /** The file whose read is held once `host` is armed. */
  file: vscode.Uri;
}

/** Runs `test` with a scanner of its own whose reads of one file in a new folder can be held; cleans up after. */
async function withScanner(model: MarginaliaApi['model'], test: (scan: Scan) => Promise<void>): Promise<void> {
  const folder = vscode.Uri.joinPath(workspaceRoot(), `zz-scan-count-${Date.now().toString(36)}`);
  const file = vscode.Uri.joinPath(folder, 'read-at-the-rescan.txt');
  const host = new HeldReadHost(file.toString());
  const scanner = new WorkspaceScanner(model, host);
  const states: ScanState[] = [];
  const listening = scanner.onDidChangeState((s) => states.push(s));
  try {
    await test({ scanner, host, states, folder, file });
  } finally {
    host.finish();
    listening.dispose();
    scanner.dispose();
    await remove(folder);
    await whenIdle();
  }
}

/** The scan ended at `files` of `files`, and never counted past its total on the way. */
function endsAt(states: readonly ScanState[], files: number): void {
  const told = states.map((s) => `${s.done} of ${s.total}`).join(', ');
  assert.ok(states.every((s) => s.done <= s.total), told);
  assert.deepEqual(states.at(-1), { scanning: false, done: files, total: files }, told);
}

describe("editor: the scan's progress (what the Entities view counts)", function () {
  this.timeout(60_000);
  let api: MarginaliaApi;

  before(async () => {
    await waitForActivation();
    api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
  });

  it('ends at N of N, N the files listed, when a rescan joins a scan the watcher started while it reads a file', () =>
    withScanner(api.model, async ({ scanner, host, states, file }) => {
      // The first scan starts the scanner's watcher; its create event then starts a scan of the one file.
      await scanner.rescan();
      host.arm();
      await writeText(file, TEXT);
      await host.reading;
      states.length = 0;
      const listing = new Promise<void>((resolve) => scanner.observe({ scanStarted: resolve }));
      const rescanned = scanner.rescan();
      // The rescan's list joins the watcher's scan, which is still reading the file (the list has it too).
      await listing;
      host.finish();
      await rescanned;
      endsAt(states, await listed());
    }));

  it('counts the files the watcher reports while a rescan runs in its total and as done', () =>
    withScanner(api.model, async ({ scanner, host, states, folder, file }) => {
      const added = [1, 2, 3].map((i) => vscode.Uri.joinPath(folder, `added-${i}.txt`));
      await writeText(file, TEXT);
      await waitFor(() => api.index.document(file.toString()) !== undefined, 'the file indexed', 30_000);
      await whenIdle();
      host.arm();
      const files = await listed();
      const rescanned = scanner.rescan();
      await host.reading;
      for (const u of added) await writeText(u, TEXT);
      await waitFor(() => scanner.state.total === files + added.length, 'the new files queued', 30_000);
      host.finish();
      await rescanned;
      endsAt(states, files + added.length);
    }));

  it('counts a file deleted while the worker analyses it, and ends at N of N', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), `zz-scan-count-worker-${Date.now().toString(36)}`);
    // Enough files that some go to the worker whatever order the scan takes them in.
    const files = Array.from({ length: IN_THREAD_FIRST_FILES + WORKER_MIN_FILES + 8 }, (_, i) => vscode.Uri.joinPath(folder, `note-${i}.txt`));
    const worker = new HeldWorker();
    const documents = new EditorDocumentSource();
    const host: ScannerHost = { worker, workerPath: (uri) => uri.toString(), read: (uri, max) => documents.readDocument(uri.toString(), max), fileDateMode: () => 'off' };
    const scanner = new WorkspaceScanner(api.model, host);
    const states: ScanState[] = [];
    const listening = scanner.onDidChangeState((s) => states.push(s));
    try {
      for (const f of files) await writeText(f, TEXT);
      await waitFor(() => files.every((f) => api.index.document(f.toString()) !== undefined), 'the files indexed', 30_000);
      await whenIdle();
      const total = await listed();
      const rescanned = scanner.rescan();
      await worker.asked;
      const deleted = vscode.Uri.parse(worker.first as string);
      await remove(deleted);
      await waitFor(() => api.index.document(deleted.toString()) === undefined, 'the deleted file out of the index', 30_000);
      // Both scanners' watchers hear of the delete; the held answer comes only after that.
      await new Promise((r) => setTimeout(r, 500));
      worker.finish();
      await rescanned;
      endsAt(states, total);
    } finally {
      worker.finish();
      listening.dispose();
      scanner.dispose();
      await remove(folder);
      // This scanner's worker took the files it analysed out of the index: the extension's own scan puts them back.
      await vscode.commands.executeCommand('marginalia.refreshEntities');
      await whenIdle();
    }
  });
});
