// One cold process of the split-document bench (../splitDocumentBench.ts), bundled and run by it: recognises the
// blocks of one document in this thread, or on worker threads (this file again), and prints per-thread CPU.
import * as fs from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { analyze, recognizeBlock } from '../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../src/core/lexicon/builtinLexicon';
import { splitBlocks } from '../../src/core/recognizers/blocks';
import { RecognizerState } from '../../src/core/recognizers/recognizerState';

/** CPU time (ms) of the calling thread (Linux /proc; 10 ms ticks). */
function threadMs(): number {
  const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function processMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** The block recognition of `analyze`, for the blocks `mine` selects, with one recognizer state as a thread has. */
function recognizeShare(text: string, mine: (i: number) => boolean): unknown[] {
  const ctx = { lexicon: BUILTIN_LEXICON, documentDate: undefined, state: new RecognizerState() };
  const out: unknown[] = [];
  splitBlocks(text).forEach((b, i) => {
    if (mine(i)) out.push(recognizeBlock(text.slice(b.start, b.end), ctx));
  });
  return out;
}

if (!isMainThread) {
  const { text, k, n } = workerData as { text: string; k: number; n: number };
  const t = threadMs();
  const raw = recognizeShare(text, (i) => i % n === k);
  // The mentions go back as a real split would send them.
  parentPort?.postMessage({ raw, cpuMs: threadMs() - t });
} else {
  const [mode, file] = process.argv.slice(2) as [string, string];
  const text = fs.readFileSync(file, 'utf8');
  const t0 = performance.now();
  const p0 = processMs();
  const m0 = threadMs();
  const report = (workers: number[]) =>
    console.log(JSON.stringify({ mode, wallMs: performance.now() - t0, processMs: processMs() - p0, mainMs: threadMs() - m0, workers }));
  if (mode === 'analyze') {
    analyze(text, { lexicon: BUILTIN_LEXICON });
    report([]);
  } else if (mode === 'blocks') {
    recognizeShare(text, () => true);
    report([]);
  } else {
    const workers: number[] = [];
    for (const k of [0, 1]) {
      const w = new Worker(__filename, { workerData: { text, k, n: 2 } });
      w.once('message', (m: { cpuMs: number }) => {
        workers.push(m.cpuMs);
        void w.terminate();
        if (workers.length === 2) report(workers);
      });
    }
  }
}
