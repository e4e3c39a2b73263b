import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import type { ScanState } from '../../../src/features/scanObserver';
import { excludeGlob } from '../../../src/features/servedDocuments';
import { readSettings } from '../../../src/features/settings';
import { WorkspaceScanner } from '../../../src/features/workspaceScanner';
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
});
