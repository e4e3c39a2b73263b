import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, SCREENSHOTS_DIR } from '../lib/paths';
import { runTracked } from '../lib/run';
import { ensureCodeServer } from '../setup/codeServerInstall';
import { CHROMIUM, ensureSystemPackages } from '../setup/systemPackages';
import { runLayer } from './layer';
import { RESULTS_FILE_ENV } from './results';

/** How long the whole UI run may take (each suite starts its own server and workbench). */
const UI_TIMEOUT_MS = Number(process.env.MARGINALIA_UI_TIMEOUT_MS ?? 1_440_000);

/**
 * UI layer: packages the extension (production bundle + .vsix, so the suites test what ships), then runs
 * mocha over test/ui/** /*.test.ts in Node, where each suite drives Debian's Chromium against its own
 * code-server through Playwright. Screenshots land in test-results/screenshots/.
 */
runLayer('ui', async (resultsFile) => {
  await ensureSystemPackages([CHROMIUM]);
  await ensureCodeServer();
  fs.rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
  await runTracked('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, timeoutMs: 180_000 });
  const mocha = path.join(REPO_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const args = [mocha, '--config', 'test/ui/.mocharc.json', '--reporter', 'scripts/mocha/resultsReporter.ts'];
  await runTracked(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, [RESULTS_FILE_ENV]: resultsFile },
    timeoutMs: UI_TIMEOUT_MS,
  }).catch((e: unknown) => {
    // Failing tests are counted by the reporter; only a run that wrote no counts is an error of its own.
    if (!fs.existsSync(resultsFile)) throw e;
  });
});
