import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';

const TEXT = 'Yesterday the two presidents spoke by phone about New START.\n';

describe('editor: the document date', function () {
  this.timeout(60_000);
  let api: MarginaliaApi;
  const made: string[] = [];

  const yesterday = (uri: vscode.Uri) => api.index.document(uri.toString())?.mentions.find((m) => m.text === 'Yesterday');

  async function openNew(name: string): Promise<vscode.Uri> {
    const file = path.join(workspaceRoot().fsPath, name);
    fs.writeFileSync(file, TEXT);
    made.push(file, `${file}.annotations.yaml`);
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(() => yesterday(uri) !== undefined, `${name} analysed`);
    return uri;
  }

  before(async () => {
    await waitForActivation();
    api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of made) fs.rmSync(f, { force: true });
  });

  it('dates a document by its file name when the text has no date', async () => {
    const uri = await openNew(`2021-12-30-zz-readout-${process.pid}.txt`);
    assert.deepEqual(api.index.document(uri.toString())?.documentDate, { value: '2021-12-30', source: 'file name' });
    assert.equal(yesterday(uri)?.value, '2021-12-29');
  });

  it('Set Document Date writes the sidecar, resolves against it, and clearing it goes back', async () => {
    const uri = await openNew(`zz-undated-${process.pid}.txt`);
    assert.equal(api.index.document(uri.toString())?.documentDate, undefined);
    assert.equal(yesterday(uri)?.attributes?.resolution, 'unresolved');

    await vscode.commands.executeCommand('marginalia.setDocumentDate', uri.toString(), '2022-03-01');
    const sidecar = `${uri.fsPath}.annotations.yaml`;
    await waitFor(() => fs.existsSync(sidecar) && /date: ["']?2022-03-01/.test(fs.readFileSync(sidecar, 'utf8')), 'the date in the sidecar');
    await waitFor(() => yesterday(uri)?.value === '2022-02-28', 'yesterday resolved against the date set');
    assert.deepEqual(api.index.document(uri.toString())?.documentDate, { value: '2022-03-01', source: 'metadata' });

    await vscode.commands.executeCommand('marginalia.setDocumentDate', uri.toString(), '');
    await waitFor(() => !/date:/.test(fs.readFileSync(sidecar, 'utf8')), 'the date gone from the sidecar');
    await waitFor(() => yesterday(uri)?.attributes?.resolution === 'unresolved', 'yesterday unresolved again');
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
