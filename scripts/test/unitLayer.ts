import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../lib/paths';
import { runTracked } from '../lib/run';
import { runLayer } from './layer';
import { RESULTS_FILE_ENV } from './results';

const UNIT_TIMEOUT_MS = Number(process.env.MARGINALIA_UNIT_TIMEOUT_MS ?? 840_000);

/** Unit layer: mocha in plain Node over test/unit/** /*.test.ts (config: .mocharc.json), no editor. */
runLayer('unit', async (resultsFile) => {
  const mocha = path.join(REPO_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
  await runTracked(process.execPath, [mocha, '--reporter', 'scripts/mocha/resultsReporter.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, [RESULTS_FILE_ENV]: resultsFile },
    timeoutMs: UNIT_TIMEOUT_MS,
  }).catch((e: unknown) => {
    // Failing tests are counted by the reporter; only a run that wrote no counts is an error of its own.
    if (!fs.existsSync(resultsFile)) throw e;
  });
});
