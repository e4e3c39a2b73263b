import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import type { Mention } from '../../../src/core/model/mention';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { whenIdle } from './marginaliaApi';
import * as os from 'node:os';
import { IN_THREAD_FIRST_FILES, WorkspaceScanner } from '../../../src/features/workspaceScanner';
import { ScanWorkerClient } from '../../../src/hosts/scanWorkerClient';
import { NodeScannerHost } from '../../../src/features/nodeScannerHost';
import { ScanFigures } from '../../../src/features/scanObserver';

const SAMPLES = ['interview.md', 'news-report.txt', 'press-briefing.txt', 'radio-interview.txt'];
// More files than a scan analyses in the editor's thread before it uses the worker, so that at least one of the
// accord files, and most of the copies, go through the worker whatever order the scan takes them in.
const COPIES = 25;
const ACCORDS = IN_THREAD_FIRST_FILES + 1;

interface ScanStats {
  scanWorkerFilesTotal: number;
  scanWorkerProblem: string | undefined;
}

const span = (m: Mention) => [m.kind, m.start, m.end, m.text, m.entityId, m.value];

describe('editor: a large workspace scan runs in a worker thread', function () {
  this.timeout(120_000);
  let api: MarginaliaApi;
  let folder: string;
  let lexiconFile: string;
  /** The samples' spans as the editor's thread indexed them, which every copy must match. */
  let reference = new Map<string, unknown[][] | undefined>();
  let accords: string[] = [];
  const uriOf = (file: string) => vscode.Uri.file(file).toString();
  const spansOf = (file: string) => api.index.document(uriOf(file))?.mentions.map(span);
  const linked = () => accords.every((a) => (api.index.document(uriOf(a))?.mentions ?? []).some((m) => m.entityId === 'treaty:lakeside-accord'));
  const copiesIndexed = () => SAMPLES.every((s) => Array.from({ length: COPIES }, (_, i) => spansOf(path.join(folder, `copy${i}-${s}`))).every(Boolean));

  // Every test here works on the same large folder, which this hook writes and waits to see indexed: no test
  // depends on another having run.
  before(async () => {
    await waitForActivation();
    api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
    folder = path.join(workspaceRoot().fsPath, 'zz-worker-scan');
    lexiconFile = path.join(workspaceRoot().fsPath, '.marginalia', 'lexicon.yaml');
    const samples = SAMPLES.map((s) => vscode.Uri.joinPath(workspaceRoot(), s).toString());
    await waitFor(async () => (await whenIdle()) >= 0 && samples.every((u) => api.index.document(u)), 'the samples scanned', 30_000);
    // The samples as the editor thread indexed them: a scan of a few files does not start the worker.
    reference = new Map(SAMPLES.map((s) => [s, spansOf(path.join(workspaceRoot().fsPath, s))]));
    for (const [name, spans] of reference) assert.ok(spans && spans.length > 0, `${name} indexed before`);
    assert.ok(!fs.existsSync(lexiconFile), 'the sample workspace has no lexicon of its own');

    fs.mkdirSync(folder, { recursive: true });
    for (let i = 0; i < COPIES; i++) {
      for (const s of SAMPLES) fs.copyFileSync(path.join(workspaceRoot().fsPath, s), path.join(folder, `copy${i}-${s}`));
    }
    accords = Array.from({ length: ACCORDS }, (_, i) => path.join(folder, `accord${i}.txt`));
    for (const accord of accords) {
      fs.writeFileSync(accord, 'GENEVA, March 4, 2025 \u2014 Officials said the Lakeside Accord would hold until 2030.\n');
    }
    fs.mkdirSync(path.dirname(lexiconFile), { recursive: true });
    fs.writeFileSync(lexiconFile, 'treaties:\n  - id: treaty:lakeside-accord\n    name: Lakeside Accord\n    fullName: Lakeside Accord on Test Documents\n    signed: 2024-05-01\n');
    await waitFor(async () => (await whenIdle()) >= 0 && linked() && copiesIndexed(), 'the new files indexed and linked to the lexicon\'s treaty', 60_000);
  });

  after(async () => {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(path.dirname(lexiconFile), { recursive: true, force: true });
    await vscode.commands.executeCommand('marginalia.refreshEntities');
    await whenIdle();
  });

  it('indexes the files as the editor thread does, with the workspace lexicon, and the views show them', async () => {
    // One whole rescan: every file that is not open goes through the worker, but for the first few.
    const stats = () => vscode.commands.executeCommand<ScanStats>('marginalia.internal.stats');
    const before = (await stats()).scanWorkerFilesTotal;
    await vscode.commands.executeCommand('marginalia.refreshEntities');
    await whenIdle();
    const after = await stats();
    assert.equal(after.scanWorkerProblem, undefined);
    const inWorker = after.scanWorkerFilesTotal - before;
    // The new folder's files (never open; the samples may be) less those the editor's thread took first.
    const closed = COPIES * SAMPLES.length + ACCORDS;
    assert.ok(inWorker >= closed - IN_THREAD_FIRST_FILES, `files analysed in the worker: ${inWorker}, with ${closed} closed files`);
    assert.ok(linked(), 'the worker used the workspace lexicon (it analysed at least one of the accord files)');

    for (const s of SAMPLES) {
      assert.deepEqual(spansOf(path.join(workspaceRoot().fsPath, s)), reference.get(s), `${s} the same after the rescan`);
      for (let i = 0; i < COPIES; i++) assert.deepEqual(spansOf(path.join(folder, `copy${i}-${s}`)), reference.get(s), `copy ${i} of ${s}`);
    }
    // What the views read of a worker-indexed file: the lexicon's facts on the card, references, workspace symbols.
    assert.equal(api.index.entity('treaty:lakeside-accord')?.facts.signed, '2024-05-01');
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Lakeside');
    assert.ok(found.some((s) => s.name === 'Lakeside Accord' && accords.includes(s.location.uri.fsPath)), found.map((s) => s.name).join(', '));
    const copyOfBriefing = vscode.Uri.file(path.join(folder, 'copy0-press-briefing.txt'));
    assert.ok(api.index.documentsOf('treaty:new-start').some((d) => d.uri === copyOfBriefing.toString()), 'a copy counts among New START\'s documents');
  });

  it('analyses the files in the editor\'s thread when the worker dies in the middle of a scan', async () => {
    // A second scanner over the extension's model, with a worker that exits on its first request.
    const script = path.join(os.tmpdir(), `marginalia-dying-worker-${process.pid}.js`);
    fs.writeFileSync(script, "require('node:worker_threads').parentPort.on('message', (m) => { if (m.type === 'scan') process.exit(3); });\n");
    const copies = SAMPLES.flatMap((s) => Array.from({ length: COPIES }, (_, i) => path.join(folder, `copy${i}-${s}`))).filter((f) => fs.existsSync(f));
    for (const f of copies) api.model.remove(vscode.Uri.file(f));
    assert.ok(copies.every((f) => api.index.document(vscode.Uri.file(f).toString()) === undefined), 'the copies left the index');
    const scanner = new WorkspaceScanner(api.model, new NodeScannerHost(new ScanWorkerClient(script)));
    const figures = new ScanFigures();
    scanner.observe(figures);
    try {
      await scanner.rescan();
      assert.match(scanner.workerProblem ?? '', /exited with code 3/);
      assert.equal(figures.workerFiles, 0);
      for (const f of copies) {
        const sample = SAMPLES.find((s) => f.endsWith(`-${s}`)) as string;
        assert.deepEqual(api.index.document(vscode.Uri.file(f).toString())?.mentions.map(span), reference.get(sample), `${path.basename(f)} indexed`);
      }
    } finally {
      scanner.dispose();
      fs.rmSync(script, { force: true });
    }
  });

  it('takes a file out of the index when it is deleted', async () => {
    const gone = path.join(folder, 'deleted-soon.txt');
    fs.copyFileSync(path.join(workspaceRoot().fsPath, SAMPLES[1]), gone);
    await waitFor(() => api.index.document(vscode.Uri.file(gone).toString()) !== undefined, 'the new file in the index', 20_000);
    fs.rmSync(gone);
    await waitFor(() => api.index.document(vscode.Uri.file(gone).toString()) === undefined, 'the deleted file out of the index', 20_000);
  });
});
