import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openSample, waitFor, waitForActivation, workspaceRoot } from '../support/editor';

describe('foundation: Marginalia in a real extension host', () => {
  it('is installed and declares precise activation events, never "*"', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    const events = (extension.packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
    assert.ok(!events.includes('*'), 'never activates on every start-up');
  });

  it('is activated by its activation events when a plain-text document is opened, never by the test', async () => {
    // This file runs first (see index.ts) and nothing in the suite calls `activate()` on an inactive
    // extension (see waitForActivation), so only the activation events can turn Marginalia on. The workbench
    // may fire `onLanguage:plaintext` before this test opens anything (it makes plain-text models of its
    // own): isActive may already be true, but only through the same event.
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    const editor = await openSample('news-report.txt');
    assert.equal(editor.document.languageId, 'plaintext');
    await waitFor(() => extension.isActive, 'Marginalia activated by its activation events', 15_000);
    // `isActive` turns true even when `activate` threw; its promise rejects with the error then.
    await extension.activate();
  });

  it('registers marginalia.showVersion, and it runs', async () => {
    await waitForActivation();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('marginalia.showVersion'), 'marginalia.showVersion is registered');
    // The command resolves when its notification is dismissed: still pending after a while means the
    // notification is showing (a command that threw, or showed nothing, has settled by then); clearing the
    // notifications then settles it.
    let outcome = 'pending';
    const run = Promise.resolve(vscode.commands.executeCommand('marginalia.showVersion')).then(
      () => (outcome = 'dismissed'),
      (e: unknown) => (outcome = `rejected: ${e instanceof Error ? e.message : String(e)}`),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(outcome, 'pending', 'the version notification waits for the user');
    await vscode.commands.executeCommand('notifications.clearAll');
    await run;
    assert.equal(outcome, 'dismissed');
  });

  it('contributes the marginalia view container, which opens', async () => {
    // The command exists only when the container does; executeCommand rejects for an unknown command.
    await vscode.commands.executeCommand('workbench.view.extension.marginalia');
  });

  it('opens the sample workspace and its documents', async () => {
    assert.match(workspaceRoot().path, /\/samples$/);
    const markdown = await openSample('interview.md');
    assert.equal(markdown.document.languageId, 'markdown');
    assert.match(markdown.document.getText(), /New START/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), markdown.document.uri.toString());
  });
});
