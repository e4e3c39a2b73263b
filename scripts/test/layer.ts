import * as fs from 'node:fs';
import * as path from 'node:path';
import { installCleanupHandlers, stopAllGroups } from '../lib/processGroups';
import { RESULTS_DIR } from '../lib/paths';
import { readCounts, RESULTS_FILE_ENV, summaryLine, writeCounts } from './results';

/**
 * Runs one test layer as an entry script: `body` runs the layer's tests, which write their counts to
 * `resultsFile`; a layer that errors before counting counts as one failure. Whatever happens, every process
 * group the layer started is stopped and the exit code says whether anything failed.
 */
export function runLayer(name: string, body: (resultsFile: string) => Promise<void>): void {
  installCleanupHandlers();
  const resultsFile = process.env[RESULTS_FILE_ENV] ?? path.join(RESULTS_DIR, `${name}.json`);
  fs.rmSync(resultsFile, { force: true });
  const started = Date.now();
  let error: unknown;
  void body(resultsFile)
    .catch((e: unknown) => {
      error = e;
    })
    .finally(async () => {
      await stopAllGroups();
      let counts = readCounts(resultsFile);
      if (error !== undefined) {
        console.error(`[${name}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        // Tests that ran keep their counts; the error itself is one more failure.
        counts = { passed: counts?.passed ?? 0, failed: (counts?.failed ?? 0) + 1, skipped: counts?.skipped ?? 0 };
      } else if (!counts) {
        console.error(`[${name}] the layer reported no results`);
        counts = { passed: 0, failed: 1, skipped: 0 };
      }
      writeCounts(resultsFile, counts);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`[${name}] ${summaryLine(counts)} (${seconds} s)`);
      process.exit(counts.failed > 0 ? 1 : 0);
    });
}
