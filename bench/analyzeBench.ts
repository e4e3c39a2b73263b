// Recognition benchmark (issue 18): the analysis of real, distinct text (../shared/corpus/bench) in process and as
// whole CLI processes, each figure beside its target and beside chrono-node on the same text in the same run.
// Medians of several runs. Repeated text is printed last, labelled, because it measures the paragraph cache.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as chrono from 'chrono-node';
import { benchTexts, distinctBench, median, repeatTo, timeMedian } from './benchText';
import { shippedCore } from './shippedCore';

const ROOT = path.resolve(__dirname, '..');
const MB = 1024 * 1024;
// The analysis as the extension and the CLI run it (see shippedCore.ts).
const { analyze, AnalysisCache, BUILTIN_LEXICON, DocumentAnalyzer } = shippedCore();
const lexicon = BUILTIN_LEXICON;
// One cache for every analysis of the run, as a host keeps one across its documents (see analysisCache.ts).
const cache = new AnalysisCache();

function line(name: string, value: string, goal = ''): void {
  console.log(`  ${name.padEnd(50)} ${value.padStart(14)}${goal ? `   (target ${goal})` : ''}`);
}

/** Analyses of the megabyte after the first one that the "warming up" figure takes the median of. */
const WARMING = 10;
/**
 * Analyses of the megabyte before the warm figure is taken: on this text V8 still deoptimizes and recompiles some
 * of the recognizers after 20 (each analysis meets paths the earlier ones had not); after this many the times
 * vary by no more than the machine does.
 */
const WARM_UP = 40;

/** Warm: the code compiled by earlier runs, a fresh analyzer each run (no paragraph cache carried over). */
function warmMs(text: string, runs: number, warmup = 2): number {
  return timeMedian(() => analyze(text, { lexicon, cache }), runs, warmup);
}

function main(): void {
  const bench = distinctBench();
  console.log(`analyze: full analysis (speakers, dates, treaties, quotes) of real, distinct text in ${bench.dir}, the core bundled as shipped`);
  // V8 optimizes the recognizers over many analyses (deoptimizing and recompiling as new paths run), so the
  // first analysis, the ones while it warms up and the warm one are three figures; the warm one is taken once
  // the code has stopped changing.
  const c0 = process.hrtime.bigint();
  analyze(bench.oneMb, { lexicon, cache });
  const cold = Number(process.hrtime.bigint() - c0) / 1e6;
  line('1 MiB, the first analysis in this process', `${cold.toFixed(0)} ms`);
  const warming = timeMedian(() => analyze(bench.oneMb, { lexicon, cache }), WARMING, 0);
  line(`1 MiB, warming up (analyses 2-${WARMING + 1}), median`, `${warming.toFixed(1)} ms`);
  const t1 = warmMs(bench.oneMb, 9, WARM_UP - WARMING - 1);
  line(`1 MiB, warm (after ${WARM_UP} analyses), median of 9`, `${t1.toFixed(1)} ms`, '<= 25 ms');
  line('  throughput', `${(bench.oneMb.length / MB / (t1 / 1000)).toFixed(1)} MB/s`, '>= 40 MB/s');
  const t10 = warmMs(bench.tenMb, 3, 1);
  line('10 MiB, warm, median of 3', `${t10.toFixed(0)} ms`, '<= 250 ms');
  line('  throughput', `${(bench.tenMb.length / MB / (t10 / 1000)).toFixed(1)} MB/s`);

  // Each paragraph of the megabyte analysed on its own: what a keystroke's re-recognition costs.
  const paragraphs = bench.oneMb.split(/\n\s*\n/).filter((p) => p.trim().length > 0);
  const perParagraph = paragraphs.map((p) => {
    const t0 = process.hrtime.bigint();
    analyze(p, { lexicon, cache });
    return Number(process.hrtime.bigint() - t0) / 1e3;
  });
  const meanUs = perParagraph.reduce((a, b) => a + b, 0) / perParagraph.length;
  const meanChars = paragraphs.reduce((n, p) => n + p.length, 0) / paragraphs.length;
  line(`a paragraph (${paragraphs.length}, mean ${meanChars.toFixed(0)} chars), median`, `${median(perParagraph).toFixed(1)} µs`, '<= 20 µs');
  line('  mean', `${meanUs.toFixed(1)} µs`);

  const analyzer = new DocumentAnalyzer({ lexicon, cache });
  analyzer.analyze(bench.oneMb);
  let flip = false;
  const mid = bench.oneMb.indexOf('\n\n', bench.oneMb.length / 2) + 2;
  const keystroke = timeMedian(() => {
    flip = !flip;
    analyzer.analyze(`${bench.oneMb.slice(0, mid)}${flip ? 'x' : 'y'}${bench.oneMb.slice(mid)}`);
  }, 9);
  line('keystroke re-analysis in the 1 MiB document', `${keystroke.toFixed(1)} ms`);

  const chronoRef = new Date(2023, 0, 1);
  const tc = timeMedian(() => chrono.parse(bench.oneMb, chronoRef), 3, 1);
  line('chrono-node alone on the same 1 MiB, median of 3', `${tc.toFixed(0)} ms`);
  line('  chrono-node / full analysis', `${(tc / t1).toFixed(1)}x`);

  const counts = analyze(bench.oneMb, { lexicon }).mentions.reduce<Record<string, number>>((acc, m) => {
    acc[m.kind] = (acc[m.kind] ?? 0) + 1;
    return acc;
  }, {});
  line('mentions found in 1 MiB', Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', '));
  processLevel(bench.dir, bench.docs);
  repeatedText();
}

function measure(args: string[], runs = 5): { ms: number; rssMb: number; stdout: string } {
  const times: number[] = [];
  let rss = 0;
  let stdout = '';
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-r', path.join(__dirname, 'maxRss.js'), ...args], { encoding: 'utf8', maxBuffer: 512 * MB });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    const m = /maxRSS (\d+)/.exec(r.stderr);
    rss = Math.max(rss, m ? Number(m[1]) / 1024 : 0);
    stdout = r.stdout;
  }
  return { ms: median(times), rssMb: rss, stdout };
}

/** Whole processes: `marginalia analyze` against `node -e 0` and against chrono-node alone, on the same files. */
function processLevel(dir: string, docs: string[]): void {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) execFileSync(process.execPath, [path.join(ROOT, 'esbuild.js'), '--production'], { cwd: ROOT });
  const oneMb = path.join(dir, 'distinct-1mb.txt');
  const ours = measure([cli, 'analyze', '--format', 'json', oneMb]);
  const empty = measure(['-e', '0']);
  const baseline = measure([path.join(__dirname, 'chronoOnly.js'), oneMb]);
  console.log('analyze: whole processes on distinct-1mb.txt, median of 5');
  line('marginalia analyze --format json', `${ours.ms.toFixed(0)} ms`);
  line('  peak memory (max RSS)', `${ours.rssMb.toFixed(0)} MB`);
  line('node -e 0', `${empty.ms.toFixed(0)} ms`);
  line('  marginalia analyze / node -e 0', `${(ours.ms / empty.ms).toFixed(1)}x`, '<= 3x');
  line('node + chrono-node alone', `${baseline.ms.toFixed(0)} ms`);
  line('  chrono-node script / marginalia analyze', `${(baseline.ms / ours.ms).toFixed(1)}x`, '>= 10x');

  // The 1,000-document folder, as a batch: one process over the folder on two worker threads (the target's
  // setting; bench/cliBench.ts also times --jobs 1 and checks the two outputs are the same).
  const folder = path.dirname(docs[0] as string);
  const batch = measure([cli, 'analyze', '--format', 'json', '--jobs', '2', folder], 3);
  const bytes = docs.reduce((n, f) => n + fs.statSync(f).size, 0);
  console.log(`analyze: the ${docs.length}-document folder (${(bytes / MB).toFixed(1)} MiB), one process, --jobs 2, median of 3`);
  line('wall time', `${(batch.ms / 1000).toFixed(2)} s`, '< 1.5 s');
  line('  files per second', `${(docs.length / (batch.ms / 1000)).toFixed(0)}`);
  line('  peak memory (max RSS)', `${batch.rssMb.toFixed(0)} MiB`, '< 150 MiB');
}

/** Labelled extra: the seeds and corpus repeated to 1 MB, which the paragraph cache recognises once. */
function repeatedText(): void {
  const { source, texts } = benchTexts();
  const oneMb = repeatTo(texts, MB);
  const t = warmMs(oneMb, 7);
  console.log(`analyze: REPEATED text (${source}, repeated to 1 MB; measures the paragraph cache, not recognition)`);
  line('1 MB of repeated text, warm, median of 7', `${t.toFixed(1)} ms`);
}

main();
