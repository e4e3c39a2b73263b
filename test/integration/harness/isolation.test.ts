import * as assert from 'node:assert/strict';
import type { Context } from 'mocha';
import * as vscode from 'vscode';
import { isolationHooks } from '../support/isolation';
import { openSample, waitForActivation } from '../support/editor';

/**
 * The harness's own promise (support/isolation.ts): whatever a test leaves open, the next test starts without
 * it. The first test leaves an edited untitled document behind on purpose; the second finds none.
 */
describe('harness: a test leaves nothing open for the next', function () {
  this.timeout(30_000);

  it('leaves an edited untitled document open (the next test checks it was closed)', async () => {
    await waitForActivation();
    const untitled = await vscode.workspace.openTextDocument({ content: 'MR. HARTLEY: Left open by a test on purpose.\n' });
    await vscode.window.showTextDocument(untitled);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Edited. '));
    assert.ok(untitled.isUntitled && untitled.isDirty);
  });

  it('starts with no untitled document left by the test before', () => {
    assert.deepEqual(
      vscode.workspace.textDocuments.filter((d) => d.isUntitled).map((d) => d.uri.toString()),
      [],
    );
  });

  it('after a failed test, reverts its edits to workspace files and closes every editor', async () => {
    const editor = await openSample('news-report.txt');
    const saved = editor.document.getText();
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'A failed test typed this. '));
    assert.ok(editor.document.isDirty);
    // The root hook as mocha runs it after a test that failed or timed out.
    await isolationHooks.afterEach.call({ currentTest: { state: 'failed' } } as unknown as Context);
    assert.equal(editor.document.isDirty, false);
    assert.equal(editor.document.getText(), saved);
    assert.deepEqual(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()), []);
  });
});
