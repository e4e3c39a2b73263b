// Issue 18, part 2: would `marginalia analyze` on one large document be faster with its blocks recognised on two
// worker threads (the main thread keeping the document-level steps)? Measured on distinct-1mb.txt in cold
// processes, as the CLI runs: the block recognition in one thread against the same blocks split over two
// workers, CPU time per thread (load-independent) and in all threads. It pays only if a worker's share costs
// about half of the whole: each thread compiles the recognizers for itself.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { distinctBench, median } from './benchText';

interface Probe {
  mode: string;
  wallMs: number;
  processMs: number;
  mainMs: number;
  workers: number[];
}

function line(name: string, value: string, goal = ''): void {
  console.log(`  ${name.padEnd(56)} ${value.padStart(10)}${goal ? `   (${goal})` : ''}`);
}

function main(): void {
  if (!fs.existsSync('/proc/thread-self/stat')) {
    console.log('split document: skipped, per-thread CPU needs Linux /proc');
    return;
  }
  const bench = distinctBench();
  const file = path.join(bench.dir, 'distinct-1mb.txt');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-split-'));
  try {
    const bundle = path.join(dir, 'probe.js');
    esbuild.buildSync({ entryPoints: [path.join(__dirname, 'splitDocument', 'probe.ts')], bundle: true, platform: 'node', format: 'cjs', minify: true, keepNames: true, outfile: bundle, logLevel: 'silent' });
    const runs = 5;
    const probes = new Map<string, Probe[]>();
    for (let r = 0; r < runs; r++) {
      for (const mode of ['analyze', 'blocks', 'workers']) {
        const out = spawnSync(process.execPath, [bundle, mode, file], { encoding: 'utf8' });
        if (out.status !== 0) throw new Error(`probe ${mode} failed: ${out.stderr}`);
        probes.set(mode, [...(probes.get(mode) ?? []), JSON.parse(out.stdout) as Probe]);
      }
    }
    const med = (mode: string, f: (p: Probe) => number) => median((probes.get(mode) ?? []).map(f));
    console.log(`split document: distinct-1mb.txt, cold processes, CPU time, median of ${runs}`);
    line('whole analysis, main thread', `${med('analyze', (p) => p.mainMs).toFixed(0)} ms`);
    line('  all threads (V8 compiling and collecting besides)', `${med('analyze', (p) => p.processMs).toFixed(0)} ms`);
    const one = med('blocks', (p) => p.mainMs);
    line('block recognition in one thread', `${one.toFixed(0)} ms`);
    line('  all threads', `${med('blocks', (p) => p.processMs).toFixed(0)} ms`);
    const share = med('workers', (p) => Math.max(...p.workers));
    line('the same blocks on 2 workers: the larger share', `${share.toFixed(0)} ms`, `pays if near ${(one / 2).toFixed(0)} ms`);
    line('  all threads (2 workers started, each compiling)', `${med('workers', (p) => p.processMs).toFixed(0)} ms`);
    line('  wall, start of the workers to the last share back', `${med('workers', (p) => p.wallMs).toFixed(0)} ms`, `one thread: ${med('blocks', (p) => p.wallMs).toFixed(0)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
