// Prints precision/recall/F1 per kind on the seeds (and the misses and extras), for tuning recognizers.
// Usage: npx tsx scripts/evalGold.ts [kind] [--quiet]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../src/core/analyze';
import { AnalysisCache } from '../src/core/analysisCache';
import { BUILTIN_LEXICON } from '../src/core/lexicon/builtinLexicon';
import { compareSpans, formatScores, readGold, seedPairs, timemlDocumentDate, totalScores } from '../test/support/goldEval';
import { SHARED_DIR } from '../test/support/sharedData';
import { asTimeml } from '../test/support/tempeval';
import { printDifferences } from './lib/goldDifferences';

const KINDS = ['speaker', 'date', 'treaty'];
const only = process.argv.slice(2).find((a) => KINDS.includes(a));
const quiet = process.argv.includes('--quiet');
// One AnalysisCache for the run, as a host keeps one across its documents: the figures are those of a fresh one.
const cache = new AnalysisCache();

const pairs = seedPairs(path.join(SHARED_DIR, 'seeds'), path.join(SHARED_DIR, 'gold', 'seeds'));
const comparisons = pairs.map(({ name, textFile, goldFile }) => {
  const text = fs.readFileSync(textFile, 'utf8');
  const predicted = analyze(text, { lexicon: BUILTIN_LEXICON, cache }).mentions.filter((m) => !m.layer && KINDS.includes(m.kind));
  const c = compareSpans(readGold(goldFile), predicted, KINDS);
  if (!quiet) printDifferences(name, text, c, only);
  return c;
});
console.log(formatScores('seeds', totalScores(comparisons, KINDS)));

if (!only || only === 'date') {
  const dir = path.join(SHARED_DIR, 'datasets', 'tempeval3-platinum');
  const te = fs.readdirSync(dir).filter((x) => x.endsWith('.dates.yaml')).sort().map((f) => {
    const stem = f.replace(/\.dates\.yaml$/, '');
    const text = fs.readFileSync(path.join(dir, `${stem}.txt`), 'utf8');
    const documentDate = timemlDocumentDate(path.join(dir, `${stem}.tml`));
    const predicted = analyze(text, { lexicon: BUILTIN_LEXICON, documentDate, cache }).mentions.filter((m) => m.kind === 'date');
    const c = compareSpans(readGold(path.join(dir, f)), asTimeml(predicted), ['date']);
    if (!quiet && only === 'date') {
      console.log(stem);
      c.falseNegatives.forEach((s) => console.log(`  MISS  ${JSON.stringify(s.text)} ${s.value}`));
      c.falsePositives.forEach((s) => console.log(`  EXTRA ${JSON.stringify(s.text)} ${s.value}`));
      c.matches.filter((m) => m.gold.value !== m.predicted.value).forEach((m) => console.log(`  VALUE ${JSON.stringify(m.gold.text)} gold ${m.gold.value} got ${m.predicted.value} (${JSON.stringify(m.predicted.text)})`));
    }
    return c;
  });
  const matches = te.flatMap((c) => c.matches);
  const correct = matches.filter((m) => m.gold.value === m.predicted.value).length;
  console.log(formatScores('TempEval-3 platinum sample', totalScores(te, ['date'])));
  console.log(`    value accuracy on matched: ${correct}/${matches.length}`);
}
