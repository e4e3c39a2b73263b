/**
 * A lock file per sidecar so two processes (two windows, the CLI and the editor) never interleave their
 * read-merge-write cycles (reliability #6). Created with O_EXCL; a lock whose owner is dead (same machine, by
 * process id) or that is older than any save could take is stale and broken. The trade-off: breaking a stale
 * lock has a small window in which two breakers could both proceed; it needs a crashed owner and two
 * simultaneous waiters, and the hash check before every write still refuses a blind overwrite.
 */
import { errorCode, type FileSystem } from '../ports/fileSystem';
import type { Clock } from '../ports/clock';

export interface LockOptions {
  fs: FileSystem;
  clock: Clock;
  /** Identifies this process; written into the lock. */
  owner: { pid: number; tag: string };
  /** Whether a process id on this machine is alive; without it only age makes a lock stale. */
  isProcessAlive?: (pid: number) => boolean;
  /** Give up waiting after this long (default 10 s). */
  timeoutMs?: number;
  /** A lock older than this is stale whatever its owner (default 30 s; a save takes milliseconds). */
  staleMs?: number;
}

/** Raised when the lock could not be taken in time. */
export class LockTimeoutError extends Error {
  readonly code = 'ELOCKED';
}

let counter = 0;

/** Takes the lock at `lockPath`, waiting while another live owner holds it; resolves to its release function. */
export async function acquireLock(lockPath: string, options: LockOptions): Promise<() => Promise<void>> {
  const { fs, clock, owner } = options;
  const token = `${owner.tag}-${++counter}-${clock.now()}`;
  const content = new TextEncoder().encode(JSON.stringify({ pid: owner.pid, token, time: clock.now() }));
  const deadline = clock.now() + (options.timeoutMs ?? 10_000);
  let wait = 2;
  for (;;) {
    try {
      await fs.writeFile(lockPath, content, { exclusive: true });
      return () => releaseLock(fs, lockPath, token);
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') throw e;
    }
    if (await isStale(lockPath, options)) {
      await breakLock(lockPath, options);
      continue;
    }
    if (clock.now() > deadline) {
      throw new LockTimeoutError(`another process is saving ${lockPath} (waited ${options.timeoutMs ?? 10_000} ms); try again`);
    }
    await clock.sleep(wait + Math.floor(Math.random() * wait));
    wait = Math.min(wait * 2, 50);
  }
}

async function releaseLock(fs: FileSystem, lockPath: string, token: string): Promise<void> {
  const info = await readLock(fs, lockPath);
  // Only our own lock is removed: if it was broken as stale and re-taken, the new owner keeps it.
  if (info?.token === token) await fs.deleteFile(lockPath);
}

interface LockInfo {
  pid?: number;
  token?: string;
  time?: number;
}

async function readLock(fs: FileSystem, lockPath: string): Promise<LockInfo | undefined> {
  try {
    const text = new TextDecoder().decode(await fs.readFile(lockPath));
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const p = parsed as Record<string, unknown>;
    return {
      pid: typeof p.pid === 'number' ? p.pid : undefined,
      token: typeof p.token === 'string' ? p.token : undefined,
      time: typeof p.time === 'number' ? p.time : undefined,
    };
  } catch (e) {
    // Gone (released meanwhile) or unreadable (its owner died between creating and writing it).
    return errorCode(e) === 'ENOENT' ? undefined : {};
  }
}

async function isStale(lockPath: string, options: LockOptions): Promise<boolean> {
  const { fs, clock } = options;
  const info = await readLock(fs, lockPath);
  if (!info) return false;
  if (info.pid !== undefined && info.pid !== options.owner.pid && options.isProcessAlive && !options.isProcessAlive(info.pid)) {
    return true;
  }
  const stat = await fs.stat(lockPath);
  if (!stat) return false;
  const age = clock.now() - stat.mtimeMs;
  // An empty or garbled lock is a crash between create and write; it is stale as soon as it is not brand new.
  if (info.token === undefined) return age > 1_000;
  return age > (options.staleMs ?? 30_000);
}

async function breakLock(lockPath: string, options: LockOptions): Promise<void> {
  const aside = `${lockPath}-stale-${options.owner.tag}-${++counter}`;
  try {
    // Rename first: only one breaker can move a given lock file, and the move is atomic.
    await options.fs.rename(lockPath, aside);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return;
    throw e;
  }
  await options.fs.deleteFile(aside);
}
