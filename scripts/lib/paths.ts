import * as path from 'node:path';

/** The repository root (scripts/lib/ is two levels down). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Git-ignored cache for everything the harness downloads or builds once (code-server, temp roots). */
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');

/** Git-ignored artifacts of a test run (screenshots, per-layer result files). */
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

/** Screenshots the UI tests take; the README shows one of them. */
export const SCREENSHOTS_DIR = path.join(RESULTS_DIR, 'screenshots');

/** The sample workspace `npm start` and the editor tests open. */
export const SAMPLES_DIR = path.join(REPO_ROOT, 'samples');

/** Where the integration suite is bundled; the extension host loads `index.js` from here. */
export const INTEGRATION_OUT_DIR = path.join(REPO_ROOT, 'out', 'test', 'integration');

/** The newest code-server on npm that runs on Node 20 (see ../shared/docs/real-vscode-offline.md). */
export const CODE_SERVER_VERSION = '4.100.3';
