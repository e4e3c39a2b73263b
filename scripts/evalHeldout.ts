// Prints precision/recall/F1 per kind on the held-out corpus texts (gold in test/fixtures/heldout/), with the misses,
// extras and partial matches per document. Mirrors scripts/evalGold.ts; use it to check that a rule change made on
// the seeds generalises. Do not tune against these texts one span at a time: fix the rule behind a miss.
// Usage: npx tsx scripts/evalHeldout.ts [kind] [--quiet]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../src/core/analyze';
import { AnalysisCache } from '../src/core/analysisCache';
import { BUILTIN_LEXICON } from '../src/core/lexicon/builtinLexicon';
import { compareSpans, formatScores, readGold, totalScores } from '../test/support/goldEval';
import { printDifferences } from './lib/goldDifferences';
import { SHARED_DIR } from '../test/support/sharedData';

const KINDS = ['speaker', 'date', 'treaty'];
const only = process.argv.slice(2).find((a) => KINDS.includes(a));
const quiet = process.argv.includes('--quiet');
// One AnalysisCache for the run, as a host keeps one across its documents: the figures are those of a fresh one.
const cache = new AnalysisCache();

const goldDir = path.resolve(__dirname, '..', 'test', 'fixtures', 'heldout');
const corpusDir = path.join(SHARED_DIR, 'corpus', 'texts');
if (!fs.existsSync(corpusDir)) {
  console.error(`${corpusDir} is absent; the corpus lives in shared/ beside the project`);
  process.exit(2);
}

const comparisons = fs
  .readdirSync(goldDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const name = f.replace(/\.yaml$/, '.txt');
    const text = fs.readFileSync(path.join(corpusDir, name), 'utf8');
    const predicted = analyze(text, { lexicon: BUILTIN_LEXICON, cache }).mentions.filter((m) => !m.layer && KINDS.includes(m.kind));
    const c = compareSpans(readGold(path.join(goldDir, f)), predicted, KINDS);
    if (!quiet) printDifferences(name, text, c, only);
    return c;
  });
console.log(formatScores(`held-out (${comparisons.length} corpus texts)`, totalScores(comparisons, only ? [only] : KINDS)));
