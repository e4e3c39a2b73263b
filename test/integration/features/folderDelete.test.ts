import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { remove, writeText } from '../support/files';
import { whenIdle } from './marginaliaApi';

/**
 * A folder deleted as a whole (in the Explorer, by git, by a test's cleanup) is reported by the file watcher as the
 * folder alone: the documents it held must leave the index all the same, or hovers keep counting them.
 */
describe('editor: deleting a folder of documents', function () {
  this.timeout(60_000);
  let api: MarginaliaApi;

  before(async () => {
    await waitForActivation();
    api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
  });

  it('takes every document of a deleted folder out of the index', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), `zz-folder-delete-${Date.now().toString(36)}`);
    const docs = [0, 1, 2].map((i) => vscode.Uri.joinPath(folder, i === 2 ? 'inner/doc-2.txt' : `doc-${i}.txt`));
    try {
      for (const d of docs) await writeText(d, 'MR. ZANDERLING: The INF Treaty ended on August 2, 2019.\n');
      await waitFor(() => docs.every((d) => api.index.document(d.toString()) !== undefined), 'the new documents indexed');
      // A file's create and change events can queue it twice: the second read must be done before the delete
      // (a read still running when its file is deleted puts it back; see the notes on issue 17).
      await whenIdle();
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
      await waitFor(() => docs.every((d) => api.index.document(d.toString()) === undefined), 'the deleted documents gone from the index', 30_000);
      assert.equal(api.index.uris().filter((u) => u.startsWith(`${folder.toString()}/`)).length, 0);
    } finally {
      await remove(folder);
    }
  });
});
