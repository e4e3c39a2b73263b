import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';

/**
 * What `vsce package` puts in the .vsix, asked of vsce itself on a copy of the manifest and .vscodeignore with a
 * stand-in dist/: the extension's bundles go in; the CLI (the npm package's `bin`, a bundle of its own) stays out.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Every bundle esbuild.js writes, as paths under dist/ (read from its `outfile` entries). */
const BUNDLES = [...fs.readFileSync(path.join(ROOT, 'esbuild.js'), 'utf8').matchAll(/outfile: '(dist\/[^']+)'/g)].map((m) => (m[1] as string).slice('dist/'.length));
/** The CLI's bundles: the npm package's bin, not the extension's. */
const isCli = (f: string) => /cli/i.test(f);

describe('.vsix contents', function () {
  this.timeout(20_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-vsix-'));
    for (const f of ['package.json', 'package.nls.json', '.vscodeignore', 'README.md', 'LICENSE']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
    fs.cpSync(path.join(ROOT, 'l10n'), path.join(dir, 'l10n'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.mkdirSync(path.join(dir, 'dist', 'web'));
    for (const f of [...BUNDLES, 'web/extension.js.map']) fs.writeFileSync(path.join(dir, 'dist', f), '');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds the extension for Node and for the browser and its scan worker, not the CLI nor source maps', async () => {
    const files = (await listFiles({ cwd: dir, packageManager: PackageManager.None })).map((f) => f.replace(/\\/g, '/'));
    assert.ok(files.includes('dist/extension.js') && files.includes('dist/scanWorker.js'), files.join(', '));
    assert.ok(files.includes('dist/web/extension.js'), files.join(', '));
    // Each worker the extension starts ships with it (a missing one breaks at run time only, in the .vsix).
    const missing = BUNDLES.filter((f) => !isCli(f) && !files.includes(`dist/${f}`));
    assert.deepEqual(missing, [], `bundles left out of the .vsix: ${missing.join(', ')}`);
    assert.deepEqual(files.filter((f) => f.endsWith('.map')), []);
    assert.deepEqual(files.filter((f) => /cli/i.test(f)), []);
  });

  it('holds the l10n bundle that package.json names', async () => {
    const files = (await listFiles({ cwd: dir, packageManager: PackageManager.None })).map((f) => f.replace(/\\/g, '/'));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.ok(files.includes(`${path.posix.normalize(pkg.l10n)}/bundle.l10n.json`), files.join(', '));
  });

  it("keeps the CLI as the npm package's bin", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.bin.marginalia, './dist/cli.js');
  });
});
