// Prints quote span and attribution P/R/F1 (ANNOTATION-GUIDELINES.md "quote") on the development set, per style,
// and on the seeds, then every miss, extra and wrong speaker with its context, to sort into categories of English
// reported speech before writing a rule.
// Usage: npx tsx scripts/evalQuotes.ts [--quiet] [--devset|--seeds] [style]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalysisCache } from '../src/core/analysisCache';
import {
  compareQuotes,
  formatScores,
  predictedQuotes,
  readQuoteGold,
  seedPairs,
  totalQuoteScores,
  type QuoteScores,
} from '../test/support/goldEval';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const onlyStyle = args.find((a) => !a.startsWith('--'));
const root = path.resolve(__dirname, '..');
const devset = path.join(root, 'test', 'fixtures', 'devset');
const shared = process.env.MARGINALIA_SHARED ?? path.resolve(root, '..', 'shared');
// One AnalysisCache for the run, as a host keeps one across its documents: the figures are those of a fresh one.
const cache = new AnalysisCache();

interface Doc {
  name: string;
  style: string;
  text: string;
  scores: QuoteScores;
}

function context(text: string, start: number, end: number): string {
  return JSON.stringify(text.slice(Math.max(0, start - 90), Math.min(text.length, end)).replace(/\s+/g, ' ')).slice(0, 260);
}

function listDifferences({ name, text, scores }: Doc): void {
  for (const x of scores.falseNegatives) console.log(`  MISS  ${name}@${x.start} [${x.speaker}] ${context(text, x.start, Math.min(x.end, x.start + 80))}`);
  for (const x of scores.falsePositives) console.log(`  EXTRA ${name}@${x.start} [${x.speaker}] ${context(text, x.start, Math.min(x.end, x.start + 80))}`);
  for (const { gold, predicted } of scores.misattributed) {
    console.log(`  WRONG ${name}@${gold.start} gold [${gold.speaker}] got [${predicted.speaker}] ${context(text, gold.start, Math.min(gold.end, gold.start + 80))}`);
  }
}

function print(title: string, docs: Doc[]): void {
  if (docs.length === 0) return;
  const total = totalQuoteScores(docs.map((d) => d.scores));
  console.log(formatScores(`${title} (${docs.length} texts)`, [total.span, total.attribution]));
}

const docs: Doc[] = [];
if (!args.includes('--seeds')) {
  for (const f of fs.readdirSync(path.join(devset, 'quotes')).filter((f) => f.endsWith('.yaml')).sort()) {
    const name = f.replace(/\.yaml$/, '');
    const style = name.split('-')[0] ?? name;
    if (onlyStyle && style !== onlyStyle) continue;
    const text = fs.readFileSync(path.join(devset, 'texts', `${name}.txt`), 'utf8');
    docs.push({ name, style, text, scores: compareQuotes(readQuoteGold(path.join(devset, 'quotes', f)), predictedQuotes(text, cache)) });
  }
}
const seeds: Doc[] = [];
if (!args.includes('--devset') && !onlyStyle && fs.existsSync(path.join(shared, 'gold', 'quotes'))) {
  for (const { name, textFile, goldFile } of seedPairs(path.join(shared, 'seeds'), path.join(shared, 'gold', 'quotes'))) {
    const text = fs.readFileSync(textFile, 'utf8');
    seeds.push({ name, style: 'seed', text, scores: compareQuotes(readQuoteGold(goldFile), predictedQuotes(text, cache)) });
  }
}
if (!quiet) for (const d of [...docs, ...seeds]) listDifferences(d);
print('dev set quotes', docs);
for (const style of [...new Set(docs.map((d) => d.style))]) {
  const t = totalQuoteScores(docs.filter((d) => d.style === style).map((d) => d.scores)).attribution;
  console.log(`  ${style.padEnd(14)} attribution F1 ${t.f1.toFixed(3)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`);
}
print('seed quotes', seeds);
