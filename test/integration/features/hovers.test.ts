import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openSample, waitForActivation } from '../support/editor';
import { hoverText, positionOf, waitForDecorations, whenIdle } from './marginaliaApi';

/** `command:` link targets in Markdown that VS Code would make clickable (not backslash-escaped). */
function commandTargets(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)\]\((command:[^?) ]+)/g)].map((m) => m[1]);
}

describe('editor: hover cards', () => {
  let document: vscode.TextDocument;

  before(async () => {
    document = (await openSample('press-briefing.txt')).document;
    await waitForActivation();
    await whenIdle();
    await waitForDecorations(document, (d) => (d.ranges.speaker?.length ?? 0) > 0, 'the briefing analysed');
  });

  it('speaker: canonical name, how often and where they speak, their words here', async () => {
    const { text, hovers } = await hoverText(document, positionOf(document, 'MR. HARTLEY', 5));
    assert.equal(hovers.length, 1, text);
    assert.match(text, /\*\*Hartley\*\* — speaker/);
    assert.match(text, /Speaks 5 times in 1 document: \[press\\-briefing\\\.txt\]\(command:marginalia\.revealMention\?/);
    assert.match(text, /Quotes in this document:/);
    assert.match(text, /Thank you\\\. Yesterday the Deputy Secretary/);
  });

  it('date: in words, ISO value, precision, weekday, and what it was resolved against and where that came from', async () => {
    const { text } = await hoverText(document, positionOf(document, 'Yesterday', 2));
    assert.match(text, /^\*\*7 January 2025\*\* — date/);
    assert.match(text, /ISO value: `2025-01-07` · precision: day/);
    assert.match(text, /Weekday: Tuesday/);
    assert.match(text, /Resolved relative to 8 January 2025, from the dateline\. \[Set Document Date…\]\(command:marginalia\.askDocumentDate\?/);
  });

  it('treaty: full name, dates, status, and its other mentions across the workspace', async () => {
    const { text } = await hoverText(document, positionOf(document, 'Open Skies Treaty', 3));
    assert.match(text, /\*\*Open Skies Treaty\*\* — treaty/);
    assert.match(text, /\*Treaty on Open Skies\*/);
    assert.match(text, /Signed: 1992\\-03\\-24 · In force: 2002\\-01\\-01/);
    assert.match(text, /Mentioned \d+ times in [2-9] documents/);
    assert.match(text, /Other mentions/);
    assert.match(text, /interview\\\.md|news\\-report\\\.txt|radio\\-interview\\\.txt/, 'mentions in files that are not open');
  });

  it('is untrusted Markdown: only the reveal command may run, document text cannot inject links or HTML', async () => {
    const hostile = [
      'MR. HARTLEY: Look [here](command:workbench.action.terminal.new) and <img src=x onerror=alert(1)> $(zap).',
      '',
      '"Run [this](command:workbench.action.files.delete) <b>now</b>," Hartley said on March 3, 2023.',
    ].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: hostile });
    await vscode.window.showTextDocument(doc);
    await waitForDecorations(doc, (d) => (d.ranges.speaker?.length ?? 0) > 0, 'the hostile text analysed');
    for (const needle of ['MR. HARTLEY', 'Hartley said']) {
      const { text, hovers } = await hoverText(doc, positionOf(doc, needle, 4));
      assert.ok(hovers.length > 0, `a hover at ${needle}`);
      for (const target of commandTargets(text)) assert.ok(['command:marginalia.revealMention', 'command:marginalia.filterQuotes', 'command:marginalia.askDocumentDate'].includes(target), text);
      assert.doesNotMatch(text, /(?<!\\)<(img|b)\b/, text);
      assert.doesNotMatch(text, /(?<!\\)\$\(zap\)/, text);
      for (const h of hovers) {
        for (const c of h.contents) {
          if (typeof c === 'string' || !('supportHtml' in c)) continue;
          const md = c as vscode.MarkdownString;
          assert.notEqual(md.supportHtml, true, 'HTML is not rendered');
          // Navigation (to a mention, to a person's quotes), and the input box that sets a document date: none
          // writes anything by itself.
          if (typeof md.isTrusted === 'object') assert.deepEqual(md.isTrusted.enabledCommands, ['marginalia.revealMention', 'marginalia.filterQuotes', 'marginalia.askDocumentDate']);
          else assert.notEqual(md.isTrusted, true, 'never fully trusted');
        }
      }
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('answers nothing away from mentions', async () => {
    const { hovers } = await hoverText(document, positionOf(document, 'Good afternoon', 3));
    assert.equal(hovers.length, 0);
  });
});
