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

// With an argument, it runs code the plain run never compiles, for half a second of CPU: as an analysis does
// that a run of \`--version\` does not.
const STAND_IN = `
function words(text) { return text.split(/\\s+/).filter(Boolean).length; }
function busy() {
  let n = 0;
  while ((process.cpuUsage().user + process.cpuUsage().system) / 1000 < 500) n += words('a b c');
  return n > 0;
}
process.stdout.write('words ' + words('one two  three') + ' main ' + (require.main === module) + (process.argv[2] ? ' busy ' + busy() : '') + '\\n');
`;

describe('the marginalia bin (cliLoader.ts)', function () {
  this.timeout(60_000);
  let dir: string;
  let cacheDir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-loader-'));
    cacheDir = path.join(dir, 'cache', 'marginalia');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The bin as esbuild.js builds it, beside the stand-in bundle. */
  async function buildLoader(): Promise<void> {
    const loader = config.builds.find((b) => String(b.outfile) === 'dist/cli.js');
    assert.ok(loader, 'esbuild.js has no build of dist/cli.js');
    assert.deepEqual(loader.entryPoints, ['src/cliLoader.ts']);
    await build({ ...loader, outfile: path.join(dir, 'cli.js'), plugins: [], minify: false, sourcemap: false });
    fs.writeFileSync(path.join(dir, 'marginalia-cli.js'), STAND_IN);
  }
  const run = (...args: string[]) =>
    execFileSync(process.execPath, [path.join(dir, 'cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') } });
  /** The one cache file, and what says whether it was written again (a temp file renamed over it). */
  const cache = () => {
    const written = fs.readdirSync(cacheDir);
    assert.equal(written.length, 1, written.join(', '));
    const stat = fs.statSync(path.join(cacheDir, written[0] as string));
    return { name: written[0], ino: stat.ino, mtimeMs: stat.mtimeMs, size: stat.size };
  };

  it('runs the bundle as the main module, and a second run uses the code cache the first one wrote', async () => {
    await buildLoader();
    assert.equal(run(), 'words 3 main true\n');
    const first = cache();
    assert.equal(run(), 'words 3 main true\n');
    assert.deepEqual(cache(), first, 'the second run rejected the cache and wrote it again');
  });

  it('writes the cache again after a run that did far more than the one that wrote it, and only then', async () => {
    await buildLoader();
    assert.equal(run(), 'words 3 main true\n');
    const small = cache();
    // The functions that ran in a longer run are compiled in the cache it leaves: a --version first does not leave
    // every analysis after it compiling the recognizers.
    assert.equal(run('busy'), 'words 3 main true busy true\n');
    const busy = cache();
    assert.notDeepEqual(busy, small, 'the longer run left the cache of the short one');
    assert.ok(busy.size > small.size, `${busy.size} <= ${small.size}`);
    assert.equal(run('busy'), 'words 3 main true busy true\n');
    assert.equal(run(), 'words 3 main true\n');
    assert.deepEqual(cache(), busy, 'a run no longer than the one that wrote the cache wrote it again');
  });
});
