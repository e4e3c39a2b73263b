import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openSample, waitFor, waitForActivation } from '../support/editor';
import { hoverText, positionOf, treeChildren, waitForDecorations, whenIdle } from './marginaliaApi';

describe('editor: the Quotes view', function () {
  // A new document's quote reaches the view after its analysis and the view's refresh: slow on a loaded machine.
  this.timeout(60_000);
  let editor: vscode.TextEditor;

  before(async () => {
    editor = await openSample('press-briefing.txt');
    await waitForActivation();
    await whenIdle();
    await waitForDecorations(editor.document, (d) => (d.ranges.speaker?.length ?? 0) > 0, 'the briefing analysed');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('marginalia.clearQuoteFilter');
  });

  it('lists people with their quotes, also from documents that are not open', async () => {
    // interview.md may be scanned after the view shows the others (seen under load): wait for its speaker too.
    await waitFor(async () => {
      const rows = await treeChildren('marginalia.quotes');
      return rows.length >= 3 && rows.some((r) => r.label === 'Ingrid Solberg');
    }, 'the Quotes view filled');
    const people = await treeChildren('marginalia.quotes');
    const hartley = people.find((r) => r.label === 'Hartley');
    assert.equal(hartley?.description, '5 quotes', people.map((r) => `${r.label}: ${r.description}`).join(', '));
    // interview.md is not opened by this suite: its quotes come from the scanned document's parts.
    const solberg = await treeChildren('marginalia.quotes', ['Ingrid Solberg']);
    assert.equal(solberg.length, 5);
    assert.ok(solberg.every((r) => r.description === 'interview.md'), solberg.map((r) => r.description).join(', '));
  });

  it("lists a person's quotes by document date, then position, and a row reveals its quote", async () => {
    // An earlier dated text quoting Hartley, written for this test: its quote comes before the briefing's.
    const earlier = await vscode.workspace.openTextDocument({
      language: 'plaintext',
      content: 'GENEVA, January 2, 2025 - Talks were announced.\n\n"We expect a long week," Hartley said.\n',
    });
    try {
      await waitFor(async () => (await treeChildren('marginalia.quotes', ['Hartley'])).length === 6, "the new text's quote listed", 30_000).catch(async (e: unknown) => {
        const people = await treeChildren('marginalia.quotes');
        throw new Error(`${e instanceof Error ? e.message : String(e)}; the view lists ${people.map((r) => `${r.label}: ${r.description}`).join(', ')}`);
      });
      const rows = await treeChildren('marginalia.quotes', ['Hartley']);
      assert.equal(rows[0].label, '\u201cWe expect a long week,\u201d');
      assert.equal(rows[0].command?.[0], earlier.uri.toString());
      const briefing = rows.slice(1);
      assert.ok(briefing.every((r) => r.command?.[0] === editor.document.uri.toString() && r.description === 'press-briefing.txt \u00b7 8 January 2025'), briefing.map((r) => r.description).join(', '));
      const starts = briefing.map((r) => Number(r.command?.[1]));
      assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'in text order');
      assert.match(briefing[0].label, /^\u201cThank you\. Yesterday the Deputy/);

      const row = briefing[1];
      await vscode.commands.executeCommand('marginalia.revealMention', ...(row.command ?? []));
      const active = vscode.window.activeTextEditor;
      assert.ok(active && active.document.uri.toString() === editor.document.uri.toString());
      assert.equal(active.document.offsetAt(active.selection.start), row.command?.[1]);
      assert.equal(active.document.offsetAt(active.selection.end), row.command?.[2]);
      assert.match(active.document.getText(active.selection), /^We have said for some time/);
    } finally {
      await vscode.window.showTextDocument(earlier);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      editor = await vscode.window.showTextDocument(editor.document);
    }
  });

  it('filters by person, from the view title and from a speaker hover ("All quotes...")', async () => {
    await vscode.commands.executeCommand('marginalia.filterQuotes', 'solberg');
    assert.deepEqual((await treeChildren('marginalia.quotes')).map((r) => r.label), ['Ingrid Solberg']);
    await vscode.commands.executeCommand('marginalia.clearQuoteFilter');
    assert.ok((await treeChildren('marginalia.quotes')).length >= 3);

    const { text } = await hoverText(editor.document, positionOf(editor.document, 'MR. HARTLEY', 5));
    const link = /\[All quotes…\]\(command:marginalia\.filterQuotes\?([^)\s]+)\)/.exec(text);
    assert.ok(link, text);
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    await vscode.commands.executeCommand('marginalia.filterQuotes', ...args);
    assert.deepEqual((await treeChildren('marginalia.quotes')).map((r) => r.label), ['Hartley']);
  });

  it('"All quotes..." from a hover shows every quote of the person, whatever date or treaty filter was on', async () => {
    // A range no sample is dated in: the view is empty until the link says "all".
    await vscode.commands.executeCommand('marginalia.filterQuotesByDate', '1900', '1901');
    assert.deepEqual(await treeChildren('marginalia.quotes'), []);
    const { text } = await hoverText(editor.document, positionOf(editor.document, 'MR. HARTLEY', 5));
    const link = /\[All quotes…\]\(command:marginalia\.filterQuotes\?([^)\s]+)\)/.exec(text);
    assert.ok(link, text);
    await vscode.commands.executeCommand('marginalia.filterQuotes', ...(JSON.parse(decodeURIComponent(link[1])) as unknown[]));
    assert.deepEqual((await treeChildren('marginalia.quotes')).map((r) => `${r.label}: ${r.description}`), ['Hartley: 5 quotes']);
  });

  it('splits a person with more quotes than a tree node should hold into ranges, in order', async () => {
    const content = Array.from({ length: 250 }, (_, i) => `"Point number ${i + 1} stands," Zora Quillfeather said.`).join('\n\n');
    const many = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
    try {
      await vscode.window.showTextDocument(many);
      await waitFor(async () => (await treeChildren('marginalia.quotes')).some((r) => r.label === 'Zora Quillfeather'), 'the long text analysed');
      const ranges = await treeChildren('marginalia.quotes', ['Zora Quillfeather']);
      assert.deepEqual(ranges.map((r) => [r.label, r.description]), [['1\u2013200', 'of 250'], ['201\u2013250', 'of 250']]);
      const second = await treeChildren('marginalia.quotes', ['Zora Quillfeather', '201']);
      assert.equal(second.length, 50);
      assert.equal(second[0].label, '\u201cPoint number 201 stands,\u201d');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      editor = await vscode.window.showTextDocument(editor.document);
    }
  });
});
