import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

/**
 * The `marginalia` bin (src/cliLoader.ts, bundled as esbuild.js bundles it) beside a small stand-in for the CLI
 * bundle: the V8 code cache the first run writes is the one later runs use. V8 rejects a cache made under other
 * flags, so a V8 flag the loader sets after compiling the bundle, or in one run and not the next, would have
 * every run compile the bundle again and write its cache again.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, 'esbuild.js')) as { builds: BuildOptions[] };

const STAND_IN = `
function words(text) { return text.split(/\\s+/).filter(Boolean).length; }
process.stdout.write('words ' + words('one two  three') + ' main ' + (require.main === module) + '\\n');
`;

describe('the marginalia bin (cliLoader.ts)', function () {
  this.timeout(60_000);
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-loader-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle as the main module, and a second run uses the code cache the first one wrote', async () => {
    const loader = config.builds.find((b) => String(b.outfile) === 'dist/cli.js');
    assert.ok(loader, 'esbuild.js has no build of dist/cli.js');
    assert.deepEqual(loader.entryPoints, ['src/cliLoader.ts']);
    await build({ ...loader, outfile: path.join(dir, 'cli.js'), plugins: [], minify: false, sourcemap: false });
    fs.writeFileSync(path.join(dir, 'marginalia-cli.js'), STAND_IN);
    const cacheHome = path.join(dir, 'cache');
    const run = () => execFileSync(process.execPath, [path.join(dir, 'cli.js')], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });

    assert.equal(run(), 'words 3 main true\n');
    const cacheDir = path.join(cacheHome, 'marginalia');
    const written = fs.readdirSync(cacheDir);
    assert.equal(written.length, 1, written.join(', '));
    const cacheFile = path.join(cacheDir, written[0] as string);
    const first = fs.statSync(cacheFile);

    assert.equal(run(), 'words 3 main true\n');
    // Written again (a temp file renamed over it) only when V8 rejected it.
    const second = fs.statSync(cacheFile);
    assert.deepEqual([second.ino, second.mtimeMs, second.size], [first.ino, first.mtimeMs, first.size], 'the second run rejected the cache and wrote it again');
    assert.deepEqual(fs.readdirSync(cacheDir), written);
  });
});
