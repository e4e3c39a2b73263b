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

/**
 * A folder beside the workspace for a test's output (not yet made): outside what Marginalia scans, on the
 * workspace's own file system (a local folder in the Node host, the server's in the web worker host).
 */
export function scratchFolder(prefix: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) throw new Error('the harness opens a workspace folder');
  const parent = root.path.replace(/\/[^/]*\/?$/, '') || '/';
  return root.with({ path: `${parent}/${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}` });
}

/** A file an export reports writing: a local path in the Node host, a Uri elsewhere. */
export function writtenUri(file: string): vscode.Uri {
  return /^[a-z][\w+.-]+:\/\//i.test(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file);
}

/** True in VS Code for the Web's extension host (a web worker), false in the Node extension host. */
export const inWebWorkerHost = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
