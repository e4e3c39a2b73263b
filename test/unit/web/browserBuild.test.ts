import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BuildOptions, Metafile } from 'esbuild';
import * as esbuild from 'esbuild';

/**
 * The browser entry (package.json `browser`) is built by esbuild.js with `platform: 'browser'`, where any import of
 * a Node built-in fails the build: building it here, with the very options esbuild.js uses, is the check that
 * nothing the web extension host loads reaches `node:fs`, `node:path`, `worker_threads`...
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
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
    const result = await esbuild.build({ ...browser, absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'silent', plugins: [] }).catch(
      (e: { errors?: esbuild.Message[] }) => {
        const lines = (e.errors ?? []).map((m) => `${m.location?.file ?? ''}:${m.location?.line ?? ''}: ${m.text}`);
        assert.fail(`the browser build failed:\n${lines.join('\n')}`);
      },
    );
    const meta = result.metafile as Metafile;
    // '<runtime>' is esbuild's own helper module, not an import.
    const externals = Object.values(meta.inputs).flatMap((i) => i.imports.filter((x) => x.external && x.path !== '<runtime>').map((x) => x.path));
    assert.deepEqual([...new Set(externals)], ['vscode']);
    // The shared activation is what it bundles: the same sources as the desktop entry.
    assert.ok(Object.keys(meta.inputs).includes('src/activation.ts'), Object.keys(meta.inputs).slice(0, 5).join(', '));
  });
});
