import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { exists, readText, remove, writeText } from '../support/files';

const TEXT = [
  'GENEVA, March 4, 2025 — "We will not wait for the deadline," said Tomas Vendt, the head of the delegation.',
  '',
  '"Nothing has changed," Ambassador Wendt said later.',
  '',
  '"The door is open," said Nadia Okonjo. "It stays open," N. Okonjo-Bell said.',
  '',
  'Daniel Okorie, a researcher, was cautious. "Nobody will sign anything this week," Okorie said.',
  '',
].join('\n');

describe('people in the entity views: merge, alias, manual names', function () {
  this.timeout(60_000);
  let api: MarginaliaApi;
  let lexiconFolder: vscode.Uri;
  let lexicon: vscode.Uri;
  let uri: vscode.Uri;

  /** The speaker entities of the test document, as the views list them: id -> count. */
  const speakers = (): Record<string, number> =>
    Object.fromEntries(api.index.entitiesOfKind('speaker', uri.toString()).map((e) => [e.id, e.count]));
  const lexiconText = () => readText(lexicon);

  before(async () => {
    await waitForActivation();
    api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
    uri = vscode.Uri.joinPath(workspaceRoot(), `zz-people-test-${Date.now().toString(36)}.txt`);
    lexiconFolder = vscode.Uri.joinPath(workspaceRoot(), '.marginalia');
    lexicon = vscode.Uri.joinPath(lexiconFolder, 'lexicon.yaml');
    assert.ok(!(await exists(lexicon)), 'the sample workspace has no lexicon of its own (this suite writes one)');
    await writeText(uri, TEXT);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(() => speakers()['person:tomas-vendt'] === 1 && speakers()['person:wendt'] === 1, 'the test document analysed');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    for (const f of [uri, uri.with({ path: `${uri.path}.annotations.yaml` }), lexiconFolder]) await remove(f);
  });

  it('"Merge with..." writes the other name as an alias of the fuller one, and the two become one person', async () => {
    const ok = await vscode.commands.executeCommand('marginalia.mergePerson', 'person:wendt', 'person:tomas-vendt');
    assert.equal(ok, true);
    assert.match(await lexiconText(), /name: Tomas Vendt[\s\S]*aliases:[\s\S]*Wendt/);
    await waitFor(() => speakers()['person:tomas-vendt'] === 2 && speakers()['person:wendt'] === undefined, 'Wendt linked to Tomas Vendt after the merge');
  });

  it('"Add alias..." writes the alias into the workspace lexicon and links the name', async () => {
    assert.equal(speakers()['person:nadia-okonjo'], 1);
    const ok = await vscode.commands.executeCommand('marginalia.addPersonAlias', 'person:nadia-okonjo', 'N. Okonjo-Bell');
    assert.equal(ok, true);
    assert.match(await lexiconText(), /name: Nadia Okonjo[\s\S]*N\. Okonjo-Bell/);
    assert.match(await lexiconText(), /Wendt/, 'the earlier merge stays in the file');
    await waitFor(() => speakers()['person:nadia-okonjo'] === 2, 'N. Okonjo-Bell linked to Nadia Okonjo');
  });

  it('a manual "Daniel Okorie" and the automatic "Okorie" of the document are one person', async () => {
    assert.equal(speakers()['person:okorie'], 1, `the recognizer finds the surname only: ${JSON.stringify(speakers())}`);
    const start = TEXT.indexOf('Daniel Okorie');
    await vscode.commands.executeCommand('marginalia.annotateSpeaker', { uri: uri.toString(), start, end: start + 'Daniel Okorie'.length, note: 'researcher' });
    await waitFor(() => speakers()['person:daniel-okorie'] === 2 && speakers()['person:okorie'] === undefined, 'one Daniel Okorie with both mentions');
    let labels: string[] = [];
    await waitFor(async () => {
      const rows = await vscode.commands.executeCommand<Array<{ label: string }> | undefined>('marginalia.internal.treeChildren', 'marginalia.documentEntities', ['Speakers']);
      labels = (rows ?? []).map((r) => r.label);
      return labels.includes('Daniel Okorie') && !labels.includes('Okorie');
    }, 'the document view listing one Daniel Okorie').catch((e: Error) => {
      throw new Error(`${e.message}; it lists ${JSON.stringify(labels)}`);
    });
  });
});
