import { spawn } from 'node:child_process';
import type { SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LEDGER_ENV, ledgerLength, readLedger, stopGroups } from './processGroups';

/** Options for {@link run}: spawn options plus a time limit. */
export interface RunOptions extends SpawnOptions {
  /** Kill the command's process group and fail after this many ms. */
  timeoutMs?: number;
}

/**
 * Runs a short command to completion with inherited output; rejects on a non-zero exit or a timeout.
 * The command gets its own process group so a timeout can stop its children too.
 */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options, detached: true });
    let timedOut = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          if (child.pid !== undefined) {
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              // Already exited.
            }
          }
        }, options.timeoutMs)
      : undefined;
    // A Ctrl+C in the terminal reaches the foreground group only; forward it to this one.
    const forward = (): void => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already exited.
        }
      }
    };
    process.once('SIGINT', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      process.removeListener('SIGINT', forward);
      const what = `${command} ${args.join(' ')}`;
      if (timedOut) reject(new Error(`${what}: timed out after ${options.timeoutMs} ms`));
      else if (code === 0) resolve();
      else reject(new Error(`${what}: exited with ${code ?? signal}`));
    });
  });
}

/**
 * {@link run} for a command that starts long-lived processes of its own (a test layer starting code-server
 * and Chromium): the command and its descendants record their process groups in a ledger file, and when the
 * command ends for any reason (including being killed on a timeout) the groups it left behind are stopped
 * and the temp folders it recorded are deleted.
 */
export async function runTracked(command: string, args: string[], options: RunOptions = {}): Promise<void> {
  const inherited = process.env[LEDGER_ENV];
  const ledger = inherited ?? path.join(os.tmpdir(), `marginalia-pgids-${process.pid}-${Date.now()}`);
  const before = ledgerLength(ledger);
  try {
    await run(command, args, { ...options, env: { ...(options.env ?? process.env), [LEDGER_ENV]: ledger } });
  } finally {
    const left = readLedger(ledger, before);
    await stopGroups(left.groups);
    for (const dir of left.dirs) fs.rmSync(dir, { recursive: true, force: true });
    if (!inherited) fs.rmSync(ledger, { force: true });
  }
}
