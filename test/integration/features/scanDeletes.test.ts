import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { WorkspaceScanner } from '../../../src/features/workspaceScanner';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { remove, scratchFolder, writeText } from '../support/files';
import { HeldReadHost } from './heldReadHost';
import { whenIdle } from './marginaliaApi';

const TEXT = 'MR. ZANDERLING: The INF Treaty ended on August 2, 2019.\n';

describe('editor: the workspace scan and deleted files', function () {
  this.timeout(60_000);
  let api: MarginaliaApi;

  before(async () => {
    await waitForActivation();
    api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
  });

  for (const deleted of ['the file', 'its folder'] as const) {
    it(`leaves a file out of the index when ${deleted} is deleted while the scan reads it in the editor's thread`, async () => {
      const folder = vscode.Uri.joinPath(workspaceRoot(), `zz-scan-race-${Date.now().toString(36)}`);
      const file = vscode.Uri.joinPath(folder, 'deleted-while-read.txt');
      const host = new HeldReadHost(file.toString());
      const scanner = new WorkspaceScanner(api.model, host);
      try {
        await writeText(file, TEXT);
        await waitFor(() => api.index.document(file.toString()) !== undefined, 'the new file indexed', 30_000);
        await whenIdle();
        host.arm();
        const scanned = scanner.rescan();
        await host.reading;
        await remove(deleted === 'the file' ? file : folder);
        await waitFor(() => api.index.document(file.toString()) === undefined, 'the deleted file out of the index', 30_000);
        // Both scanners' watchers hear of the delete; the held read returns only after that.
        await new Promise((r) => setTimeout(r, 500));
        host.finish();
        await scanned;
        assert.equal(api.index.document(file.toString()), undefined, 'the read that was running at the delete did not put the file back');
      } finally {
        host.finish();
        scanner.dispose();
        await remove(folder);
      }
    });
  }

  it('indexes the documents of a folder moved into the workspace, which the watcher reports as the folder alone', async () => {
    const outside = scratchFolder('zz-moved-in');
    const inside = vscode.Uri.joinPath(workspaceRoot(), `zz-moved-in-${Date.now().toString(36)}`);
    const docs = ['a.txt', 'sub/b.md'].map((n) => vscode.Uri.joinPath(inside, n));
    try {
      for (const n of ['a.txt', 'sub/b.md']) await writeText(vscode.Uri.joinPath(outside, n), TEXT);
      await whenIdle();
      await vscode.workspace.fs.rename(outside, inside);
      await waitFor(() => docs.every((d) => api.index.document(d.toString()) !== undefined), 'the moved-in documents indexed', 30_000);
    } finally {
      await remove(outside);
      await remove(inside);
    }
  });

  it("does not look for indexed documents under a deleted sidecar's temp or lock file", async () => {
    const root = workspaceRoot();
    const sidecar = 'zz-scan-delete.txt.annotations.yaml';
    const own = [`.${sidecar}.marginalia-tmp-1-1`, `.${sidecar}.marginalia-lock`].map((n) => vscode.Uri.joinPath(root, n));
    const folder = vscode.Uri.joinPath(root, `zz-scan-delete-${Date.now().toString(36)}`);
    const doc = vscode.Uri.joinPath(folder, 'doc.txt');
    const asked: string[] = [];
    const model = api.model;
    const indexedUnder = model.indexedUnder.bind(model);
    try {
      for (const u of own) await writeText(u, 'x\n');
      await writeText(doc, TEXT);
      await waitFor(() => api.index.document(doc.toString()) !== undefined, 'the document indexed', 30_000);
      await whenIdle();
      model.indexedUnder = (u: vscode.Uri) => {
        asked.push(u.toString());
        return indexedUnder(u);
      };
      for (const u of own) await remove(u);
      // Deleted last, the folder tells when the watcher has reported the deletes before it.
      await remove(folder);
      await waitFor(() => asked.includes(folder.toString()) && api.index.document(doc.toString()) === undefined, 'the folder delete handled', 30_000);
      assert.deepEqual(
        asked.filter((u) => own.some((o) => o.toString() === u)),
        [],
      );
    } finally {
      model.indexedUnder = indexedUnder;
      for (const u of own) await remove(u);
      await remove(folder);
    }
  });
});
