import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { exists, remove, writeText } from '../support/files';

/** Names of the test's own files: runs in the two hosts never meet, but a file a killed run left must not matter. */
const TOKEN = Date.now().toString(36);
/** People no other document names, each in a sentence of its own. */
const PEOPLE = 200;
const GIVEN = ['Mira', 'Olaf', 'Anna', 'Ivo', 'Greta', 'Tomas', 'Lise', 'Pavel'];

function personName(i: number): string {
  const suffix = String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + (Math.floor(i / 26) % 26));
  return `${GIVEN[i % GIVEN.length] as string} Zarvel${suffix}`;
}

async function closeEditorOf(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe("the editor's analysis cache and the workspace lexicon", function () {
  this.timeout(60_000);

  it('is emptied when the workspace lexicon changes, and an open document shows the new lexicon', async () => {
    await waitForActivation();
    const api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
    const nameKeys = () => api.lexicons.analysisCache.names.size;
    const file = vscode.Uri.joinPath(workspaceRoot(), `zz-cache-${TOKEN}.txt`);
    const lexiconFolder = vscode.Uri.joinPath(workspaceRoot(), '.marginalia');
    const lexiconFile = vscode.Uri.joinPath(lexiconFolder, 'lexicon.yaml');
    const lexiconNamesHelena = () => api.lexicons.lexiconFor(file).people.some((p) => p.id === 'person:helena-marsh');
    assert.ok(!(await exists(lexiconFile)), 'the sample workspace has no lexicon of its own');
    let open: vscode.TextDocument | undefined;
    try {
      await writeText(file, 'Lena Marsh said the talks would resume on Tuesday.\n');
      open = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(open);
      const entityOfMarsh = () => api.index.document(file.toString())?.mentions.find((m) => m.text === 'Lena Marsh')?.entityId;
      await waitFor(() => entityOfMarsh() === 'person:lena-marsh', 'the open document analysed with the built-in lexicon', 20_000);

      // A document naming people no other one names, analysed and closed: their name keys stay in the cache.
      const content = Array.from({ length: PEOPLE }, (_, i) => `${personName(i)} said the talks would resume.`).join('\n\n');
      const many = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
      await vscode.window.showTextDocument(many);
      const speakers = () => (api.index.document(many.uri.toString())?.mentions ?? []).filter((m) => m.kind === 'speaker').length;
      await waitFor(() => speakers() === PEOPLE, `the ${PEOPLE} speakers of the untitled document found`, 20_000);
      const held = nameKeys();
      assert.ok(held >= PEOPLE, `the cache holds the name keys of the people just read: ${held}`);
      await closeEditorOf(many);
      await waitFor(() => api.index.document(many.uri.toString()) === undefined, 'the untitled document gone from the index');

      await vscode.workspace.fs.createDirectory(lexiconFolder);
      await writeText(lexiconFile, 'people:\n  - id: person:helena-marsh\n    name: Helena Marsh\n    aliases: [Lena Marsh]\n');
      await waitFor(() => entityOfMarsh() === 'person:helena-marsh', "the open document linked to the lexicon's new alias", 20_000);
      // The open documents were analysed again from an empty cache: the closed document's people are gone from it.
      const after = nameKeys();
      assert.ok(after <= held - PEOPLE / 2, `the cache was emptied when the lexicon changed: ${after} name keys held, ${held} before`);
    } finally {
      if (open) await closeEditorOf(open);
      await remove(lexiconFolder);
      await remove(file);
      await waitFor(() => !lexiconNamesHelena(), 'the lexicon removed again', 20_000).catch(() => undefined);
    }
  });
});
