// Prints precision/recall/F1 per kind on the development set (test/fixtures/devset: texts/ and gold/), overall and
// speaker F1 per style (the file name's first word: kremlin, state, un, wire, ...), with the misses and extras per
// document. Like scripts/evalHeldout.ts: fix the rule of English behind a miss, not the one sentence.
// Usage: npx tsx scripts/evalDevset.ts [kind] [--quiet]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../src/core/analyze';
import { AnalysisCache } from '../src/core/analysisCache';
import { BUILTIN_LEXICON } from '../src/core/lexicon/builtinLexicon';
import { compareSpans, formatScores, readGold, totalScores, type Comparison } from '../test/support/goldEval';
import { printDifferences } from './lib/goldDifferences';

const KINDS = ['speaker', 'date', 'treaty'];
const only = process.argv.slice(2).find((a) => KINDS.includes(a));
const quiet = process.argv.includes('--quiet');
const dir = path.resolve(__dirname, '..', 'test', 'fixtures', 'devset');
// One AnalysisCache for the run, as a host keeps one across its documents: the figures are those of a fresh one.
const cache = new AnalysisCache();

const byStyle = new Map<string, Comparison[]>();
const comparisons = fs
  .readdirSync(path.join(dir, 'gold'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const name = f.replace(/\.yaml$/, '.txt');
    const textFile = path.join(dir, 'texts', name);
    if (!fs.existsSync(textFile)) throw new Error(`${path.join(dir, 'gold', f)}: no text ${textFile}`);
    const text = fs.readFileSync(textFile, 'utf8');
    const predicted = analyze(text, { lexicon: BUILTIN_LEXICON, cache }).mentions.filter((m) => !m.layer && KINDS.includes(m.kind));
    const c = compareSpans(readGold(path.join(dir, 'gold', f)), predicted, KINDS);
    const style = name.split('-')[0] ?? name;
    byStyle.set(style, [...(byStyle.get(style) ?? []), c]);
    if (!quiet) printDifferences(name, text, c, only);
    return c;
  });
console.log(formatScores(`dev set (${comparisons.length} texts)`, totalScores(comparisons, only ? [only] : KINDS)));
for (const [style, cs] of byStyle) {
  const s = totalScores(cs, ['speaker'])[0];
  if (s) console.log(`  ${style.padEnd(14)} speaker F1 ${s.f1.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}; ${cs.length} texts)`);
}
