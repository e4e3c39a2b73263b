import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openSample, waitForActivation, workspaceRoot } from '../support/editor';
import { remove } from '../support/files';
import { waitForDecorations } from './marginaliaApi';

const highlighted = (d: { ranges: Record<string, number[][]> }) => Object.values(d.ranges).some((r) => r.length > 0);
const plain = (d: { ranges: Record<string, number[][]> }) => Object.values(d.ranges).every((r) => r.length === 0);

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('marginalia').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('editor: which documents Marginalia serves (files.languages, files.include)', () => {
  before(async () => {
    await openSample('news-report.txt');
    await waitForActivation();
  });

  afterEach(async () => {
    await setting('files.languages', undefined);
    await setting('files.include', undefined);
  });

  it('serves only the languages of marginalia.files.languages', async () => {
    const markdown = (await openSample('interview.md')).document;
    await waitForDecorations(markdown, highlighted, 'the interview highlighted (Markdown is served by default)');
    await setting('files.languages', ['plaintext']);
    await waitForDecorations(markdown, plain, 'no highlights once Markdown is not among the languages');
    await setting('files.languages', undefined);
    await waitForDecorations(markdown, highlighted, 'the interview highlighted again');
  });

  it('serves files of other languages that marginalia.files.include names', async () => {
    const file = vscode.Uri.joinPath(workspaceRoot(), 'zz-served-transcript.log');
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(workspaceRoot(), 'press-briefing.txt'), file, { overwrite: true });
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      assert.notEqual(editor.document.languageId, 'plaintext');
      await waitForDecorations(editor.document, plain, 'a .log file not served by default');
      await setting('files.include', ['**/*.log']);
      await waitForDecorations(editor.document, highlighted, 'the .log file highlighted once files.include names it');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await remove(file);
    }
  });
});
