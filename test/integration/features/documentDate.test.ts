import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { readText, remove, writeText } from '../support/files';

/** Names of the test's own files, new for each run. */
const TOKEN = Date.now().toString(36);

const TEXT = 'Yesterday the two presidents spoke by phone about New START.\n';

describe('editor: the document date', function () {
  this.timeout(60_000);
  let api: MarginaliaApi;
  const made: vscode.Uri[] = [];

  const yesterday = (uri: vscode.Uri) => api.index.document(uri.toString())?.mentions.find((m) => m.text === 'Yesterday');

  async function openNew(name: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(workspaceRoot(), name);
    await writeText(uri, TEXT);
    made.push(uri, uri.with({ path: `${uri.path}.annotations.yaml` }));
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
    for (const f of made) await remove(f);
  });

  it('dates a document by its file name when the text has no date', async () => {
    const uri = await openNew(`2021-12-30-zz-readout-${TOKEN}.txt`);
    assert.deepEqual(api.index.document(uri.toString())?.documentDate, { value: '2021-12-30', source: 'file name' });
    assert.equal(yesterday(uri)?.value, '2021-12-29');
  });

  it('Set Document Date writes the sidecar, resolves against it, and clearing it goes back', async () => {
    const uri = await openNew(`zz-undated-${TOKEN}.txt`);
    assert.equal(api.index.document(uri.toString())?.documentDate, undefined);
    assert.equal(yesterday(uri)?.attributes?.resolution, 'unresolved');

    await vscode.commands.executeCommand('marginalia.setDocumentDate', uri.toString(), '2022-03-01');
    const sidecar = uri.with({ path: `${uri.path}.annotations.yaml` });
    await waitFor(async () => /date: ["']?2022-03-01/.test(await readText(sidecar)), 'the date in the sidecar');
    await waitFor(() => yesterday(uri)?.value === '2022-02-28', 'yesterday resolved against the date set');
    assert.deepEqual(api.index.document(uri.toString())?.documentDate, { value: '2022-03-01', source: 'metadata' });

    await vscode.commands.executeCommand('marginalia.setDocumentDate', uri.toString(), '');
    await waitFor(async () => !/date:/.test(await readText(sidecar)), 'the date gone from the sidecar');
    await waitFor(() => yesterday(uri)?.attributes?.resolution === 'unresolved', 'yesterday unresolved again');
  });
});
