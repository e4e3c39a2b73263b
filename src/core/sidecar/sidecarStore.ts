/**
 * The only way sidecars are read and written, by the extension and the CLI alike. One {@link SidecarFile} per
 * document holds what was last read from disk plus the edits made since; `save()` takes the lock, re-reads the
 * file, merges an external change, writes atomically and only when the bytes differ. A file that failed to load
 * is never written; in read-only mode (Restricted Mode) nothing is.
 */
import { newId } from '../model/annotation';
import { WriterTokens } from './writerTokens';
import { systemClock, type Clock } from '../ports/clock';
import { dirname, errorCode, type FileSystem } from '../ports/fileSystem';
import { ENGLISH, type Messages } from '../ports/messages';
import { DEFAULT_MAX_SIDECAR_BYTES } from './parseSidecar';
import { SidecarFile } from './sidecarFile';
import { SidecarStoreError } from './sidecarErrors';
import type { LockOptions } from './sidecarLock';
import { isInside, PathRefusedError, refusedPathMessage, resolveInside, sidecarPathFor, type SidecarLocation } from './sidecarPaths';

export interface SidecarStoreOptions {
  /** Where files are read and written (Node fs in the CLI; Node fs or vscode.workspace.fs in the editor). */
  fs: FileSystem;
  /** Absolute workspace root: no sidecar outside it is read or written. */
  root: string;
  /** Time for lock waits and staleness; the system clock by default. */
  clock?: Clock;
  /** Restricted Mode: load, never write (not even temp-file sweeping). */
  readOnly?: boolean;
  /** This process, for temp-file names and lock ownership; `isAlive` lets locks of dead processes be broken. */
  process?: { pid: number; isAlive?: (pid: number) => boolean };
  /** Beside the document (default) or in a mirror folder. */
  location?: SidecarLocation;
  /** Larger sidecars are refused (default 16 MiB). */
  maxBytes?: number;
  /** How long a save waits for another process's lock (default 10 s). */
  lockTimeoutMs?: number;
  /** The words of its problems and refusals: the editor passes `vscode.l10n`; English by default. */
  l10n?: Messages;
}

/** Opens sidecars inside one workspace root; one store per root and process. */
export class SidecarStore {
  private readonly clock: Clock;
  private readonly pid: number;
  private readonly tokens: WriterTokens;

  constructor(readonly options: SidecarStoreOptions) {
    this.clock = options.clock ?? systemClock;
    this.pid = options.process?.pid ?? 0;
    // Temp names must differ between processes and between the stores of one process (each counts its own
    // saves): the pid, when there is one, and a random part.
    const random = newId('a').slice(2, 10);
    this.tokens = new WriterTokens(options.process ? `${options.process.pid}-${random.slice(0, 4)}` : random);
  }

  /** True in Restricted Mode: every save is refused and nothing is ever written. */
  get readOnly(): boolean {
    return this.options.readOnly === true;
  }

  /** Where the sidecar of `documentPath` (relative to the root, or absolute) lives; throws when outside. */
  sidecarPath(documentPath: string): string {
    return this.worded(() => sidecarPathFor(this.options.root, documentPath, this.options.location));
  }

  /** What `find` returns; a path it refuses is told in the store's words (its messages port). */
  private worded<T>(find: () => T): T {
    try {
      return find();
    } catch (e) {
      if (e instanceof PathRefusedError) throw new SidecarStoreError('PATH_REFUSED', refusedPathMessage(e.path, e.refusal, this.l10n));
      throw e;
    }
  }

  /** Opens and loads the sidecar of a document. A missing sidecar is an empty one; a broken one is `failed`. */
  async open(documentPath: string): Promise<SidecarFile> {
    return this.openSidecar(this.sidecarPath(documentPath));
  }

  /** Opens a sidecar by its own path (as `marginalia check` finds them). */
  async openSidecar(sidecarPath: string): Promise<SidecarFile> {
    const file = new SidecarFile(this, this.worded(() => resolveInside(this.options.root, sidecarPath)));
    await file.reload();
    return file;
  }

  /**
   * @internal Refuses symlinks, non-files and folders that resolve outside the root (#17, #18). Resolves to
   * true when the sidecar's folder does not exist yet (a mirror folder): its nearest existing ancestor is what
   * must resolve inside the root, and the folder is created on save.
   */
  async checkPath(path: string): Promise<boolean> {
    const { fs, root } = this.options;
    const stat = await fs.stat(path);
    if (stat && stat.type === 'symlink') {
      throw new SidecarStoreError('PATH_REFUSED', this.l10n.t('{0} is a symbolic link; sidecars must be regular files inside the workspace', path));
    }
    if (stat && stat.type !== 'file') throw new SidecarStoreError('NOT_A_FILE', this.l10n.t('{0} is not a regular file', path));
    const realRoot = await fs.realpath(root);
    let folder = dirname(path);
    let missing = false;
    for (;;) {
      try {
        const realFolder = await fs.realpath(folder);
        if (!isInside(realRoot, realFolder)) {
          throw new SidecarStoreError('PATH_REFUSED', refusedPathMessage(path, 'folder-outside', this.l10n));
        }
        return missing;
      } catch (e) {
        if (errorCode(e) !== 'ENOENT' || dirname(folder) === folder) throw e;
        missing = true;
        folder = dirname(folder);
      }
    }
  }

  /** @internal */
  lockOptions(): LockOptions {
    return {
      fs: this.options.fs,
      clock: this.clock,
      owner: { pid: this.pid, tokens: this.tokens },
      isProcessAlive: this.options.process?.isAlive,
      timeoutMs: this.options.lockTimeoutMs,
      l10n: this.options.l10n,
    };
  }

  /** @internal What this store names its temp files and lock stagings with. */
  get writerTokens(): WriterTokens {
    return this.tokens;
  }

  /** @internal */
  get l10n(): Messages {
    return this.options.l10n ?? ENGLISH;
  }

  /** @internal */
  get maxBytes(): number {
    return this.options.maxBytes ?? DEFAULT_MAX_SIDECAR_BYTES;
  }
}
