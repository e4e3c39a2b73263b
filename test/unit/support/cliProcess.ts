/**
 * The `marginalia` CLI as a real process, for tests that need one (concurrent writers, files that would make a
 * reader hang). Bundled once with esbuild so each process starts in tens of milliseconds.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
  /** Killed after the time limit: the command hung. */
  timedOut: boolean;
}

/** Bundles src/cli.ts into `dir`; returns the script to run. */
export function bundleCli(dir: string): string {
  return bundleScript(path.resolve(__dirname, '../../../src/cli.ts'), dir);
}

/** Bundles a TypeScript entry point into `dir`; returns the script to run with {@link runCli}. */
export function bundleScript(entry: string, dir: string): string {
  const outfile = path.join(dir, `${path.basename(entry, '.ts')}.js`);
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

/** Runs `node <script> <args>` (`marginalia <args>` for the CLI) in `cwd`, killed after `timeoutMs`. */
export function runCli(cli: string, args: string[], cwd: string, timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, timedOut });
    });
  });
}
