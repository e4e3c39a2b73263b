import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { ANALYSE_INDEXED_AFTER_MS } from '../../../src/features/openInSteps';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { remove, writeText } from '../support/files';
import { longText } from './longText';
import { decorationsOf, waitForDecorations, whenIdle, type AppliedDecorations } from './marginaliaApi';

/** The decorated spans of `d` on lines before `line`, as comparable strings. */
function spansBefore(d: AppliedDecorations, line: number): string[] {
  return Object.entries(d.ranges)
    .flatMap(([kind, list]) => list.filter((r) => r[2] < line).map((r) => `${kind} ${r.join(',')}`))
    .sort();
}

describe('editor: a long document shows what the user sees first', function () {
  this.timeout(60_000);

  it('decorates the lines on screen before the rest is analysed, as the whole analysis then decorates them', async () => {
    await waitForActivation();
    const api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
    await whenIdle();
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: longText(900_000) });
    const uri = document.uri.toString();
    try {
      await vscode.window.showTextDocument(document);
      // Seen while the index has nothing of the document yet: hovers and the trees follow the whole analysis.
      let indexedMeanwhile = false;
      const first = await waitForDecorations(
        document,
        (d) => {
          indexedMeanwhile ||= d.firstPart && api.index.document(uri) !== undefined;
          return d.firstPart || api.index.document(uri) !== undefined;
        },
        'the first decorations of the long document',
        30_000,
      );
      assert.ok(first.firstPart, 'the first decorations came from the part on screen, before the whole document was analysed');
      assert.equal(indexedMeanwhile, false);
      assert.equal(api.index.document(uri), undefined, 'not indexed while only the first part is analysed');
      const whole = await waitForDecorations(document, (d) => !d.firstPart && api.index.document(uri) !== undefined, 'the whole document analysed', 30_000);
      // The part on screen is the first lines (the editor shows the top); both cover at least its first 60 lines.
      const firstSpans = spansBefore(first, 60);
      assert.ok(firstSpans.length > 20, `${firstSpans.length} spans decorated first`);
      assert.deepEqual(firstSpans, spansBefore(whole, 60));
      assert.ok(api.index.document(uri)?.mentions.some((m) => m.start > document.getText().length - 500), 'the whole text indexed');
    } finally {
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
