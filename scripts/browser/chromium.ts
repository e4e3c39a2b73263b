import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { trackGroup, trackTempDir } from '../lib/processGroups';
import { CHROMIUM, ensureSystemPackages } from '../setup/systemPackages';

/** Flags that keep Debian's Chromium quiet and offline in a container (../shared/docs/real-vscode-offline.md). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The viewport every UI test and screenshot uses, so screenshots are comparable between runs. */
export const VIEWPORT = { width: 1400, height: 900 };

/** A headless Chromium with a throwaway profile; `close()` also removes the profile. */
export interface Chromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium through playwright-core (never `playwright install`, which downloads a browser).
 * Its process group is tracked so it is stopped even when the test process is interrupted.
 */
export async function launchChromium(): Promise<Chromium> {
  await ensureSystemPackages([CHROMIUM]);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-chromium-'));
  trackTempDir(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
  });
  // Playwright starts the browser detached (its own process group) on Linux but does not expose its pid
  // for a persistent context; it is our child named chromium.
  for (const pid of childPids('chromium')) trackGroup(pid);
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Pids of this process's direct children whose command name is `name` (Linux /proc). */
function childPids(name: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Format: pid (comm) state ppid ...; comm may contain spaces, so split after the last ')'.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm === name && ppid === process.pid) pids.push(Number(entry));
    } catch {
      // The process ended while we were reading.
    }
  }
  return pids;
}
