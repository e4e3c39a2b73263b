/**
 * A lock per sidecar so two processes (two windows, the CLI and the editor) never interleave their
 * read-merge-write cycles (reliability #6).
 *
 * The lock is a folder holding one owner file named by its holder's unique token. It appears whole: the owner
 * file is written in a private staging folder that is then renamed onto the lock's path, and that rename fails
 * while a lock is there (a lock folder is never empty). A lock is removed, by its holder or by a waiter that
 * judged it stale (its owner is dead on this machine, or it is older than any save could take), by deleting
 * that exact owner file by name and then the folder only if it is empty. So a verdict that is out of date, as
 * when the holder released and exited and a third process took a fresh lock meanwhile, removes nothing: the
 * fresh lock's owner file has another name and its folder is not empty (issue 15 #1). Two waiters breaking the
 * same dead lock are safe for the same reason.
 *
 * A lock *file* at the path was left by an older version: it is judged as that version did and deleted when
 * stale; only then is the removal not tied to the exact lock judged.
 */
import { errorCode, joinPath, type FileSystem } from '../ports/fileSystem';
import type { Clock } from '../ports/clock';
import { ENGLISH, type Messages } from '../ports/messages';
import { LOCK_STAGING_MARKER } from './sidecarPaths';
import type { WriterTokens } from './writerTokens';

export interface LockOptions {
  fs: FileSystem;
  clock: Clock;
  /** Identifies this process (its pid is written into the lock) and names what it stages. */
  owner: { pid: number; tokens: WriterTokens };
  /** Whether a process id on this machine is alive; without it only age makes a lock stale. */
  isProcessAlive?: (pid: number) => boolean;
  /** Give up waiting after this long (default 10 s). */
  timeoutMs?: number;
  /** A lock older than this is stale whatever its owner (default 30 s; a save takes milliseconds). */
  staleMs?: number;
  /** The words of a wait given up (the store's); English by default. */
  l10n?: Messages;
}

/** Raised when the lock could not be taken in time. */
export class LockTimeoutError extends Error {
  readonly code = 'ELOCKED';
}

const OWNER_SUFFIX = '.owner';
/** A staging folder is rebuilt after this long, so a lock's age counts from when it was taken. */
const RESTAGE_MS = 1_000;

/** Takes the lock at `lockPath`, waiting while another live owner holds it; resolves to its release function. */
export async function acquireLock(lockPath: string, options: LockOptions): Promise<() => Promise<void>> {
  const { fs, clock } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = clock.now() + timeoutMs;
  let wait = 2;
  let staged: Staged | undefined;
  try {
    for (;;) {
      if (staged && clock.now() - staged.at > RESTAGE_MS) {
        await removeOwned(fs, staged.folder, staged.ownerName);
        staged = undefined;
      }
      staged ??= await stage(lockPath, options);
      const placed = await place(fs, staged, lockPath);
      if (placed === 'taken') {
        const { ownerName } = staged;
        staged = undefined;
        return () => removeOwned(fs, lockPath, ownerName);
      }
      if (placed === 'restage') {
        staged = undefined;
        continue;
      }
      const stale = await staleLock(lockPath, options);
      if (stale) {
        await removeStale(fs, lockPath, stale);
        continue;
      }
      if (clock.now() > deadline) {
        const l10n = options.l10n ?? ENGLISH;
        throw new LockTimeoutError(l10n.t('another process is saving {0} (waited {1} ms); try again', lockPath, timeoutMs));
      }
      await clock.sleep(wait + Math.floor(Math.random() * wait));
      wait = Math.min(wait * 2, 50);
    }
  } finally {
    if (staged) await removeOwned(fs, staged.folder, staged.ownerName).catch(() => undefined);
  }
}

/**
 * Removes a staging folder left by a process that died before placing its lock (the sweep of leftovers calls
 * it). A live process's staging folder is left alone: it is younger than any stale limit and its owner alive.
 */
export async function removeStagingIfStale(folder: string, options: LockOptions): Promise<void> {
  const stale = await staleLock(folder, options);
  if (!stale) return;
  // An empty staging folder may be one whose owner file is being written right now: only an old one goes.
  if (stale.kind === 'empty') {
    const stat = await options.fs.stat(folder);
    if (!stat || options.clock.now() - stat.mtimeMs <= (options.staleMs ?? 30_000)) return;
  }
  await removeStale(options.fs, folder, stale);
}

interface Staged {
  folder: string;
  ownerName: string;
  at: number;
}

async function stage(lockPath: string, options: LockOptions): Promise<Staged> {
  const { fs, clock, owner } = options;
  // A fresh token per staging: a sweep's verdict on an older staging folder can never touch this one.
  const token = `${owner.tokens.next()}-${clock.now()}`;
  const folder = `${lockPath}${LOCK_STAGING_MARKER}${token}`;
  const ownerName = `${token}${OWNER_SUFFIX}`;
  const content = new TextEncoder().encode(JSON.stringify({ pid: owner.pid, token, time: clock.now() }));
  await fs.createDirectory(folder);
  await fs.writeFile(joinPath(folder, ownerName), content, { exclusive: true });
  return { folder, ownerName, at: clock.now() };
}

async function place(fs: FileSystem, staged: Staged, lockPath: string): Promise<'taken' | 'held' | 'restage'> {
  try {
    await fs.rename(staged.folder, lockPath);
  } catch (e) {
    const code = errorCode(e);
    // The staging folder is gone (swept as a leftover): build another.
    if (code === 'ENOENT' && !(await fs.stat(staged.folder))) return 'restage';
    if (await fs.stat(lockPath)) return 'held';
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM' || code === 'ENOTDIR') return 'held';
    throw e;
  }
  // Placed: the owner file must have come with it (a staging folder emptied by a sweep would place nothing).
  try {
    await fs.readFile(joinPath(lockPath, staged.ownerName));
    return 'taken';
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') throw e;
    await removeEmpty(fs, lockPath);
    return 'restage';
  }
}

type StaleLock = { kind: 'owner'; name: string } | { kind: 'empty' } | { kind: 'legacy-file' };

async function staleLock(lockPath: string, options: LockOptions): Promise<StaleLock | undefined> {
  const { fs } = options;
  const stat = await fs.stat(lockPath);
  if (stat?.type === 'file') return (await isStaleOwner(lockPath, options)) ? { kind: 'legacy-file' } : undefined;
  if (stat?.type !== 'directory') return undefined;
  let names: string[];
  try {
    names = await fs.readDirectory(lockPath);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return undefined;
    throw e;
  }
  // Nobody holds an empty folder: its holder died between deleting its owner file and the folder.
  if (names.length === 0) return { kind: 'empty' };
  for (const name of names) {
    if (await isStaleOwner(joinPath(lockPath, name), options)) return { kind: 'owner', name };
  }
  return undefined;
}

async function removeStale(fs: FileSystem, lockPath: string, stale: StaleLock): Promise<void> {
  if (stale.kind === 'owner') return removeOwned(fs, lockPath, stale.name);
  if (stale.kind === 'empty') return removeEmpty(fs, lockPath);
  // An older version's lock file; a folder placed there meanwhile is not a file and is not removed.
  await fs.deleteFile(lockPath).catch(() => undefined);
}

/** Deletes exactly the owner file `ownerName` of the lock, then the lock's folder if that left it empty. */
async function removeOwned(fs: FileSystem, lockPath: string, ownerName: string): Promise<void> {
  await fs.deleteFile(joinPath(lockPath, ownerName));
  await removeEmpty(fs, lockPath);
}

async function removeEmpty(fs: FileSystem, folder: string): Promise<void> {
  try {
    await fs.removeDirectory(folder);
  } catch (e) {
    const code = errorCode(e);
    // Not empty: another process's lock now stands there, and stays.
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw e;
  }
}

interface LockInfo {
  pid?: number;
  token?: string;
  time?: number;
}

async function readOwner(fs: FileSystem, path: string): Promise<LockInfo | undefined> {
  try {
    const text = new TextDecoder().decode(await fs.readFile(path));
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const p = parsed as Record<string, unknown>;
    return {
      pid: typeof p.pid === 'number' ? p.pid : undefined,
      token: typeof p.token === 'string' ? p.token : undefined,
      time: typeof p.time === 'number' ? p.time : undefined,
    };
  } catch (e) {
    // Gone (released meanwhile) or unreadable (its owner died while writing it).
    return errorCode(e) === 'ENOENT' ? undefined : {};
  }
}

async function isStaleOwner(path: string, options: LockOptions): Promise<boolean> {
  const { fs, clock } = options;
  const info = await readOwner(fs, path);
  if (!info) return false;
  if (info.pid !== undefined && info.pid !== options.owner.pid && options.isProcessAlive && !options.isProcessAlive(info.pid)) {
    return true;
  }
  const stat = await fs.stat(path);
  if (!stat) return false;
  const age = clock.now() - stat.mtimeMs;
  // An empty or garbled owner file is a crash while writing it; stale as soon as it is not brand new.
  if (info.token === undefined) return age > 1_000;
  return age > (options.staleMs ?? 30_000);
}
