// Recognition benchmark (issue 3): throughput, per-document and per-paragraph times, bundle load time, peak
// memory, and the ratio against chrono-node parsing the same text in the same run. Figures, not assertions:
// the goals are printed beside each figure.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as chrono from 'chrono-node';
import { analyze, DocumentAnalyzer } from '../src/core/analyze';
import { BUILTIN_LEXICON } from '../src/core/lexicon/builtinLexicon';
import { benchTexts, median, repeatTo, timeMedian } from './benchText';

const ROOT = path.resolve(__dirname, '..');
const MB = 1024 * 1024;
const lexicon = BUILTIN_LEXICON;

function line(name: string, value: string, goal = ''): void {
  console.log(`  ${name.padEnd(46)} ${value.padStart(14)}${goal ? `   (goal ${goal})` : ''}`);
}

function fullAnalysisMs(text: string, runs: number): number {
  // A fresh analyzer each run: no block cache, the cost of a first analysis.
  return timeMedian(() => analyze(text, { lexicon }), runs);
}

function main(): void {
  const { source, texts } = benchTexts();
  console.log(`analyze: full analysis (speakers, dates, treaties) on ${source}`);
  const oneMb = repeatTo(texts, MB);
  const tenMb = repeatTo(texts, 10 * MB);
  const fortyKb = repeatTo(texts, 40 * 1024);
  const paragraphs = texts.flatMap((t) => t.split(/\n\s*\n/)).filter((p) => p.length >= 300 && p.length <= 600);
  const paragraph = paragraphs[0] ?? fortyKb.slice(0, 400);

  // Repeated text flatters: a document's identical paragraphs are recognised once. The texts themselves, each
  // analysed once per round, are the honest throughput on prose that does not repeat.
  const distinct = texts.reduce((n, t) => n + t.length, 0);
  const td = timeMedian(() => texts.forEach((t) => analyze(t, { lexicon })), 15, 5);
  line(`${texts.length} distinct texts (${(distinct / 1024).toFixed(0)} KB), each once`, `${td.toFixed(1)} ms`);
  line('throughput on distinct text', `${(distinct / MB / (td / 1000)).toFixed(1)} MB/s`);
  const t1 = fullAnalysisMs(oneMb, 7);
  line('1 MB document (the texts repeated), median', `${t1.toFixed(1)} ms`, '< 50 ms');
  line('throughput on 1 MB', `${(1 / (t1 / 1000)).toFixed(1)} MB/s`);
  const t10 = fullAnalysisMs(tenMb, 3);
  line('10 MB document, median', `${t10.toFixed(0)} ms`);
  line('throughput on 10 MB', `${(10 / (t10 / 1000)).toFixed(1)} MB/s`);
  line('40 KB document, median', `${fullAnalysisMs(fortyKb, 31).toFixed(2)} ms`, '< 5 ms');
  const tp = timeMedian(() => analyze(paragraph, { lexicon }), 2001, 200);
  line(`one ${paragraph.length}-character paragraph, median`, `${(tp * 1000).toFixed(1)} µs`, '< 200 µs');

  // A keystroke: the analyzer keeps its block cache; one paragraph changes.
  const analyzer = new DocumentAnalyzer({ lexicon });
  analyzer.analyze(oneMb);
  let flip = false;
  const mid = oneMb.indexOf('\n\n', oneMb.length / 2) + 2;
  const keystroke = timeMedian(() => {
    flip = !flip;
    analyzer.analyze(`${oneMb.slice(0, mid)}${flip ? 'x' : 'y'}${oneMb.slice(mid)}`);
  }, 9);
  line('keystroke re-analysis in a 1 MB document', `${keystroke.toFixed(1)} ms`, 'edited paragraph only');

  const chronoRef = new Date(2023, 0, 1);
  const tc = timeMedian(() => chrono.parse(oneMb, chronoRef), 3, 1);
  line('chrono-node alone on the same 1 MB', `${tc.toFixed(0)} ms`);
  line('ratio chrono-node / full analysis (1 MB)', `${(tc / t1).toFixed(1)}x`);

  const counts = analyze(oneMb, { lexicon }).mentions.reduce<Record<string, number>>((acc, m) => {
    acc[m.kind] = (acc[m.kind] ?? 0) + 1;
    return acc;
  }, {});
  line('mentions found in 1 MB', Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', '));
  processLevel(oneMb);
}

/** Whole processes: `marginalia analyze` on a 1 MB file against a script running chrono-node alone. */
function processLevel(oneMb: string): void {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) execFileSync(process.execPath, [path.join(ROOT, 'esbuild.js'), '--production'], { cwd: ROOT });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-'));
  const file = path.join(dir, 'one-mb.txt');
  fs.writeFileSync(file, oneMb);
  const run = (args: string[]): { ms: number; rssMb: number } => {
    const times: number[] = [];
    let rss = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['-r', path.join(__dirname, 'maxRss.js'), ...args], { encoding: 'utf8', maxBuffer: 256 * MB });
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
      const m = /maxRSS (\d+)/.exec(r.stderr);
      rss = Math.max(rss, m ? Number(m[1]) / 1024 : 0);
    }
    return { ms: median(times), rssMb: rss };
  };
  const ours = run([cli, 'analyze', '--format', 'json', file]);
  const baseline = run([path.join(__dirname, 'chronoOnly.js'), file]);
  const loadScript = `const t=process.hrtime.bigint();require(${JSON.stringify(cli)});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  const loads = [0, 1, 2, 3, 4].map(() => Number(execFileSync(process.execPath, ['-e', loadScript], { encoding: 'utf8' }).trim()));
  console.log('analyze: whole processes on the 1 MB file');
  line('marginalia analyze --format json', `${ours.ms.toFixed(0)} ms`);
  line('  peak memory (max RSS)', `${ours.rssMb.toFixed(0)} MB`);
  line('node + chrono-node alone', `${baseline.ms.toFixed(0)} ms`);
  line('  peak memory (max RSS)', `${baseline.rssMb.toFixed(0)} MB`);
  line('ratio chrono-node script / marginalia analyze', `${(baseline.ms / ours.ms).toFixed(1)}x`, '>= 5x');
  line('loading the CLI bundle (require), median', `${median(loads).toFixed(1)} ms`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main();
