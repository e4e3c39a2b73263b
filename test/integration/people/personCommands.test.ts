import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';

const TEXT = [
  'GENEVA, March 4, 2025 — "We will not wait for the deadline," said Tomas Vendt, the head of the delegation.',
  '',
  '"Nothing has changed," Ambassador Wendt said later.',
  '',
  '"The door is open," said Nadia Okonjo. "It stays open," N. Okonjo-Bell said.',
  '',
  'Daniel Okafor, a researcher, was cautious. "Nobody will sign anything this week," Okafor said.',
  '',
].join('\n');

describe('people in the entity views: merge, alias, manual names', function () {
  this.timeout(60_000);
  let api: MarginaliaApi;
  let docPath: string;
  let lexiconPath: string;
  let uri: vscode.Uri;

  /** The speaker entities of the test document, as the views list them: id -> count. */
  const speakers = (): Record<string, number> =>
    Object.fromEntries(api.index.entitiesOfKind('speaker', uri.toString()).map((e) => [e.id, e.count]));
  const lexiconText = () => (fs.existsSync(lexiconPath) ? fs.readFileSync(lexiconPath, 'utf8') : '');

  before(async () => {
    await waitForActivation();
    api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
    docPath = path.join(workspaceRoot().fsPath, `zz-people-test-${process.pid}.txt`);
    lexiconPath = path.join(workspaceRoot().fsPath, '.marginalia', 'lexicon.yaml');
    assert.ok(!fs.existsSync(lexiconPath), 'the sample workspace has no lexicon of its own (this suite writes one)');
    uri = vscode.Uri.file(docPath);
    fs.writeFileSync(docPath, TEXT);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(() => speakers()['person:tomas-vendt'] === 1 && speakers()['person:wendt'] === 1, 'the test document analysed');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    for (const f of [docPath, `${docPath}.annotations.yaml`, lexiconPath]) fs.rmSync(f, { force: true });
    fs.rmSync(path.dirname(lexiconPath), { recursive: true, force: true });
  });

  it('"Merge with..." writes the other name as an alias of the fuller one, and the two become one person', async () => {
    const ok = await vscode.commands.executeCommand('marginalia.mergePerson', 'person:wendt', 'person:tomas-vendt');
    assert.equal(ok, true);
    assert.match(lexiconText(), /name: Tomas Vendt[\s\S]*aliases:[\s\S]*Wendt/);
    await waitFor(() => speakers()['person:tomas-vendt'] === 2 && speakers()['person:wendt'] === undefined, 'Wendt linked to Tomas Vendt after the merge');
  });

  it('"Add alias..." writes the alias into the workspace lexicon and links the name', async () => {
    assert.equal(speakers()['person:nadia-okonjo'], 1);
    const ok = await vscode.commands.executeCommand('marginalia.addPersonAlias', 'person:nadia-okonjo', 'N. Okonjo-Bell');
    assert.equal(ok, true);
    assert.match(lexiconText(), /name: Nadia Okonjo[\s\S]*N\. Okonjo-Bell/);
    assert.match(lexiconText(), /Wendt/, 'the earlier merge stays in the file');
    await waitFor(() => speakers()['person:nadia-okonjo'] === 2, 'N. Okonjo-Bell linked to Nadia Okonjo');
  });

  it('a manual "Daniel Okafor" and the automatic "Okafor" of the document are one person', async () => {
    assert.equal(speakers()['person:okafor'], 1, 'the recognizer finds the surname only');
    const start = TEXT.indexOf('Daniel Okafor');
    await vscode.commands.executeCommand('marginalia.annotateSpeaker', { uri: uri.toString(), start, end: start + 'Daniel Okafor'.length, note: 'researcher' });
    await waitFor(() => speakers()['person:daniel-okafor'] === 2 && speakers()['person:okafor'] === undefined, 'one Daniel Okafor with both mentions');
    let labels: string[] = [];
    await waitFor(async () => {
      const rows = await vscode.commands.executeCommand<Array<{ label: string }> | undefined>('marginalia.internal.treeChildren', 'marginalia.documentEntities', ['Speakers']);
      labels = (rows ?? []).map((r) => r.label);
      return labels.includes('Daniel Okafor') && !labels.includes('Okafor');
    }, 'the document view listing one Daniel Okafor').catch((e: Error) => {
      throw new Error(`${e.message}; it lists ${JSON.stringify(labels)}`);
    });
  });
});
