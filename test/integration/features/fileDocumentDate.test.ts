import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { fileTimeDate } from '../../../src/core/model/fileDateMode';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { remove, writeText } from '../support/files';

const TEXT = 'Yesterday the two presidents spoke by phone about New START.\n';

/** The day before a YYYY-MM-DD day. */
function dayBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * The file's own date as the document's (src/hosts/fileDate.ts on the desktop, src/web/webFileDate.ts in the
 * browser): its modification time, read through the host's file system. The expected day is the file's own
 * time as `vscode.workspace.fs.stat` reports it, so the test holds at any hour and in any host.
 */
describe('editor: the document date from the file', function () {
  this.timeout(60_000);
  let api: MarginaliaApi;
  const made: vscode.Uri[] = [];

  const yesterday = (uri: vscode.Uri) => api.index.document(uri.toString())?.mentions.find((m) => m.text === 'Yesterday');

  before(async () => {
    await waitForActivation();
    api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of made) await remove(f);
  });

  it('marginalia.documentDate.fromFile "modified" dates an undated document by its file, and "off" takes it back', async () => {
    const config = vscode.workspace.getConfiguration('marginalia');
    const uri = vscode.Uri.joinPath(workspaceRoot(), `zz-file-time-${Date.now()}.txt`);
    await writeText(uri, TEXT);
    made.push(uri);
    const day = fileTimeDate((await vscode.workspace.fs.stat(uri)).mtime).value;
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitFor(() => yesterday(uri) !== undefined, 'analysed');
      assert.equal(api.index.document(uri.toString())?.documentDate, undefined, 'off by default');
      await config.update('documentDate.fromFile', 'modified', vscode.ConfigurationTarget.Workspace);
      await waitFor(() => yesterday(uri)?.value === dayBefore(day), 'yesterday resolved against the file time');
      assert.deepEqual(api.index.document(uri.toString())?.documentDate, { value: day, source: 'file time' });
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 2));
      const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(shown, /, from the file's modification time/);
    } finally {
      await config.update('documentDate.fromFile', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => yesterday(uri)?.attributes?.resolution === 'unresolved', 'unresolved again when off');
  });

  it('"modified" dates a closed document the scan indexes, by its file', async () => {
    const config = vscode.workspace.getConfiguration('marginalia');
    const uri = vscode.Uri.joinPath(workspaceRoot(), `zz-file-time-closed-${Date.now()}.txt`);
    made.push(uri);
    try {
      await config.update('documentDate.fromFile', 'modified', vscode.ConfigurationTarget.Workspace);
      await writeText(uri, TEXT);
      const day = fileTimeDate((await vscode.workspace.fs.stat(uri)).mtime).value;
      await waitFor(() => yesterday(uri)?.value === dayBefore(day), 'the new file indexed with its file time', 20_000);
      assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), false, 'never opened');
    } finally {
      await config.update('documentDate.fromFile', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
