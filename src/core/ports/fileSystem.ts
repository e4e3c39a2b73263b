/**
 * The file system as the core sees it. Hosts implement it (Node `fs` for the CLI and `file:` workspaces,
 * `vscode.workspace.fs` elsewhere). The steps of an atomic write are separate calls on purpose: the
 * {@link SidecarStore} orders them (write, sync, rename, sync folder) and tests spy on that order and inject
 * errors at each one. Paths are absolute and use the host's separators.
 */
export interface FileSystem {
  /** The whole file. Rejects with an error whose `code` is `ENOENT` when it does not exist. */
  readFile(path: string): Promise<Uint8Array>;
  /** What is at `path` without following a final symlink (lstat), or `undefined` when nothing is. */
  stat(path: string): Promise<FileStat | undefined>;
  /** The canonical path with every symlink resolved; used to keep writes inside the workspace. */
  realpath(path: string): Promise<string>;
  /** Names (not paths) of the entries of a folder. */
  readDirectory(path: string): Promise<string[]>;
  /**
   * Creates a new file and writes all of `data` into it. With `exclusive` the call fails with `EEXIST` when the
   * file exists (O_EXCL): the primitive behind lock files and temp files that never clobber anything.
   */
  writeFile(path: string, data: Uint8Array, options: { exclusive: boolean }): Promise<void>;
  /** Flushes the file's data to the device (fsync), so a rename after it cannot expose an empty file. */
  syncFile(path: string): Promise<void>;
  /**
   * Atomically replaces `to` with `from` (same folder). A folder replaces only a missing or (on POSIX) empty
   * folder: onto a folder that holds anything the call fails (`ENOTEMPTY`, `EEXIST` or, on Windows, `EPERM`).
   */
  rename(from: string, to: string): Promise<void>;
  /** Flushes the folder entry (fsync on the directory) so the rename survives power loss. May be a no-op. */
  syncDirectory(path: string): Promise<void>;
  /** Removes a file; resolves when it was already gone. */
  deleteFile(path: string): Promise<void>;
  /** Creates a folder and any missing parents (for sidecars kept in a mirror folder). */
  createDirectory(path: string): Promise<void>;
  /** Removes a folder only when it is empty: rejects with `ENOTEMPTY` (or `EEXIST`) otherwise; resolves when gone. */
  removeDirectory(path: string): Promise<void>;
}

export interface FileStat {
  type: 'file' | 'directory' | 'symlink' | 'other';
  size: number;
  mtimeMs: number;
}

/** The errno-style code of a failed file-system call (`ENOENT`, `ENOSPC`...), or undefined. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Separator-agnostic path helpers: the core cannot import `node:path`, and sidecars live on any OS. */
export function dirname(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (i < 0) return '.';
  if (i === 0) return path.slice(0, 1);
  if (/^[A-Za-z]:[\\/]?$/.test(path.slice(0, i + 1))) return path.slice(0, i + 1);
  return path.slice(0, i);
}

/** The last segment of a path. */
export function basename(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(i + 1);
}

/** Joins a folder and a name with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith('/') || folder.endsWith('\\') ? folder + name : folder + sep + name;
}
