// Date recognizer benchmark: throughput of recognizeDates alone on the seeds + corpus repeated to 1 MB and
// 10 MB (blocks as the analyzer cuts them), time per ~400-character paragraph, the share of chrono-node, and
// the time to load chrono-node. Times are CPU time of this process, so a busy machine skews them less. Usage: npx tsx bench/dateBench.ts
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { EMPTY_LEXICON } from '../src/core/lexicon/lexicon';
import { splitBlocks } from '../src/core/recognizers/blocks';
import { Chrono } from 'chrono-node/en';
import { recognizeDates } from '../src/core/recognizers/dates/dateRecognizer';
import { RecognizerState } from '../src/core/recognizers/recognizerState';
import { benchTexts, median, repeatTo } from './benchText';

const MB = 1024 * 1024;
const ctx = { lexicon: EMPTY_LEXICON, documentDate: { value: '2023-11-29', source: 'option' as const }, state: new RecognizerState() };

// chrono-node's calls counted by a wrapper around its parse method, so the production code keeps no counter.
let chronoCalls = 0;
const chronoParse = Chrono.prototype.parse;
Chrono.prototype.parse = function (this: Chrono, ...args: Parameters<Chrono['parse']>) {
  chronoCalls++;
  return chronoParse.apply(this, args);
};

// CPU time of this process, not wall time: the figures stay comparable on a machine shared with other jobs.
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function line(name: string, value: string, goal = ''): void {
  console.log(`  ${name.padEnd(52)} ${value.padStart(12)}${goal ? `   (goal ${goal})` : ''}`);
}

/** Median ms of recognizing all blocks; `fresh` empties chrono's memo before each run. */
function runBlocks(blocks: string[], runs: number, fresh: boolean): { ms: number; dates: number; parses: number } {
  let dates = 0;
  let parses = 0;
  const times: number[] = [];
  for (let r = -2; r < runs; r++) {
    if (fresh) ctx.state.cache.calendar.clear();
    const p0 = chronoCalls;
    const t0 = cpuMs();
    dates = 0;
    for (const b of blocks) dates += recognizeDates(b, ctx).length;
    const ms = cpuMs() - t0;
    parses = chronoCalls - p0;
    if (r >= 0) times.push(ms);
  }
  return { ms: median(times), dates, parses };
}

function main(): void {
  const { source, texts } = benchTexts();
  console.log(`dates: recognizeDates on ${source}`);
  for (const size of [1, 10]) {
    const text = repeatTo(texts, size * MB);
    const blocks = splitBlocks(text).map((b) => text.slice(b.start, b.end));
    const warm = runBlocks(blocks, size === 1 ? 9 : 3, false);
    line(`${size} MB, memo warm: ${warm.dates} dates`, `${(size / (warm.ms / 1000)).toFixed(0)} MB/s`, '> 50 MB/s');
    const fresh = runBlocks(blocks, size === 1 ? 9 : 3, true);
    line(`${size} MB, memo emptied each run (${fresh.parses} chrono calls)`, `${(size / (fresh.ms / 1000)).toFixed(0)} MB/s`);
  }
  const paragraphs = texts.flatMap((t) => t.split(/\n\s*\n/)).filter((p) => p.length >= 300 && p.length <= 600);
  const n = 20000;
  for (let i = 0; i < 2000; i++) recognizeDates(paragraphs[i % paragraphs.length] as string, ctx);
  const t0 = cpuMs();
  for (let i = 0; i < n; i++) recognizeDates(paragraphs[i % paragraphs.length] as string, ctx);
  const avg = paragraphs.reduce((a, p) => a + p.length, 0) / paragraphs.length;
  line(`paragraph (${paragraphs.length} distinct, ~${avg.toFixed(0)} chars)`, `${(((cpuMs() - t0) / n) * 1000).toFixed(1)} µs`, '< 200 µs for all kinds');
  // For scale: one pass of a plain combined regex (month names or digits) over the same 1 MB.
  const oneMb = repeatTo(texts, MB);
  const re = /\d+|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/g;
  const scans: number[] = [];
  for (let r = 0; r < 7; r++) {
    const s0 = cpuMs();
    re.lastIndex = 0;
    while (re.exec(oneMb) !== null);
    scans.push(cpuMs() - s0);
  }
  line('for scale: one combined regex pass over 1 MB', `${(1 / (median(scans) / 1000)).toFixed(0)} MB/s`);
  const script = `const t=process.hrtime.bigint();require('chrono-node');console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  const loads = [0, 1, 2, 3, 4].map(() => Number(execFileSync(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '..') }).toString()));
  line("require('chrono-node') in a fresh node, median", `${median(loads).toFixed(0)} ms`);
}

main();
