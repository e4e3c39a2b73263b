/**
 * Issue 15 #1: a waiter that judged a lock stale must break only that lock, never a fresh one taken meanwhile.
 * Each process sees the shared in-memory disk through its own view, so the test can hold one of them at the
 * moment it has read the holder's lock and drive the others in between.
 */
import * as assert from 'node:assert/strict';
import type { Clock } from '../../../src/core/ports/clock';
import type { FileSystem } from '../../../src/core/ports/fileSystem';
import { acquireLock, removeStagingIfStale, type LockOptions } from '../../../src/core/sidecar/sidecarLock';
import { MemoryFileSystem } from './memoryFileSystem';
import { WriterTokens } from '../../../src/core/sidecar/writerTokens';

const LOCK = '/ws/.a.txt.annotations.yaml.marginalia-lock';
const clock: Clock = { now: () => Date.now(), sleep: () => new Promise((r) => setImmediate(r)) };

/** A view of `disk` whose first read of anything under the lock is held until `resume()`. */
function pausingView(disk: MemoryFileSystem): { fs: FileSystem; readDone: Promise<void>; resume: () => void } {
  let signal!: () => void;
  let resume!: () => void;
  const readDone = new Promise<void>((r) => (signal = r));
  const resumed = new Promise<void>((r) => (resume = r));
  let paused = false;
  const fs = Object.create(disk) as FileSystem;
  fs.readFile = async (path: string) => {
    const bytes = await disk.readFile(path);
    if (!paused && path.startsWith(LOCK)) {
      paused = true;
      signal();
      await resumed;
    }
    return bytes;
  };
  return { fs, readDone, resume };
}

/** Lock options for process `pid`, alive while it is in `alive`. */
function lockOptions(pid: number, fs: FileSystem, alive: Set<number>): LockOptions {
  return { fs, clock, owner: { pid, tokens: new WriterTokens(`p${pid}`) }, isProcessAlive: (p) => alive.has(p) };
}

/** Starts B's wait for the lock through a pausing view; `holds()` tells whether B has it yet. */
function startWaiter(disk: MemoryFileSystem, alive: Set<number>) {
  const view = pausingView(disk);
  let holds = false;
  const takes = acquireLock(LOCK, lockOptions(2, view.fs, alive)).then((release) => {
    holds = true;
    return release;
  });
  /** Resumes B and gives it every chance to (wrongly) take the lock. */
  const resumeAndSettle = async () => {
    view.resume();
    for (let i = 0; i < 200 && !holds; i++) await new Promise((r) => setImmediate(r));
    return holds;
  };
  return { readDone: view.readDone, takes, resumeAndSettle };
}

describe('sidecar lock: breaking a stale lock (issue 15 #1)', () => {
  it('a waiter whose verdict is out of date (holder released and exited, a third process took the lock) breaks nothing', async () => {
    const disk = new MemoryFileSystem(['/ws']);
    const alive = new Set([1, 2, 3]);
    const options = (pid: number) => lockOptions(pid, disk, alive);
    const releaseA = await acquireLock(LOCK, options(1));
    const b = startWaiter(disk, alive);
    // B has read A's lock; before B judges it, A releases and exits and C takes a fresh lock.
    await b.readDone;
    await releaseA();
    alive.delete(1);
    const releaseC = await acquireLock(LOCK, options(3));
    assert.equal(await b.resumeAndSettle(), false, 'B broke the fresh lock of C: two writers at once');
    // C's own release still works (its lock was left in place), and then B gets its turn.
    await releaseC();
    await (await b.takes)();
    assert.equal(disk.files.size, 0, `left behind: ${[...disk.files.keys()].join(', ')}`);
  });

  it('two waiters that both judged the same dead holder stale: only one of them ends up holding the lock', async () => {
    const disk = new MemoryFileSystem(['/ws']);
    const alive = new Set([2, 3]);
    const options = (pid: number) => lockOptions(pid, disk, alive);
    // A (pid 1) took the lock and died holding it.
    await acquireLock(LOCK, { ...options(1), isProcessAlive: () => true });
    const b = startWaiter(disk, alive);
    await b.readDone;
    // C judges A's lock stale too, breaks it and takes the lock; then B goes on with its own verdict.
    const releaseC = await acquireLock(LOCK, options(3));
    assert.equal(await b.resumeAndSettle(), false, 'B broke the lock C took after breaking the dead one');
    await releaseC();
    await (await b.takes)();
    assert.equal(disk.files.size, 0, `left behind: ${[...disk.files.keys()].join(', ')}`);
  });
});

describe('sidecar lock: staging folders left behind', () => {
  it('a staging folder of a dead process is removed; a live process\'s one is left alone', async () => {
    const disk = new MemoryFileSystem(['/ws']);
    const staging = (pid: number) => `${LOCK}-new-p${pid}-1-0`;
    for (const pid of [1, 2]) {
      disk.mkdir(staging(pid));
      disk.put(`${staging(pid)}/p${pid}-1-0.owner`, JSON.stringify({ pid, token: `p${pid}-1-0`, time: Date.now() }));
    }
    const options = lockOptions(3, disk, new Set([2, 3]));
    await removeStagingIfStale(staging(1), options);
    await removeStagingIfStale(staging(2), options);
    assert.equal(disk.folders.has(staging(1)), false);
    assert.equal(disk.folders.has(staging(2)), true);
    assert.equal(disk.files.has(`${staging(2)}/p2-1-0.owner`), true);
  });
});
