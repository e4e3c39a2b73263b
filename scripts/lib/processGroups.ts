import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';

/**
 * Every long-lived process the harness starts (code-server, Chromium, a test layer) runs in its own
 * process group, and its group id is recorded here so one call can stop all of them: on success, on a
 * failure, on Ctrl+C and on a timeout. A nested script (a layer run by `testAll`) also appends to the
 * ledger file named by MARGINALIA_PGID_LEDGER, so the parent can clean up after a child it had to kill.
 */
const groups = new Set<number>();
/** Environment variable naming the ledger file of process groups (see {@link runTracked} in run.ts). */
export const LEDGER_ENV = 'MARGINALIA_PGID_LEDGER';

/** Records a process group to stop at the end (also in the parent's ledger, when there is one). */
export function trackGroup(pgid: number): void {
  groups.add(pgid);
  const ledger = process.env[LEDGER_ENV];
  if (ledger) fs.appendFileSync(ledger, `${pgid}\n`);
}

/** Spawns `command` as the leader of a new process group and tracks that group. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid !== undefined) trackGroup(child.pid);
  return child;
}

function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone: nothing to stop.
  }
}

/** SIGTERM to the group, then SIGKILL to whatever is still there after `graceMs`. */
export async function stopGroup(pgid: number, graceMs = 3000): Promise<void> {
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pgid)) signalGroup(pgid, 'SIGKILL');
  groups.delete(pgid);
}

/**
 * Records a temp folder (a server's profile, a browser's) in the parent's ledger, so that it is deleted even
 * when the process that made it is killed before it can clean up.
 */
export function trackTempDir(dir: string): void {
  const ledger = process.env[LEDGER_ENV];
  if (ledger) fs.appendFileSync(ledger, `dir:${dir}\n`);
}

/** What a ledger file holds: process groups and temp folders, in the order they were recorded. */
export interface LedgerEntries {
  groups: number[];
  dirs: string[];
}

/** Reads the entries a child script recorded in a ledger file, skipping the first `skip` lines. */
export function readLedger(file: string, skip = 0): LedgerEntries {
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(skip) : [];
  return {
    groups: lines.map((l) => Number(l)).filter((n) => Number.isInteger(n) && n > 0),
    dirs: lines.filter((l) => l.startsWith('dir:')).map((l) => l.slice('dir:'.length)),
  };
}

/** Number of entries in a ledger file so far (where a new child's entries will start). */
export function ledgerLength(file: string): number {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
}

/** Stops every tracked group, in parallel. */
export async function stopAllGroups(): Promise<void> {
  await stopGroups([...groups]);
}

/** Stops the given groups, in parallel (those already gone are skipped). */
export async function stopGroups(pgids: number[]): Promise<void> {
  await Promise.all([...new Set(pgids)].filter(alive).map((g) => stopGroup(g)));
}

/** Synchronous last resort for `process.on('exit')`, where no await is possible. */
function killAllNow(): void {
  for (const g of groups) signalGroup(g, 'SIGKILL');
}

let installed = false;

/**
 * Makes Ctrl+C, SIGTERM and crashes stop every tracked group before the script exits.
 * Idempotent; call it at the top of every entry script.
 */
export function installCleanupHandlers(): void {
  if (installed) return;
  installed = true;
  const onSignal = (signal: NodeJS.Signals): void => {
    void stopAllGroups().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  process.on('exit', killAllNow);
}
