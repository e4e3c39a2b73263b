import * as vscode from 'vscode';

/**
 * Workspace files for the tests, through `vscode.workspace.fs`: the same calls in the Node extension host and in
 * the web worker host, where there is no `node:fs`.
 */

/** The file's text, or '' when it does not exist. */
export async function readText(uri: vscode.Uri): Promise<string> {
  return (await exists(uri)) ? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) : '';
}

/** Writes the file (and its missing folders). */
export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Deletes a file, or a folder with what it holds; nothing when it is already gone. */
export async function remove(uri: vscode.Uri): Promise<void> {
  if (await exists(uri)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
}

/** True in VS Code for the Web's extension host (a web worker), false in the Node extension host. */
export const inWebWorkerHost = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
