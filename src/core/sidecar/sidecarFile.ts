/**
 * One document's sidecar as the store hands it out: what disk said when last read, the edits made since, and
 * the save that merges and writes them. Created by {@link SidecarStore.open}.
 */
import { emptySidecar, type Sidecar } from '../model/annotation';
import { basename, dirname, errorCode, joinPath } from '../ports/fileSystem';
import { atomicWrite } from './atomicWrite';
import { bytesHash } from './fingerprint';
import { describeProblems, parseSidecar, tooLargeProblem, type SidecarFailure, type SidecarSource } from './parseSidecar';
import { serializeWithSource } from './serializeSidecar';
import { applyEdits, type SidecarEdit } from './sidecarEdits';
import { SidecarStoreError } from './sidecarErrors';
import { acquireLock, removeStagingIfStale } from './sidecarLock';
import { isLeftoverOf, isLockStagingOf, LOCK_SUFFIX, TEMP_MARKER } from './sidecarPaths';
import type { SidecarStore } from './sidecarStore';

export interface SaveResult {
  /** False when nothing needed writing (no edits, or the bytes on disk already say it). */
  written: boolean;
  /** True when the file had changed on disk and the edits were merged into its new content. */
  merged: boolean;
  syncWarning?: string;
}

/** One document's sidecar: what disk said when last read, and the edits made since. */
export class SidecarFile {
  /** `missing`: no file yet (saving creates it); `failed`: unreadable, see {@link problems}; never written. */
  state: 'missing' | 'loaded' | 'failed' = 'missing';
  failure?: SidecarFailure;
  /** `file:line: problem` lines when {@link state} is `failed`. */
  problems: string[] = [];
  private base: Sidecar = emptySidecar();
  private source: SidecarSource | undefined;
  private lastHash: string | undefined;
  private pending: SidecarEdit[] = [];
  private current: Sidecar | undefined;
  private readonly listeners = new Set<(file: SidecarFile) => void>();

  constructor(
    private readonly store: SidecarStore,
    /** Absolute path of the sidecar file. */
    readonly path: string,
  ) {}

  /** The sidecar as the user sees it: disk plus unsaved edits. */
  get sidecar(): Sidecar {
    this.current ??= applyEdits(this.base, this.pending);
    return this.current;
  }

  /** Edits not yet saved. */
  get unsavedEdits(): readonly SidecarEdit[] {
    return this.pending;
  }

  /** Records edits in memory (saved by {@link save}). Refused while the file is in a failed state. */
  edit(...edits: SidecarEdit[]): Sidecar {
    if (this.state === 'failed') {
      throw new SidecarStoreError('LOAD_FAILED', this.store.l10n.t('{0} could not be loaded, so it cannot be changed; fix it first', this.path), this.problems);
    }
    this.pending.push(...edits);
    this.current = undefined;
    this.changed();
    return this.sidecar;
  }

  /**
   * Calls `listener` whenever {@link sidecar} or {@link state} may have changed: an edit, a reload, a save that
   * merged an external change. Returns the function that unsubscribes (wrap it in a Disposable in the editor).
   */
  onDidChange(listener: (file: SidecarFile) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of [...this.listeners]) l(this);
  }

  /** Re-reads the file; unsaved edits are kept and apply on top of what is now on disk. */
  async reload(): Promise<void> {
    await this.store.checkPath(this.path);
    const read = await this.read();
    if (read.kind !== 'unchanged') this.adopt(read);
    this.changed();
    // Without a sidecar there is rarely a leftover (only from a killed first save, swept by the next save), and a
    // folder listing per document would cost a workspace scan one readdir of the whole folder per file.
    if (read.kind !== 'failed' && read.kind !== 'missing' && !this.store.readOnly) await this.sweepLeftovers();
  }

  /** True when the bytes on disk are no longer those last read (an external change). */
  async changedOnDisk(): Promise<boolean> {
    const bytes = await this.readBytes();
    return (bytes ? bytesHash(bytes) : undefined) !== this.lastHash;
  }

  /**
   * Writes the unsaved edits. Under the lock: re-read, merge an external change, serialize, write atomically
   * when the bytes differ. On error the file is untouched, the edits stay in memory, and the error is thrown
   * for the caller to show; calling again retries.
   */
  async save(): Promise<SaveResult> {
    if (this.store.readOnly) throw new SidecarStoreError('READ_ONLY', this.store.l10n.t('read-only mode: {0} is not written', this.path));
    if (this.state === 'failed') {
      throw new SidecarStoreError('LOAD_FAILED', this.store.l10n.t('{0} could not be loaded and is left untouched', this.path), this.problems);
    }
    if (this.pending.length === 0) return { written: false, merged: false };
    // A mirror folder that does not exist yet is created (inside the root, checked) before the lock goes in it.
    if (await this.store.checkPath(this.path)) await this.store.options.fs.createDirectory(dirname(this.path));
    const release = await acquireLock(this.lockPath(), this.store.lockOptions());
    let outcome: SaveResult;
    try {
      await this.store.checkPath(this.path);
      // Parsed only when the bytes changed since they were last read: the common save reads and hashes only.
      const found = await this.read(this.lastHash);
      const read = found.kind === 'missing' ? ((await this.interruptedReplacement()) ?? found) : found;
      const merged = read.hash !== this.lastHash;
      if (merged && read.kind !== 'unchanged') {
        this.adopt(read);
        if (read.kind === 'failed') {
          this.changed();
          throw new SidecarStoreError(
            'LOAD_FAILED',
            this.pending.length === 1
              ? this.store.l10n.t('{0} changed on disk and can no longer be read; your unsaved change is kept in memory', this.path)
              : this.store.l10n.t('{0} changed on disk and can no longer be read; your {1} unsaved changes are kept in memory', this.path, this.pending.length),
            this.problems,
          );
        }
      }
      // Edits made while this save awaits the disk stay pending for the next save.
      const saving = this.pending.length;
      const next = applyEdits(this.base, this.pending.slice(0, saving));
      const serialized = serializeWithSource(next, this.source);
      const bytes = new TextEncoder().encode(serialized.text);
      // Bytes recovered from a temp file are not on disk as the sidecar: those are written whatever they hold.
      const unchanged = found.kind !== 'missing' && read.bytes !== undefined && sameBytes(read.bytes, bytes);
      const result = unchanged ? {} : await atomicWrite(this.store.options.fs, this.path, bytes, this.store.writerTokens);
      this.committed(next, bytes, saving, serialized.source);
      if (merged) this.changed();
      outcome = { written: !unchanged, merged, ...result };
    } finally {
      await release();
    }
    // Leftovers of a save killed before the first sidecar existed (reload sweeps only beside an existing one).
    if (outcome.written) await this.sweepLeftovers();
    return outcome;
  }

  private committed(next: Sidecar, bytes: Uint8Array, saved: number, source: SidecarSource): void {
    this.base = next;
    this.pending = this.pending.slice(saved);
    this.current = undefined;
    this.lastHash = bytesHash(bytes);
    this.state = 'loaded';
    this.source = source;
  }

  private adopt(read: Exclude<ReadResult, { kind: 'unchanged' }>): void {
    this.lastHash = read.hash;
    this.current = undefined;
    if (read.kind === 'missing') {
      this.state = 'missing';
      this.base = emptySidecar();
      this.source = undefined;
      this.problems = [];
      this.failure = undefined;
    } else if (read.kind === 'failed') {
      this.state = 'failed';
      this.failure = read.failure;
      this.problems = read.problems;
    } else {
      this.state = 'loaded';
      this.base = read.sidecar;
      this.source = read.source;
      this.problems = [];
      this.failure = undefined;
    }
  }

  private async read(unlessHash?: string): Promise<ReadResult> {
    const { fs } = this.store.options;
    const stat = await fs.stat(this.path);
    if (stat && stat.size > this.store.maxBytes) {
      const problems = describeProblems(this.path, [tooLargeProblem(stat.size, this.store.maxBytes, this.store.l10n)]);
      return { kind: 'failed', hash: `size:${stat.size}:${stat.mtimeMs}`, failure: 'too-large', problems };
    }
    const bytes = await this.readBytes();
    if (!bytes) return { kind: 'missing', hash: undefined };
    const hash = bytesHash(bytes);
    if (unlessHash !== undefined && hash === unlessHash) return { kind: 'unchanged', hash, bytes };
    const parsed = parseSidecar(bytes, this.store.maxBytes, this.store.l10n);
    if (!parsed.ok) return { kind: 'failed', hash, bytes, failure: parsed.failure, problems: this.describe(parsed) };
    return { kind: 'loaded', hash, bytes, sidecar: parsed.sidecar, source: parsed.source };
  }

  private describe(parsed: ReturnType<typeof parseSidecar>): string[] {
    return parsed.ok ? [] : describeProblems(this.path, parsed.problems);
  }

  private async readBytes(): Promise<Uint8Array | undefined> {
    try {
      return await this.store.options.fs.readFile(this.path);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return undefined;
      throw e;
    }
  }

  private lockPath(): string {
    return joinPath(dirname(this.path), `.${basename(this.path)}${LOCK_SUFFIX}`);
  }

  /**
   * The sidecar that a replacement cut short left only in its temp file. Where a file cannot be renamed over
   * another in one step (VS Code for the Web: the editor's file service deletes the old sidecar, then renames the
   * temp file into place), a crash in between leaves no sidecar and the last saved annotations in the temp file:
   * a save that finds no sidecar starts from the newest temp file that parses, instead of writing a new sidecar
   * and sweeping those annotations away. Called under the lock, where no temp file belongs to a write in progress.
   * Only a save looks (one folder listing, when the sidecar is missing): a document opened meanwhile shows no
   * annotations until its next save brings them back.
   */
  private async interruptedReplacement(): Promise<ReadResult | undefined> {
    const { fs } = this.store.options;
    const folder = dirname(this.path);
    const prefix = `.${basename(this.path)}${TEMP_MARKER}`;
    let names: string[];
    try {
      names = (await fs.readDirectory(folder)).filter((n) => n.startsWith(prefix));
    } catch {
      return undefined;
    }
    let newest: { read: ReadResult; mtimeMs: number } | undefined;
    for (const name of names) {
      const temp = joinPath(folder, name);
      const stat = await fs.stat(temp).catch(() => undefined);
      if (!stat || stat.type !== 'file' || stat.size > this.store.maxBytes || (newest && stat.mtimeMs <= newest.mtimeMs)) continue;
      const bytes = await fs.readFile(temp).catch(() => undefined);
      const parsed = bytes && parseSidecar(bytes, this.store.maxBytes);
      if (!bytes || !parsed?.ok) continue;
      newest = { read: { kind: 'loaded', hash: bytesHash(bytes), bytes, sidecar: parsed.sidecar, source: parsed.source }, mtimeMs: stat.mtimeMs };
    }
    return newest?.read;
  }

  /** Removes temp files of writes that were killed (#2); skipped when another process holds the lock. */
  private async sweepLeftovers(): Promise<void> {
    const { fs } = this.store.options;
    let names: string[];
    try {
      names = (await fs.readDirectory(dirname(this.path))).filter((n) => isLeftoverOf(n, basename(this.path)));
    } catch {
      return;
    }
    if (names.length === 0) return;
    let release: (() => Promise<void>) | undefined;
    try {
      release = await acquireLock(this.lockPath(), { ...this.store.lockOptions(), timeoutMs: 0 });
    } catch {
      return;
    }
    try {
      for (const n of names) {
        const leftover = joinPath(dirname(this.path), n);
        if (isLockStagingOf(n, basename(this.path))) await removeStagingIfStale(leftover, this.store.lockOptions()).catch(() => undefined);
        else await fs.deleteFile(leftover).catch(() => undefined);
      }
    } finally {
      await release();
    }
  }
}

type ReadResult =
  | { kind: 'missing'; hash: undefined; bytes?: undefined }
  | { kind: 'unchanged'; hash: string; bytes: Uint8Array }
  | { kind: 'failed'; hash: string; bytes?: Uint8Array; failure: SidecarFailure; problems: string[] }
  | { kind: 'loaded'; hash: string; bytes: Uint8Array; sidecar: Sidecar; source: SidecarSource };

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
