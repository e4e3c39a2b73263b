import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import type { Mention } from '../../../src/core/model/mention';
import { ANALYSE_INDEXED_AFTER_MS } from '../../../src/features/openInSteps';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { remove, writeText } from '../support/files';
import { longText } from './longText';
import { decorationsOf, waitForDecorations, whenIdle } from './marginaliaApi';

describe('editor: a long document shows what the user sees first', function () {
  this.timeout(60_000);

  it('decorates the lines on screen before the rest is analysed, as the whole analysis then decorates them', async () => {
    await waitForActivation();
    const api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
    await whenIdle();
    // Taken when the part on screen is ready, not by polling: on a quiet machine the whole analysis can be over
    // before a poll would look, and then the first decorations are never seen.
    const firstParts = new Map<string, { indexed: boolean; mentions: readonly Mention[] }>();
    const listening = api.model.onDidAnalyseFirstPart((key) => {
      if (!firstParts.has(key)) firstParts.set(key, { indexed: api.index.document(key) !== undefined, mentions: [...(api.model.firstPartOf(key) ?? [])] });
    });
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: longText(900_000) });
    const uri = document.uri.toString();
    try {
      await vscode.window.showTextDocument(document);
      const whole = await waitForDecorations(document, (d) => !d.firstPart && api.index.document(uri) !== undefined, 'the whole document analysed', 30_000);
      const first = firstParts.get(uri);
      assert.ok(first, 'the part on screen was analysed on its own first');
      assert.equal(first.indexed, false, 'not indexed while only the first part is analysed: hovers and the trees follow the whole analysis');
      // The part on screen is the first lines (the editor shows the top): what it showed there is what the whole
      // analysis shows.
      const line = (offset: number) => document.positionAt(offset).line;
      const span = (m: Mention) => `${m.kind} ${m.start}-${m.end}`;
      const firstSpans = first.mentions.filter((m) => line(m.start) < 60).map(span);
      assert.ok(firstSpans.length > 20, `${firstSpans.length} spans decorated first`);
      const wholeSpans = new Set((api.index.document(uri)?.mentions ?? []).map(span));
      assert.deepEqual(firstSpans.filter((s) => !wholeSpans.has(s)), [], 'every first mention is one of the whole analysis');
      assert.ok(Object.values(whole.ranges).some((r) => r.length > 0));
      assert.ok(api.index.document(uri)?.mentions.some((m) => m.start > document.getText().length - 500), 'the whole text indexed');
    } finally {
      listening.dispose();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('shows the scan\'s analysis of a file indexed as it is at once, and analyses it for edits only after the open', async () => {
    await waitForActivation();
    const api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
    const file = vscode.Uri.joinPath(workspaceRoot(), 'long-indexed.txt');
    const uri = file.toString();
    await writeText(file, longText(150_000));
    try {
      await waitFor(() => api.index.document(uri) !== undefined, 'the new long file indexed by the scan', 30_000);
      await whenIdle();
      const scanned = api.index.document(uri);
      assert.ok(scanned);
      const updates: number[] = [];
      const listening = api.model.onDidUpdate((u) => {
        if (u.uri === uri) updates.push(performance.now());
      });
      try {
        const opened = performance.now();
        const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
        await waitForDecorations(editor.document, (d) => (d.ranges.treaty?.length ?? 0) > 0, 'the indexed file decorated');
        await waitFor(() => updates.length > 0, 'the opened file analysed', 30_000);
        assert.ok(updates[0] - opened >= ANALYSE_INDEXED_AFTER_MS, `analysed ${(updates[0] - opened).toFixed(0)} ms after the open began`);
        assert.notEqual(api.index.document(uri), scanned);
        // That analysis is the one edits go on from: a keystroke inside a sentence takes the short path.
        const at = editor.document.positionAt(editor.document.getText().indexOf(' limits ', 5000) + 2);
        await editor.edit((b) => b.insert(at, 'x'));
        await waitFor(() => updates.length > 1, 'the edit analysed');
        assert.equal(api.model.stats.lastPath, 'shifted');
        assert.ok((await decorationsOf(editor.document))?.ranges.treaty?.length);
      } finally {
        listening.dispose();
      }
    } finally {
      // Its speakers and quotes would count in other tests' views, and the editor keeps a closed file's document
      // (and so the index its mentions) for a while: it is emptied and saved before it is closed and deleted.
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      if (open) {
        const editor = await vscode.window.showTextDocument(open);
        await editor.edit((b) => b.delete(new vscode.Range(new vscode.Position(0, 0), open.lineAt(open.lineCount - 1).range.end)));
        await open.save();
        await waitFor(() => (api.index.document(uri)?.count ?? 0) === 0, 'the emptied file indexed', 30_000);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
      await remove(file);
      await waitFor(() => (api.index.document(uri)?.count ?? 0) === 0, 'the deleted file out of the index', 30_000);
      await whenIdle();
    }
  });
});
