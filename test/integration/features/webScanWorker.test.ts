import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { decodeDocument } from '../../../src/core/model/documentEncoding';
import { analyzeCold } from '../../../src/core/scan/coldAnalysis';
import { WebScanWorkerClient, type ReadForScan } from '../../../src/web/webScanWorker';
import { EXTENSION_ID, workspaceRoot } from '../support/editor';
import { inWebWorkerHost } from '../support/files';
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
        assert.deepEqual(outcome.parts.starts, here.parts.starts, `${name}: the same mentions`);
        assert.deepEqual(outcome.parts.ends, here.parts.ends);
        assert.ok(outcome.entities.length > 0);
      }
      assert.equal(client.broken, undefined);
    } finally {
      await client.stop();
    }
  });
});
