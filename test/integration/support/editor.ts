import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The extension's id as the editor knows it (`publisher.name`). */
export const EXTENSION_ID = 'marginalia-dev.marginalia';

/** The sample workspace the harness opens (samples/). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens samples/ as the workspace folder');
  return folder.uri;
}

/** Opens `samples/<relativePath>` in an editor and returns the editor. */
export async function openSample(relativePath: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), relativePath);
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/**
 * Polls `condition` until it holds or `timeoutMs` passes; the editor does a lot asynchronously (activation,
 * decorations, tree refreshes) and a poll with a deadline is what a user's patience amounts to.
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/**
 * Waits for Marginalia to be activated by the editor (not by the test): the activation events must fire.
 * `isActive` turns true even when `activate` threw, so the activation promise is awaited too: it rejects
 * with the error `activate` threw.
 */
export async function waitForActivation(timeoutMs = 15_000): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed in the extension host`);
  const deadline = Date.now() + timeoutMs;
  while (!extension.isActive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  // Checked before `activate()` is called, which would activate it whatever the activation events say.
  assert.ok(extension.isActive, `${EXTENSION_ID} was not activated by its activation events within ${timeoutMs} ms`);
  await extension.activate();
  return extension;
}
