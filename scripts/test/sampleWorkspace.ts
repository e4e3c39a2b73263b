import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { trackTempDir } from '../lib/processGroups';
import { SAMPLES_DIR } from '../lib/paths';

/** A throwaway copy of samples/ that an editor test run opens as its workspace. */
export interface SampleWorkspace {
  /** The copy's folder; it is named `samples` like the original, so titles and paths read the same. */
  readonly folder: string;
  /** Deletes the copy (and whatever the tests wrote into it). */
  remove(): void;
}

const live = new Set<string>();
let exitHookInstalled = false;

/**
 * Copies the tracked samples/ into a new temp folder. The editor layers open the copy, never the tracked
 * folder: the tests write sidecars, lexicons and files of their own into their workspace, and a run that
 * is killed halfway must leave nothing behind in the repository that changes the next run's counts.
 * The copy is recorded in the parent's ledger and removed on exit, so even a killed layer loses it.
 */
export function copySamples(): SampleWorkspace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-ws-'));
  trackTempDir(root);
  const folder = path.join(root, 'samples');
  fs.cpSync(SAMPLES_DIR, folder, { recursive: true });
  live.add(root);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const dir of live) fs.rmSync(dir, { recursive: true, force: true });
    });
  }
  return {
    folder,
    remove() {
      live.delete(root);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
