/**
 * `marginalia` as installed (dist/cli.js): loads the CLI bundle (dist/marginalia-cli.js) through V8's code
 * cache. A short-lived process otherwise spends a third of a 1 MB `analyze` compiling: the bundle's source
 * and then, lazily, every function the analysis calls. The cache is written after the first run (with the
 * functions that run compiled) to the user's own cache folder, keyed by Node version and the bundle's size and
 * time, and used by later runs; V8 rejects a cache that does not fit and it is written again. It is written
 * again too after a run that took far more CPU time than the one that wrote it (recorded in the file): that run
 * compiled functions the cache lacks, as an `analyze` after a first `--version` does.
 * `MARGINALIA_NO_COMPILE_CACHE=1` turns it off. (Node 22's `module.enableCompileCache()` does this natively.)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

// Set before the bundle is compiled, in every thread (flags are the process's, so a worker thread has them too).
// Without inlining, TurboFan compiles the recognizers' large functions in a fraction of the time: a batch spends
// far less CPU on V8's compiler threads (which compete with the worker threads for the cores), and the code
// arrives sooner in a short run, while the optimized code runs as fast. The code cache depends on the flags:
// every run sets the same ones.
v8.setFlagsFromString('--no-turbo-inlining');

const bundle = path.join(__dirname, 'marginalia-cli.js');
/** The cache file starts with the CPU time (ms, a double) of the run that wrote it; V8's data follows. */
const HEADER = 8;
/** A run that took this many times the CPU time of the one that wrote the cache writes it again. */
const RICHER = 2;
const source = fs.readFileSync(bundle, 'utf8');
const cacheFile = cachePath();
let cachedData: Buffer | undefined;
// The cache file as this thread found it: a cache another thread or process writes meanwhile is kept. In an
// `analyze` batch the worker threads exit first with the recognizers compiled; the main thread, which never ran
// them, would otherwise replace their cache with a poorer one, and a later run on one document would compile
// them again.
const found = cacheFile ? fileSignature(cacheFile) : undefined;
let writerCpuMs = 0;
try {
  if (cacheFile) {
    const file = fs.readFileSync(cacheFile);
    writerCpuMs = file.length > HEADER ? file.readDoubleLE(0) : 0;
    cachedData = file.subarray(HEADER);
  }
} catch {
  cachedData = undefined;
}
// The CommonJS wrapper Node itself uses; the bundle gets this module, so `require.main === module` holds in it.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  cachedData,
});
const run = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: NodeJS.Module, f: string, d: string) => void;
if (cacheFile) {
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  process.once('exit', () => {
    const cpuMs = cpuTimeMs();
    if ((stale || cpuMs > RICHER * writerCpuMs) && fileSignature(cacheFile) === found) writeCache(cacheFile, cpuMs, script.createCachedData());
  });
}
run.call(module.exports, module.exports, require, module, bundle, __dirname);

function cachePath(): string | undefined {
  if (process.env.MARGINALIA_NO_COMPILE_CACHE) return undefined;
  try {
    const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
    const stat = fs.statSync(bundle);
    const key = `${process.version}-${process.arch}-${stat.size}-${Math.round(stat.mtimeMs)}`;
    return path.join(base, 'marginalia', `cli-${key}.v8cache`);
  } catch {
    return undefined;
  }
}

/** The file's size and time, or '' when there is none. */
function fileSignature(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}-${stat.mtimeMs}`;
  } catch {
    return '';
  }
}

/** The process's CPU time so far, all threads: what a run did, to compare with the run that wrote the cache. */
function cpuTimeMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Atomic (temp file + rename) and silent: a cache that cannot be written only costs speed. */
function writeCache(file: string, cpuMs: number, data: Buffer): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    const header = Buffer.alloc(HEADER);
    header.writeDoubleLE(cpuMs, 0);
    fs.writeFileSync(temp, Buffer.concat([header, data]), { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch {
    // read-only home, full disk: run without a cache
  }
}
