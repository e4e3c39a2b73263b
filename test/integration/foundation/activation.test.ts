import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openSample, waitForActivation, workspaceRoot } from '../support/editor';

describe('foundation: Marginalia in a real extension host', () => {
  it('is installed and declares precise activation events, never "*"', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    const events = (extension.packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
    assert.ok(!events.includes('*'), 'never activates on every start-up');
  });

  it('activates when a sample plain-text document is opened', async () => {
    const editor = await openSample('news-report.txt');
    assert.equal(editor.document.languageId, 'plaintext');
    const extension = await waitForActivation();
    assert.ok(extension.isActive);
  });

  it('registers marginalia.showVersion, and it runs', async () => {
    await waitForActivation();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('marginalia.showVersion'), 'marginalia.showVersion is registered');
    // The command may wait for its notification to be dismissed, so it counts as running when it has not
    // rejected (an unknown or throwing command rejects at once) by the time its notification could show.
    const outcome = await Promise.race([
      Promise.resolve(vscode.commands.executeCommand('marginalia.showVersion')).then(() => 'finished'),
      new Promise<string>((resolve) => setTimeout(() => resolve('waiting for the user'), 1500)),
    ]);
    assert.ok(['finished', 'waiting for the user'].includes(outcome));
    await vscode.commands.executeCommand('notifications.clearAll');
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
