import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { openSample, waitForActivation } from '../support/editor';
import { decorationsOf, textsOf, waitForDecorations, whenIdle } from './marginaliaApi';

describe('editor: highlights', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    editor = await openSample('press-briefing.txt');
    await waitForActivation();
    await whenIdle();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('marginalia').update('kinds.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  it('decorates every mention of each kind at its exact range', async () => {
    const document = editor.document;
    const applied = await waitForDecorations(document, (d) => (d.ranges.treaty?.length ?? 0) > 0, 'treaty highlights');
    // The same text analysed by the core in Node terms: the editor must show exactly these spans, kind by kind.
    const expected = analyze(document.getText(), { lexicon: BUILTIN_LEXICON }).mentions.filter((m) => !m.layer);
    for (const kind of ['speaker', 'date', 'treaty']) {
      const want = expected.filter((m) => m.kind === kind).map((m) => m.text);
      assert.ok(want.length > 0, `the sample has ${kind} mentions`);
      assert.deepEqual(textsOf(document, applied.ranges[kind]), want, `${kind} highlights`);
    }
    assert.ok(textsOf(document, applied.ranges.speaker).includes('MR. HARTLEY'));
    assert.ok(textsOf(document, applied.ranges.treaty).includes('Open Skies Treaty'));
    assert.ok(textsOf(document, applied.ranges.date).some((t) => t.includes('January 8, 2025')));
    assert.equal(applied.rulerMarks, true, 'a short document keeps its overview-ruler marks');
    assert.equal(applied.visibleOnly, false);
  });

  it('follows edits: a new treaty mention typed into the text is highlighted', async () => {
    const document = editor.document;
    const before = (await decorationsOf(document))?.ranges.treaty?.length ?? 0;
    await editor.edit((b) => b.insert(document.positionAt(document.getText().length), '\n\nMR. HARTLEY: The CFE Treaty matters too.\n'));
    const after = await waitForDecorations(document, (d) => (d.ranges.treaty?.length ?? 0) === before + 1, 'the typed treaty highlighted');
    assert.ok(textsOf(document, after.ranges.treaty).includes('CFE Treaty'));
    await vscode.commands.executeCommand('undo');
    await waitForDecorations(document, (d) => (d.ranges.treaty?.length ?? 0) === before, 'highlights back after undo');
  });

  it('turns one kind off and on through the setting', async () => {
    const document = editor.document;
    await vscode.workspace.getConfiguration('marginalia').update('kinds.enabled', ['speaker', 'treaty'], vscode.ConfigurationTarget.Global);
    const off = await waitForDecorations(document, (d) => (d.ranges.date?.length ?? 0) === 0, 'dates hidden');
    assert.ok((off.ranges.speaker?.length ?? 0) > 0, 'speakers stay');
    await vscode.commands.executeCommand('marginalia.toggleKind', 'date');
    await waitForDecorations(document, (d) => (d.ranges.date?.length ?? 0) > 0, 'dates back after marginalia.toggleKind date');
  });

  it('turns highlighting off for one document and back on', async () => {
    const document = editor.document;
    await vscode.commands.executeCommand('marginalia.toggleHighlights');
    await waitForDecorations(document, (d) => Object.values(d.ranges).every((r) => r.length === 0), 'no highlights');
    await vscode.commands.executeCommand('marginalia.toggleHighlights');
    await waitForDecorations(document, (d) => (d.ranges.speaker?.length ?? 0) > 0, 'highlights back');
  });

  it('decorates only around the visible lines of a very large document, without ruler marks', async () => {
    const paragraph = 'MR. HARTLEY: The New START limits held until February 5, 2026, and the INF Treaty is long gone.\n\n';
    const content = paragraph.repeat(Math.ceil(600_000 / paragraph.length));
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
    const big = await vscode.window.showTextDocument(document);
    const applied = await waitForDecorations(document, (d) => (d.ranges.treaty?.length ?? 0) > 0, 'large-document highlights', 30_000);
    assert.equal(applied.visibleOnly, true);
    const lastVisible = big.visibleRanges[big.visibleRanges.length - 1].end.line;
    const lines = Object.values(applied.ranges).flat().map((r) => r[0]);
    assert.ok(Math.max(...lines) <= lastVisible + 200, `decorated up to line ${Math.max(...lines)}, visible to ${lastVisible}`);
    assert.ok(lines.length < 2000, `${lines.length} decorations, not one per mention of the document`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('drops overview-ruler marks above the limit', async () => {
    const content = 'MR. HARTLEY: New START, the INF Treaty and the NPT on March 3, 2023.\n'.repeat(400);
    // A named untitled document: a new `Untitled-1` can come back with the text of the closed one before it
    // (the workbench restores it from its backup), which here is the very large document of the test above.
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse('untitled:ruler-limit.txt'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), content);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the text inserted');
    assert.equal(document.getText(), content);
    await vscode.window.showTextDocument(document);
    const applied = await waitForDecorations(document, (d) => (d.ranges.treaty?.length ?? 0) >= 1000, 'many highlights', 20_000);
    assert.equal(applied.rulerMarks, false);
    assert.equal(applied.visibleOnly, false);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
