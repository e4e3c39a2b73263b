import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BuildOptions } from 'esbuild';
import { buildInMemory, ROOT } from './browserBundle';

/**
 * The browser entry (package.json `browser`) is built by esbuild.js with `platform: 'browser'`, where any import of
 * a Node built-in fails the build: building it here, with the very options esbuild.js uses, is the check that
 * nothing the web extension host loads reaches `node:fs`, `node:path`, `worker_threads`...
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, 'esbuild.js')) as { builds: BuildOptions[] };
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; browser?: string };

describe('the browser build (VS Code for the Web)', function () {
  this.timeout(60_000);
  const browser = config.builds.find((b) => b.platform === 'browser' && /\bweb[\\/]extension\.js$/.test(String(b.outfile)));

  it('is one of the builds, bundled for the browser as the manifest names it beside `main`', () => {
    assert.ok(browser, 'esbuild.js has no platform: browser build of dist/web/extension.js');
    assert.equal(manifest.browser, `./${String(browser.outfile)}`);
    assert.equal(manifest.main, './dist/extension.js');
    assert.deepEqual(browser.external, ['vscode']);
    assert.equal(browser.format, 'cjs');
  });

  it('builds, and pulls in no Node built-in', async () => {
    assert.ok(browser);
    const result = await buildInMemory(browser);
    // The shared activation is what it bundles: the same sources as the desktop entry.
    assert.ok(Object.keys(result.inputs).includes('src/activation.ts'), Object.keys(result.inputs).slice(0, 5).join(', '));
  });

  it('builds its scan worker (a web Worker) with no Node built-in either', async () => {
    const worker = config.builds.find((b) => b.platform === 'browser' && /\bweb[\\/]scanWorker\.js$/.test(String(b.outfile)));
    assert.ok(worker, 'esbuild.js has no browser build of dist/web/scanWorker.js');
    const result = await buildInMemory(worker);
    assert.ok(Object.keys(result.inputs).includes('src/hosts/scanAnalysis.ts'));
  });

  it('builds its re-anchoring worker (a web Worker) with no Node built-in either', async () => {
    const worker = config.builds.find((b) => b.platform === 'browser' && /\bweb[\\/]reanchorWorker\.js$/.test(String(b.outfile)));
    assert.ok(worker, 'esbuild.js has no browser build of dist/web/reanchorWorker.js');
    const result = await buildInMemory(worker);
    assert.ok(Object.keys(result.inputs).includes('src/core/anchoring/reanchorTransfer.ts'));
  });
});
