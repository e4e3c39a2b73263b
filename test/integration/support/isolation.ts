import * as vscode from 'vscode';
import type { Context } from 'mocha';
import { waitFor } from './editor';

/**
 * Root hooks of the integration suite: whatever a test leaves behind, pass or fail, the next test starts
 * without it. A test that fails or times out never reaches its own clean-up, and an untitled document with
 * thousands of mentions left open changes every count, hover and tree that later tests check.
 */
export const isolationHooks = {
  async afterEach(this: Context): Promise<void> {
    // Closing a modified editor would ask whether to save it, and nobody answers in a test run: revert first.
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isUntitled)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    // A failed test may have left its edits in a workspace file; later tests read the file as it is on disk. Its
    // editors go too: what it opened (and scrolled, folded, selected) is in an unknown state. A passing test's
    // editors stay, for the suite's later tests that rely on what its before hook opened.
    if (this.currentTest?.state === 'failed') {
      // Any scheme the workspace is on: `file` on the desktop, the server's (`vscode-remote`) in the web worker host.
      for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled)) {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    await waitFor(() => !vscode.workspace.textDocuments.some((d) => d.isUntitled), 'the untitled documents closed');
  },
};
