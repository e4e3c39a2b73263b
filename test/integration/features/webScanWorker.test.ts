import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { decodeDocument } from '../../../src/core/model/documentEncoding';
import { analyzeCold } from '../../../src/core/scan/coldAnalysis';
import { WebScanWorkerClient, type ReadForScan } from '../../../src/web/webScanWorker';
import type { MarginaliaApi } from '../../../src/activation';
import type { Mention } from '../../../src/core/model/mention';
import { IN_THREAD_FIRST_FILES } from '../../../src/features/workspaceScanner';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { inWebWorkerHost, readText, remove, writeText } from '../support/files';
import { whenIdle } from './marginaliaApi';
import { SUITE_OUTPUT_MARKER } from '../web/markers';

/** A document read through `vscode.workspace.fs`, as the web host reads the files it sends the worker. */
async function readThroughEditor(path: string, maxFileSize: number): Promise<ReadForScan> {
  const uri = vscode.Uri.parse(path);
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > maxFileSize) return { ok: false, reason: `${stat.size} bytes, over the limit` };
  return { ok: true, bytes: await vscode.workspace.fs.readFile(uri) };
}

describe('the web scan worker in the web extension host', function () {
  this.timeout(60_000);

  before(function () {
    if (inWebWorkerHost) return;
    console.log(SUITE_OUTPUT_MARKER, '    skipped in the Node host: it has no web Worker (its worker thread has its own tests)');
    this.skip();
  });

  it('starts a Blob Worker from dist/web/scanWorker.js and gets each document analysed as this thread would', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const script = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'web', 'scanWorker.js');
    const client = new WebScanWorkerClient(async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(script)), readThroughEditor);
    try {
      for (const name of ['press-briefing.txt', 'news-report.txt']) {
        const uri = vscode.Uri.joinPath(workspaceRoot(), name);
        const outcome = await client.scan(uri.toString(), 4_000_000, BUILTIN_LEXICON);
        assert.equal(outcome.outcome, 'indexed', JSON.stringify(outcome));
        const decoded = decodeDocument(await vscode.workspace.fs.readFile(uri));
        assert.ok(decoded.ok);
        const here = analyzeCold(decoded.text, BUILTIN_LEXICON, uri.toString());
        if (outcome.outcome !== 'indexed') continue;
        assert.deepEqual(outcome.parts.starts, here.starts, `${name}: the same mentions`);
        assert.deepEqual(outcome.parts.ends, here.ends);
        assert.ok(outcome.parts.entities.length > 0);
      }
      assert.equal(client.broken, undefined);
    } finally {
      await client.stop();
    }
  });

  it("indexes a scan of many files in it, whatever their scheme, as the editor's thread does", async () => {
    await waitForActivation();
    const api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
    const samples = ['press-briefing.txt', 'news-report.txt'];
    const span = (m: Mention) => [m.kind, m.start, m.end, m.text, m.entityId, m.value];
    const spansOf = (uri: vscode.Uri) => api.index.document(uri.toString())?.mentions.map(span);
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'zz-web-worker-scan');
    // More files than a scan analyses in the editor's thread before it uses the worker.
    const copies = Array.from({ length: IN_THREAD_FIRST_FILES }, (_, i) => i);
    const copyOf = (sample: string, i: number) => vscode.Uri.joinPath(folder, `copy${i}-${sample}`);
    try {
      await waitFor(async () => (await whenIdle()) >= 0 && samples.every((s) => spansOf(vscode.Uri.joinPath(workspaceRoot(), s))), 'the samples scanned', 30_000);
      const reference = new Map(samples.map((s) => [s, spansOf(vscode.Uri.joinPath(workspaceRoot(), s))]));
      for (const s of samples) {
        const text = await readText(vscode.Uri.joinPath(workspaceRoot(), s));
        for (const i of copies) await writeText(copyOf(s, i), text);
      }
      const stats = () => vscode.commands.executeCommand<{ scanWorkerFilesTotal: number; scanWorkerProblem?: string }>('marginalia.internal.stats');
      const before = (await stats()).scanWorkerFilesTotal;
      await vscode.commands.executeCommand('marginalia.refreshEntities');
      await whenIdle();
      const after = await stats();
      assert.equal(after.scanWorkerProblem, undefined);
      // The web host's workspace is served by the workbench (vscode-remote:, vscode-vfs:...), not a local file.
      assert.notEqual(folder.scheme, 'file');
      const closed = copies.length * samples.length;
      const inWorker = after.scanWorkerFilesTotal - before;
      // How many go to the worker depends on how soon it starts (the scanner analyses in its own thread until the
      // worker answers): what must hold is that files of this scheme reach it at all (none did before the web scan).
      assert.ok(inWorker > 0, `files analysed in the worker: ${inWorker}, with ${closed} closed files`);
      for (const s of samples) {
        for (const i of copies) assert.deepEqual(spansOf(copyOf(s, i)), reference.get(s), `copy ${i} of ${s}`);
      }
    } finally {
      await remove(folder);
      await vscode.commands.executeCommand('marginalia.refreshEntities');
      await whenIdle();
    }
  });
});
