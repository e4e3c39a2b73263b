import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';

const TEXT = 'Yesterday the two presidents spoke by phone about New START.\n';

/** The file's own date as the document's (src/hosts/fileDate.ts): local files only, so the Node host only. */
describe('editor: the document date from the file', function () {
  this.timeout(60_000);
  let api: MarginaliaApi;
  const made: string[] = [];

  const yesterday = (uri: vscode.Uri) => api.index.document(uri.toString())?.mentions.find((m) => m.text === 'Yesterday');

  before(async () => {
    await waitForActivation();
    api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of made) fs.rmSync(f, { force: true });
  });

  it('marginalia.documentDate.fromFile "modified" dates an undated document by its file, and "off" takes it back', async () => {
    const config = vscode.workspace.getConfiguration('marginalia');
    const file = path.join(workspaceRoot().fsPath, `zz-file-time-${process.pid}.txt`);
    fs.writeFileSync(file, TEXT);
    made.push(file);
    const noon = new Date(2021, 11, 30, 12);
    fs.utimesSync(file, noon, noon);
    const uri = vscode.Uri.file(file);
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitFor(() => yesterday(uri) !== undefined, 'analysed');
      assert.equal(api.index.document(uri.toString())?.documentDate, undefined, 'off by default');
      await config.update('documentDate.fromFile', 'modified', vscode.ConfigurationTarget.Workspace);
      await waitFor(() => yesterday(uri)?.value === '2021-12-29', 'yesterday resolved against the file time');
      assert.deepEqual(api.index.document(uri.toString())?.documentDate, { value: '2021-12-30', source: 'file time' });
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 2));
      const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(shown, /30 December 2021, from the file's modification time/);
    } finally {
      await config.update('documentDate.fromFile', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => yesterday(uri)?.attributes?.resolution === 'unresolved', 'unresolved again when off');
  });
});
