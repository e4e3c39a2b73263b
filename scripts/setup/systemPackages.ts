import { execFileSync } from 'node:child_process';
import { run } from '../lib/run';

/** A Debian package and the command that shows it is installed. */
export interface SystemPackage {
  apt: string;
  command: string;
}

/** ripgrep: code-server's search (its own postinstall would download it). */
export const RIPGREP: SystemPackage = { apt: 'ripgrep', command: 'rg' };
/** Debian's Chromium, the browser Playwright drives (never `playwright install`, which downloads). */
export const CHROMIUM: SystemPackage = { apt: 'chromium', command: 'chromium' };

function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Installs the missing packages with apt-get (after `apt-get update`) when running as root; otherwise
 * fails with the command to run. Fast when everything is present: one `command -v` per package.
 */
export async function ensureSystemPackages(packages: SystemPackage[]): Promise<void> {
  const missing = packages.filter((p) => !hasCommand(p.command));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.apt);
  if (process.getuid?.() !== 0) {
    throw new Error(`missing system packages; install them with: sudo apt-get install -y ${names.join(' ')}`);
  }
  console.log(`[setup] installing system packages: ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-q'], { env, timeoutMs: 300_000 });
  await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...names], { env, timeoutMs: 600_000 });
  const still = missing.filter((p) => !hasCommand(p.command));
  if (still.length > 0) throw new Error(`apt-get did not provide: ${still.map((p) => p.command).join(', ')}`);
}
