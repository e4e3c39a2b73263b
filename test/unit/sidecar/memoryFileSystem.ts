/**
 * An in-memory {@link FileSystem} for store tests: every call is logged (to assert the order of an atomic
 * write) and any call can be made to fail with an errno code (to inject ENOSPC, EACCES, EROFS, EBUSY...).
 */
import type { FileStat, FileSystem } from '../../../src/core/ports/fileSystem';

export type FsOperation =
  | 'readFile'
  | 'stat'
  | 'realpath'
  | 'readDirectory'
  | 'writeFile'
  | 'syncFile'
  | 'rename'
  | 'syncDirectory'
  | 'deleteFile'
  | 'createDirectory'
  | 'removeDirectory';

interface Fault {
  op: FsOperation;
  code: string;
  /** Only paths for which this is true fail; all when absent. */
  when?: (path: string) => boolean;
  /** For writeFile: write this many bytes before failing (a partial write). */
  partial?: number;
  /** Fail this many times (default 1). */
  times: number;
}

export class MemoryFileSystem implements FileSystem {
  readonly files = new Map<string, { data: Uint8Array; mtimeMs: number }>();
  readonly links = new Map<string, string>();
  readonly folders = new Set<string>(['/']);
  readonly calls: { op: FsOperation; path: string; to?: string }[] = [];
  private faults: Fault[] = [];

  constructor(folders: string[] = []) {
    for (const f of folders) this.mkdir(f);
  }

  mkdir(path: string): void {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) this.folders.add('/' + parts.slice(0, i).join('/'));
  }

  /** Makes the next `times` calls of `op` (on matching paths) fail with `code`. */
  fail(op: FsOperation, code: string, options: { when?: (path: string) => boolean; partial?: number; times?: number } = {}): void {
    this.faults.push({ op, code, when: options.when, partial: options.partial, times: options.times ?? 1 });
  }

  text(path: string): string | undefined {
    const f = this.files.get(path);
    return f ? new TextDecoder().decode(f.data) : undefined;
  }

  put(path: string, text: string | Uint8Array): void {
    this.files.set(path, { data: typeof text === 'string' ? new TextEncoder().encode(text) : text, mtimeMs: Date.now() });
  }

  private check(op: FsOperation, path: string, to?: string): Fault | undefined {
    this.calls.push(to === undefined ? { op, path } : { op, path, to });
    const fault = this.faults.find((f) => f.op === op && (!f.when || f.when(path)));
    if (!fault) return undefined;
    fault.times--;
    if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault);
    if (fault.partial === undefined) throw errno(fault.code, op, path);
    return fault;
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.check('readFile', path);
    const f = this.files.get(this.follow(path));
    if (!f) throw errno('ENOENT', 'readFile', path);
    return f.data.slice();
  }

  async stat(path: string): Promise<FileStat | undefined> {
    this.check('stat', path);
    if (this.links.has(path)) return { type: 'symlink', size: 0, mtimeMs: Date.now() };
    const f = this.files.get(path);
    if (f) return { type: 'file', size: f.data.length, mtimeMs: f.mtimeMs };
    if (this.folders.has(path)) return { type: 'directory', size: 0, mtimeMs: Date.now() };
    return undefined;
  }

  async realpath(path: string): Promise<string> {
    this.check('realpath', path);
    const p = this.follow(path);
    if (!this.files.has(p) && !this.folders.has(p)) throw errno('ENOENT', 'realpath', path);
    return p;
  }

  async readDirectory(path: string): Promise<string[]> {
    this.check('readDirectory', path);
    const prefix = path.endsWith('/') ? path : path + '/';
    return [...this.files.keys(), ...this.links.keys(), ...this.folders]
      .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
      .map((p) => p.slice(prefix.length));
  }

  async writeFile(path: string, data: Uint8Array, options: { exclusive: boolean }): Promise<void> {
    const fault = this.check('writeFile', path);
    if (!this.folders.has(parent(path))) throw errno('ENOENT', 'writeFile', path);
    if (options.exclusive && (this.files.has(path) || this.links.has(path))) throw errno('EEXIST', 'writeFile', path);
    if (fault) {
      this.put(path, data.slice(0, fault.partial));
      throw errno(fault.code, 'writeFile', path);
    }
    this.files.set(this.follow(path), { data: data.slice(), mtimeMs: Date.now() });
  }

  async syncFile(path: string): Promise<void> {
    this.check('syncFile', path);
    if (!this.files.has(path)) throw errno('ENOENT', 'syncFile', path);
  }

  async rename(from: string, to: string): Promise<void> {
    this.check('rename', from, to);
    if (this.folders.has(from)) return this.renameFolder(from, to);
    const f = this.files.get(from);
    if (!f) throw errno('ENOENT', 'rename', from);
    this.files.delete(from);
    this.links.delete(to);
    this.files.set(to, f);
  }

  async syncDirectory(path: string): Promise<void> {
    this.check('syncDirectory', path);
  }

  async deleteFile(path: string): Promise<void> {
    this.check('deleteFile', path);
    this.files.delete(path);
    this.links.delete(path);
  }

  async createDirectory(path: string): Promise<void> {
    this.check('createDirectory', path);
    this.mkdir(path);
  }

  async removeDirectory(path: string): Promise<void> {
    this.check('removeDirectory', path);
    if (!this.folders.has(path)) return;
    if (this.children(path).length > 0) throw errno('ENOTEMPTY', 'removeDirectory', path);
    this.folders.delete(path);
  }

  /** Like POSIX rename(2) of a folder: onto nothing or an empty folder; its contents move with it. */
  private renameFolder(from: string, to: string): void {
    if (this.files.has(to) || this.links.has(to)) throw errno('ENOTDIR', 'rename', to);
    if (this.folders.has(to) && this.children(to).length > 0) throw errno('ENOTEMPTY', 'rename', to);
    const moved = (p: string) => to + p.slice(from.length);
    const inside = (p: string) => p === from || p.startsWith(from + '/');
    for (const p of [...this.folders].filter(inside)) {
      this.folders.delete(p);
      this.folders.add(moved(p));
    }
    for (const [p, f] of [...this.files].filter(([p]) => inside(p))) {
      this.files.delete(p);
      this.files.set(moved(p), f);
    }
  }

  private children(path: string): string[] {
    return [...this.files.keys(), ...this.links.keys(), ...this.folders].filter((p) => p.startsWith(path + '/'));
  }

  private follow(path: string): string {
    let p = path;
    for (let i = 0; i < 10 && this.links.has(p); i++) p = this.links.get(p) as string;
    return p;
  }
}

function parent(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function errno(code: string, op: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${op} '${path}'`), { code });
}
