/**
 * The core's {@link FileSystem} port over `vscode.workspace.fs`, for workspaces Node's fs cannot reach: VS Code
 * for the Web (vscode.dev, github.dev, code-server's web worker host) and virtual folders. Paths are the `path`
 * of Uris that share the workspace folder's scheme and authority (`/`-separated on every OS).
 *
 * What is weaker than over Node's fs, and why the sidecar store stays safe:
 * - no fsync: `syncFile` and `syncDirectory` do nothing (the API has none); a write is as durable as the file
 *   system provider makes it.
 * - no O_EXCL: an exclusive write checks that nothing is there, then writes. The store writes exclusively only
 *   under names no one else uses (temp files, lock owner files named by a random token), so the gap between the
 *   check and the write is never contested.
 * - no realpath: symlinks are not resolved; a sidecar that is itself a symlink is still refused (stat reports
 *   it), a folder that is a symlink pointing outside the workspace is not detected.
 * - rename: a file replaces a file (`overwrite`), but not atomically: the editor's file service deletes the old
 *   file before the provider renames the new one (seen in the web host: a reader in between finds no file); a folder (a lock being placed) never replaces anything, so two writers cannot both take
 *   a lock. Conflicting saves from elsewhere are still detected by the store: it re-reads and compares the content
 *   hash under the lock before every write, and merges.
 */
import * as vscode from 'vscode';
import type { FileStat, FileSystem } from '../../core/ports/fileSystem';

/** The errno codes the core understands, for the editor's file-system errors. */
const ERRNO: Record<string, string> = {
  FileNotFound: 'ENOENT',
  EntryNotFound: 'ENOENT',
  FileExists: 'EEXIST',
  EntryExists: 'EEXIST',
  FileNotADirectory: 'ENOTDIR',
  EntryNotADirectory: 'ENOTDIR',
  FileIsADirectory: 'EISDIR',
  EntryIsADirectory: 'EISDIR',
  NoPermissions: 'EACCES',
  Unavailable: 'EAGAIN',
};

/** An Error with the errno-style `code` the core reads (`errorCode`), naming the path and the editor's reason. */
export function fileSystemError(path: string, e: unknown): Error {
  const raw = typeof e === 'object' && e !== null ? e : {};
  const code = 'code' in raw && typeof raw.code === 'string' ? raw.code : '';
  // Some hosts carry the kind only in the name: "EntryNotFound (FileSystemError)".
  const name = 'name' in raw && typeof raw.name === 'string' ? raw.name.replace(/ \(FileSystemError\)$/, '') : '';
  const message = e instanceof Error ? e.message : String(e);
  // A disk provider's "Unknown" error often carries Node's errno in its message ("ENOTEMPTY: directory not empty").
  const errno = ERRNO[code] ?? ERRNO[name] ?? (/^E[A-Z]+$/.test(code) ? code : /\b(E[A-Z]{3,})\b/.exec(message)?.[1]);
  return Object.assign(new Error(message.includes(path) ? message : `${path}: ${message}`), { code: errno ?? 'EIO' });
}

export class WorkspaceFileSystem implements FileSystem {
  /** `base`: any Uri of the workspace folder; paths become Uris with its scheme and authority. */
  constructor(private readonly base: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    return this.base.with({ path: path.replace(/\\/g, '/') });
  }

  private async call<T>(path: string, op: () => Thenable<T>): Promise<T> {
    try {
      return await op();
    } catch (e) {
      throw fileSystemError(path, e);
    }
  }

  readFile(path: string): Promise<Uint8Array> {
    return this.call(path, () => vscode.workspace.fs.readFile(this.uri(path)));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    let s: vscode.FileStat;
    try {
      s = await this.call(path, () => vscode.workspace.fs.stat(this.uri(path)));
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return undefined;
      throw e;
    }
    // A symlink reports the type of its target plus the SymbolicLink bit: seen as a symlink, as lstat would.
    const type =
      s.type & vscode.FileType.SymbolicLink
        ? 'symlink'
        : s.type & vscode.FileType.File
          ? 'file'
          : s.type & vscode.FileType.Directory
            ? 'directory'
            : 'other';
    return { type, size: s.size, mtimeMs: s.mtime };
  }

  /** No symlink resolution here (see the top of the file): the path itself, once it is known to exist. */
  async realpath(path: string): Promise<string> {
    if (!(await this.stat(path))) throw Object.assign(new Error(`${path}: no such file or folder`), { code: 'ENOENT' });
    return path;
  }

  async readDirectory(path: string): Promise<string[]> {
    const entries = await this.call(path, () => vscode.workspace.fs.readDirectory(this.uri(path)));
    return entries.map(([name]) => name);
  }

  async writeFile(path: string, data: Uint8Array, options: { exclusive: boolean }): Promise<void> {
    if (options.exclusive && (await this.stat(path))) {
      throw Object.assign(new Error(`${path}: already exists`), { code: 'EEXIST' });
    }
    await this.call(path, () => vscode.workspace.fs.writeFile(this.uri(path), data));
  }

  /** The API has no fsync (see the top of the file). */
  async syncFile(): Promise<void> {}

  async rename(from: string, to: string): Promise<void> {
    const target = await this.stat(to);
    if (target && target.type !== 'file') throw Object.assign(new Error(`${to}: already exists`), { code: 'EEXIST' });
    try {
      await this.call(from, () => vscode.workspace.fs.rename(this.uri(from), this.uri(to), { overwrite: target !== undefined }));
    } catch (e) {
      // Another writer's folder (a lock) landed there meanwhile: held, as a failed POSIX rename would say.
      if ((await this.stat(to))?.type === 'directory') throw Object.assign(new Error(`${to}: already exists`), { code: 'EEXIST' });
      throw e;
    }
  }

  /** The API has no fsync (see the top of the file). */
  async syncDirectory(): Promise<void> {}

  async deleteFile(path: string): Promise<void> {
    try {
      await this.call(path, () => vscode.workspace.fs.delete(this.uri(path), { recursive: false, useTrash: false }));
    } catch (e) {
      if ((e as { code?: string }).code !== 'ENOENT') throw e;
    }
  }

  createDirectory(path: string): Promise<void> {
    return this.call(path, () => vscode.workspace.fs.createDirectory(this.uri(path)));
  }

  /** Only an empty folder is removed: a lock folder that holds another owner's file stays. */
  async removeDirectory(path: string): Promise<void> {
    let names: string[];
    try {
      names = await this.readDirectory(path);
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return;
      throw e;
    }
    if (names.length > 0) throw Object.assign(new Error(`${path}: folder not empty`), { code: 'ENOTEMPTY' });
    try {
      await this.call(path, () => vscode.workspace.fs.delete(this.uri(path), { recursive: false, useTrash: false }));
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT') return;
      if (code === 'ENOTEMPTY') throw e;
      // Emptied and taken again by another writer between the listing and the delete (its lock, which stays),
      // and maybe released since: not empty, or gone.
      const now = await this.readDirectory(path).catch((again: unknown) => ((again as { code?: string }).code === 'ENOENT' ? undefined : []));
      if (now === undefined) return;
      if (now.length > 0) throw Object.assign(new Error(`${path}: folder not empty`), { code: 'ENOTEMPTY' });
      throw e;
    }
  }
}
