/**
 * The {@link FileSystem} port over Node's `fs`, for the CLI and for `file:` workspaces in the extension. Each
 * method is one system step so the store controls the order of an atomic write and fsyncs really happen.
 */
import * as fs from 'node:fs/promises';
import type { FileStat, FileSystem } from '../core/ports/fileSystem';

export class NodeFileSystem implements FileSystem {
  async readFile(path: string): Promise<Uint8Array> {
    return fs.readFile(path);
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await fs.lstat(path);
      const type = s.isSymbolicLink() ? 'symlink' : s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
      return { type, size: s.size, mtimeMs: s.mtimeMs };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  async realpath(path: string): Promise<string> {
    return fs.realpath(path);
  }

  async readDirectory(path: string): Promise<string[]> {
    return fs.readdir(path);
  }

  async writeFile(path: string, data: Uint8Array, options: { exclusive: boolean }): Promise<void> {
    // 0o666 & umask, like any file the user's editor creates; 'wx' is O_CREAT|O_EXCL.
    const handle = await fs.open(path, options.exclusive ? 'wx' : 'w');
    try {
      let offset = 0;
      while (offset < data.length) {
        const { bytesWritten } = await handle.write(data, offset, data.length - offset);
        offset += bytesWritten;
      }
    } finally {
      await handle.close();
    }
  }

  async syncFile(path: string): Promise<void> {
    const handle = await fs.open(path, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async rename(from: string, to: string): Promise<void> {
    await fs.rename(from, to);
  }

  async syncDirectory(path: string): Promise<void> {
    if (process.platform === 'win32') return; // Windows cannot open a folder for fsync; NTFS journals renames.
    const handle = await fs.open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async deleteFile(path: string): Promise<void> {
    await fs.rm(path, { force: true });
  }

  async createDirectory(path: string): Promise<void> {
    await fs.mkdir(path, { recursive: true });
  }

  async removeDirectory(path: string): Promise<void> {
    try {
      await fs.rmdir(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

/** Whether a process id on this machine is alive: signal 0 checks without sending anything. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
