/**
 * The workspace a document belongs to, for the CLI, found as git finds a repository: the nearest folder at or
 * above the document's that holds `.marginalia/`, `.vscode/` or `.git` (a folder, or a file in a git worktree),
 * else the document's own folder. So `marginalia annotate add /abs/path/doc.txt` works from any folder, and the
 * sidecar rules (nothing written outside the workspace) apply to that workspace. `--root` names it instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT_MARKERS = ['.marginalia', '.vscode', '.git'];

/** The workspace root of the document at `documentPath` (absolute, or relative to the current folder). */
export function findWorkspaceRoot(documentPath: string): string {
  return workspaceRootAbove(path.dirname(path.resolve(documentPath)));
}

/** The nearest folder at or above `start` (absolute) with a workspace marker, else `start`. */
export function workspaceRootAbove(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (ROOT_MARKERS.some((marker) => fs.existsSync(path.join(dir, marker)))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

/** `--root` resolved against `cwd` when given, else the document's workspace root. */
export function rootFor(documentPath: string, cwd: string, explicitRoot: string | undefined): string {
  return explicitRoot === undefined ? findWorkspaceRoot(path.resolve(cwd, documentPath)) : path.resolve(cwd, explicitRoot);
}
