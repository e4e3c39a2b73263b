import * as fs from 'node:fs';
import * as path from 'node:path';
import { sharedPath } from '../test/support/sharedData';
import { SAMPLES_DIR } from '../scripts/lib/paths';

/**
 * The texts every speed figure is taken on (../shared/corpus/bench): 1 MiB and 10 MiB of real, distinct public-
 * domain text, and 1,000 separate documents of about 40 KB. A text built by repeating a few documents measures the
 * analyzer's paragraph cache, not the recognizers, so there is no fallback: without these files a benchmark says
 * so and stops.
 */
export interface DistinctBench {
  dir: string;
  oneMb: string;
  tenMb: string;
  /** Absolute paths of the 1,000 documents, in name order. */
  docs: string[];
}

export function distinctBench(): DistinctBench {
  const dir = sharedPath('corpus', 'bench');
  if (!dir) {
    console.error('benchmark skipped: ../shared/corpus/bench is absent (speed figures are taken on its real, distinct text)');
    process.exit(1);
  }
  const docsDir = path.join(dir, 'docs-1000');
  return {
    dir,
    oneMb: fs.readFileSync(path.join(dir, 'distinct-1mb.txt'), 'utf8'),
    tenMb: fs.readFileSync(path.join(dir, 'distinct-10mb.txt'), 'utf8'),
    docs: fs.readdirSync(docsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(docsDir, f)),
  };
}

/** The seeds and the corpus texts from ../shared, else our own samples: for the labelled repeated-text figures. */
export function benchTexts(): { source: string; texts: string[] } {
  const dirs = [sharedPath('seeds'), sharedPath('corpus', 'texts')].filter((d): d is string => d !== undefined);
  const source = dirs.length > 0 ? dirs.join(' + ') : path.resolve(__dirname, '..', 'samples');
  const roots = dirs.length > 0 ? dirs : [source];
  const texts: string[] = [];
  for (const dir of roots) {
    for (const f of fs.readdirSync(dir).sort()) {
      if (/\.(txt|md)$/.test(f)) texts.push(fs.readFileSync(path.join(dir, f), 'utf8'));
    }
  }
  return { source, texts };
}

/** The texts joined with blank lines and repeated until the result has at least `bytes` UTF-16 units. */
export function repeatTo(texts: string[], size: number): string {
  const unit = texts.join('\n\n');
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    parts.push(unit);
    length += unit.length + 2;
  }
  return parts.join('\n\n').slice(0, size);
}

/** Median of a sample of timings. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Runs `fn` `runs` times after `warmup` runs and returns the median wall time in ms. */
export function timeMedian(fn: () => void, runs: number, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

/**
 * The editor benchmark's documents: `sized(bytes, salt)` is our samples joined and repeated to `bytes`, each
 * repetition's years shifted by `salt` plus its number, so documents differ from one another and within
 * themselves (identical paragraphs remain: the analyzer recognises those once per document).
 */
export function sampleDocuments(): (bytes: number, salt: number) => string {
  const samples = fs
    .readdirSync(SAMPLES_DIR)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => fs.readFileSync(path.join(SAMPLES_DIR, f), 'utf8'));
  const corpus = samples.join('\n\n');
  return (bytes, salt) => {
    let text = '';
    for (let i = 0; text.length < bytes; i++) text += `${corpus.replace(/\b(19|20)(\d\d)\b/g, (_m, c, y) => `${c}${String((Number(y) + salt + i) % 100).padStart(2, '0')}`)}\n\n`;
    return text.slice(0, bytes);
  };
}
