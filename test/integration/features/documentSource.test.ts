import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { emptySidecar } from '../../../src/core/model/annotation';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import type { ExportOutcome } from '../../../src/features/export/exportCommand';
import { EditorDocumentSource } from '../../../src/features/editorDocumentSource';
import type { MarginaliaApi } from '../../../src/extension';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { whenIdle } from './marginaliaApi';

const LEXICON_PATH = 'lexicons/treaties.yaml';
const LEXICON = 'treaties:\n  - name: Palais des Nations\n';

/** The editor's DocumentSource (vscode.workspace.fs only) and the Export command, on the sample workspace. */
describe('documents as the editor reads them', function () {
  this.timeout(60_000);
  const written: vscode.Uri[] = [];
  const config = () => vscode.workspace.getConfiguration('marginalia');

  before(async () => {
    await waitForActivation();
  });

  after(async () => {
    await config().update('lexicon.path', undefined, vscode.ConfigurationTarget.Global);
    for (const uri of written.reverse()) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    // Later suites count the samples' treaties: they start once the default lexicon is back and the scan is done.
    await waitFor(async () => !(await exportsPalaisAsTreaty()), 'the default lexicon again', 20_000);
    await whenIdle();
    const api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
    await waitFor(() => written.every((u) => api.index.document(u.toString()) === undefined), 'the documents made here out of the index');
  });

  /** Exports news-report.txt as the editor's Export command does: is "Palais des Nations" a treaty in it? */
  async function exportsPalaisAsTreaty(): Promise<boolean> {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-export-lexicon-'));
    try {
      const target = vscode.Uri.file(path.join(out, 'news.json'));
      const doc = vscode.Uri.joinPath(workspaceRoot(), 'news-report.txt');
      await vscode.commands.executeCommand<ExportOutcome | undefined>('marginalia.exportAnnotations', { uris: [doc], format: 'json', manualOnly: false, target });
      const json = JSON.parse(fs.readFileSync(target.fsPath, 'utf8')) as { documents: { mentions: { kind: string; text: string }[] }[] };
      return json.documents[0]?.mentions.some((m) => m.kind === 'treaty' && m.text === 'Palais des Nations') ?? false;
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }

  async function write(relative: string, content: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(workspaceRoot(), relative);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    written.push(uri);
    return uri;
  }

  it('lists the documents of the workspace, skipping .marginalia, and reads them through the file-system provider', async () => {
    const source = new EditorDocumentSource();
    await write('.marginalia/not-a-document.txt', 'skipped\n');
    const failed: string[] = [];
    const listed = await source.listDocuments(workspaceRoot().toString(), (f) => failed.push(f));
    const names = listed.map((l) => path.posix.basename(vscode.Uri.parse(l).path));
    for (const sample of ['interview.md', 'news-report.txt', 'press-briefing.txt', 'radio-interview.txt']) assert.ok(names.includes(sample), sample);
    assert.ok(!names.includes('not-a-document.txt'), names.join(', '));
    assert.deepEqual(failed, []);
    const read = await source.readDocument(vscode.Uri.joinPath(workspaceRoot(), 'news-report.txt').toString());
    assert.ok(read.ok && read.text.includes('GENEVA'));
    const folder = await source.readDocument(workspaceRoot().toString());
    assert.deepEqual(folder, { ok: false, reason: 'not a regular file (a folder), not read' });
  });

  it('finds the lexicon at marginalia.lexicon.path and the sidecar beside the document', async () => {
    const source = new EditorDocumentSource();
    // A document of its own: a sidecar on a sample would date it for the suites that run later.
    const doc = (await write(`zz-source-${process.pid}.txt`, 'Yesterday the envoys met.\n')).toString();
    await write(LEXICON_PATH, LEXICON);
    await config().update('lexicon.path', LEXICON_PATH, vscode.ConfigurationTarget.Global);
    const { lexicon } = await source.lexiconFor(doc);
    assert.ok(lexicon.treaties.some((t) => t.name === 'Palais des Nations'));
    assert.deepEqual(await source.sidecarFor(doc), { path: `${doc}.annotations.yaml`, problems: [] });
    await write(`zz-source-${process.pid}.txt.annotations.yaml`, serializeSidecar({ ...emptySidecar(), document: { date: '2019-03-14' } }, undefined));
    assert.equal((await source.sidecarFor(doc)).sidecar?.document.date, '2019-03-14');
  });

  it('the Export command analyses with the lexicon at marginalia.lexicon.path, as the editor does', async () => {
    await config().update('lexicon.path', undefined, vscode.ConfigurationTarget.Global);
    await waitFor(async () => !(await exportsPalaisAsTreaty()), 'an export with the default lexicon path, where the file is not', 20_000);
    await write(LEXICON_PATH, LEXICON);
    await config().update('lexicon.path', LEXICON_PATH, vscode.ConfigurationTarget.Global);
    // The lexicon service reloads on the setting's change event: poll until the export sees it.
    await waitFor(exportsPalaisAsTreaty, 'the export to tag "Palais des Nations" from the configured lexicon', 20_000);
  });
});
