// CLI benchmark (issue 18): `marginalia analyze` as a user runs it, a whole process each time: on the 1 MiB text
// of ../shared/corpus/bench beside `node -e 0` and chrono-node alone, over its 1,000-document folder on one job and
// on two worker threads, and the start of a process that does no analysis. Each figure beside its target; the
// two outputs of the folder must be byte-identical. Medians of several runs.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { distinctBench, median } from './benchText';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const MB = 1024 * 1024;

function line(name: string, value: string, goal = ''): void {
  console.log(`  ${name.padEnd(50)} ${value.padStart(14)}${goal ? `   (target ${goal})` : ''}`);
}

interface Run {
  ms: number;
  /** The largest peak of the runs; {@link rssMedianMb} the median one (the peak swings with the machine's load). */
  rssMb: number;
  rssMedianMb: number;
  cpuMs: number;
  /** The median CPU time of the main thread alone (Linux; NaN elsewhere): see maxRss.js. */
  mainMs: number;
  /** The median CPU time of V8's helper threads and libuv's pool (Linux; NaN elsewhere). */
  helperMs: number;
  /** The median CPU time of worker threads: what the other two leave of all threads' (Linux; NaN elsewhere). */
  workerMs: number;
  stdout: string;
}

/** Median wall time, the largest and median peak RSS (all threads) and the median CPU time (user + system) of `runs` runs. */
function measure(args: string[], runs: number, env: NodeJS.ProcessEnv): Run {
  const times: number[] = [];
  const cpu: number[] = [];
  const rss: number[] = [];
  const main: number[] = [];
  const helpers: number[] = [];
  const workers: number[] = [];
  let stdout = '';
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-r', path.join(__dirname, 'maxRss.js'), ...args], { encoding: 'utf8', maxBuffer: 512 * MB, env });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    rss.push(Number(/maxRSS (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024);
    cpu.push(Number(/cpuMs (\d+)/.exec(r.stderr)?.[1] ?? 0));
    main.push(Number(/mainCpuMs (\d+)/.exec(r.stderr)?.[1] ?? NaN));
    helpers.push(Number(/helperCpuMs (\d+)/.exec(r.stderr)?.[1] ?? NaN));
    workers.push((cpu.at(-1) as number) - (main.at(-1) as number) - (helpers.at(-1) as number));
    stdout = r.stdout;
  }
  return { ms: median(times), rssMb: Math.max(...rss), rssMedianMb: median(rss), cpuMs: median(cpu), mainMs: median(main), helperMs: median(helpers), workerMs: median(workers), stdout };
}

/** Where a run's CPU went (medians of each, so they need not add up exactly): see maxRss.js. */
function threadLines(run: Run): void {
  if (Number.isNaN(run.mainMs)) return;
  line('    main thread', `${(run.mainMs / 1000).toFixed(2)} s`);
  line('    worker threads', `${(run.workerMs / 1000).toFixed(2)} s`);
  line("    V8's helper threads (compiler, GC)", `${(run.helperMs / 1000).toFixed(2)} s`);
}

function main(): void {
  const bench = distinctBench();
  if (!fs.existsSync(CLI)) execFileSync(process.execPath, [path.join(ROOT, 'esbuild.js'), '--production'], { cwd: ROOT });
  // The CLI's V8 code cache in a folder of its own, written by a first run as after an install.
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-cache-'));
  const env = { ...process.env, XDG_CACHE_HOME: cache };
  try {
    const folder = path.dirname(bench.docs[0] as string);
    const bytes = bench.docs.reduce((n, f) => n + fs.statSync(f).size, 0);
    measure([CLI, '--version'], 1, env);
    const start = measure([CLI, '--version'], 7, env);
    const empty = measure(['-e', '0'], 7, env);
    console.log('cli: process start (marginalia --version, no analysis), median of 7');
    line('marginalia --version', `${start.ms.toFixed(0)} ms`);
    line('  CPU', `${start.cpuMs.toFixed(0)} ms`);
    line('node -e 0', `${empty.ms.toFixed(0)} ms`);
    line('  CPU', `${empty.cpuMs.toFixed(0)} ms`);

    // The first, cold analysis of a process: what one `analyze` of a large document costs a user.
    const oneMb = path.join(bench.dir, 'distinct-1mb.txt');
    const ours = measure([CLI, 'analyze', '--format', 'json', oneMb], 11, env);
    const chrono = measure([path.join(__dirname, 'chronoOnly.js'), oneMb], 5, env);
    const empties = measure(['-e', '0'], 11, env);
    console.log('cli: marginalia analyze --format json distinct-1mb.txt, whole process, median of 11 (chrono-node: 5)');
    line('wall time', `${ours.ms.toFixed(0)} ms`);
    line('  / node -e 0', `${(ours.ms / empties.ms).toFixed(1)}x`, '<= 3x');
    // On a loaded machine the wall times measure the other processes: the main thread's CPU is the wall time of
    // an idle one (V8's helper threads run beside it).
    line('  main thread CPU', `${ours.mainMs.toFixed(0)} ms`);
    line('  main thread CPU / that of node -e 0', `${(ours.mainMs / empties.mainMs).toFixed(1)}x`, '<= 3x');
    line('  CPU (all threads)', `${ours.cpuMs.toFixed(0)} ms`);
    line('  peak memory (max RSS)', `${ours.rssMb.toFixed(0)} MiB`);
    line('node + chrono-node alone, wall time', `${chrono.ms.toFixed(0)} ms`);
    line('  / marginalia analyze', `${(chrono.ms / ours.ms).toFixed(1)}x`, '>= 10x');
    line('  main thread CPU / that of marginalia analyze', `${(chrono.mainMs / ours.mainMs).toFixed(1)}x`, '>= 10x');

    console.log(`cli: marginalia analyze --format jsonl on the ${bench.docs.length}-document folder (${(bytes / MB).toFixed(1)} MiB), median of 3`);
    const one = measure([CLI, 'analyze', '--format', 'jsonl', '--jobs', '1', folder], 3, env);
    const two = measure([CLI, 'analyze', '--format', 'jsonl', '--jobs', '2', folder], 3, env);
    line('--jobs 1: wall time', `${(one.ms / 1000).toFixed(2)} s`);
    line('  CPU (all threads)', `${(one.cpuMs / 1000).toFixed(2)} s`);
    threadLines(one);
    line('  peak memory (max RSS)', `${one.rssMb.toFixed(0)} MiB`, '< 150 MiB');
    line('--jobs 2: wall time', `${(two.ms / 1000).toFixed(2)} s`, '< 1.5 s');
    line('  CPU (all threads)', `${(two.cpuMs / 1000).toFixed(2)} s`);
    threadLines(two);
    // Each worker compiles the recognizers for itself (and V8's helper threads compile and collect for each).
    line('  CPU of --jobs 2 / CPU of --jobs 1', `${(two.cpuMs / one.cpuMs).toFixed(2)}x`);
    line('  files per second', `${(bench.docs.length / (two.ms / 1000)).toFixed(0)}`);
    line('  peak memory (max RSS), largest of the runs', `${two.rssMb.toFixed(0)} MiB`, '< 150 MiB');
    line('  peak memory (max RSS), median', `${two.rssMedianMb.toFixed(0)} MiB`);
    line('  output identical to --jobs 1', two.stdout === one.stdout ? 'yes' : 'NO', 'yes');
    if (two.stdout !== one.stdout) process.exitCode = 1;
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
}

main();
