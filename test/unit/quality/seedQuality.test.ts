import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import {
  compareQuotes,
  compareSpans,
  formatScores,
  predictedQuotes,
  readGold,
  readQuoteGold,
  seedPairs,
  timemlDocumentDate,
  totalQuoteScores,
  totalScores,
  type Comparison,
  type QuoteScores,
} from '../../support/goldEval';
import { requireShared } from '../../support/sharedData';

const KINDS = ['speaker', 'date', 'treaty'];
const MIN_F1 = 0.9;

describe('quality: seeds against hand-made gold', function () {
  let comparisons: Comparison[] = [];

  before(function () {
    const seeds = requireShared(this, 'seeds');
    const gold = requireShared(this, 'gold', 'seeds');
    comparisons = seedPairs(seeds, gold).map(({ textFile, goldFile }) => {
      const text = fs.readFileSync(textFile, 'utf8');
      const predicted = analyze(text, { lexicon: BUILTIN_LEXICON }).mentions.filter((m) => !m.layer && KINDS.includes(m.kind));
      return compareSpans(readGold(goldFile), predicted, KINDS);
    });
    console.log(formatScores('seeds, all five documents (1:1 matching of overlapping spans of the same kind)', totalScores(comparisons, KINDS)));
  });

  for (const kind of KINDS) {
    it(`${kind}: F1 >= ${MIN_F1} on the seeds`, function () {
      const s = totalScores(comparisons, [kind])[0];
      assert.ok(s, 'scored');
      const misses = comparisons.flatMap((c) => c.falseNegatives.filter((x) => x.kind === kind)).map((x) => `missed ${JSON.stringify(x.text)}@${x.start}`);
      const extras = comparisons.flatMap((c) => c.falsePositives.filter((x) => x.kind === kind)).map((x) => `extra ${JSON.stringify(x.text)}@${x.start}`);
      assert.ok(s.f1 >= MIN_F1, `${kind} F1 ${s.f1.toFixed(3)} < ${MIN_F1}\n${[...misses, ...extras].slice(0, 30).join('\n')}`);
    });
  }
});

describe('quality: TempEval-3 platinum dates', function () {
  it('prints date F1 and normalised-value accuracy', function () {
    const dir = requireShared(this, 'datasets', 'tempeval3-platinum');
    const comparisons: Comparison[] = [];
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.dates.yaml')).sort()) {
      const stem = f.replace(/\.dates\.yaml$/, '');
      const text = fs.readFileSync(path.join(dir, `${stem}.txt`), 'utf8');
      const documentDate = timemlDocumentDate(path.join(dir, `${stem}.tml`));
      const predicted = analyze(text, { lexicon: BUILTIN_LEXICON, documentDate }).mentions.filter((m) => m.kind === 'date');
      comparisons.push(compareSpans(readGold(path.join(dir, f)), predicted, ['date']));
    }
    const [s] = totalScores(comparisons, ['date']);
    const matches = comparisons.flatMap((c) => c.matches);
    const correct = matches.filter((m) => m.gold.value !== undefined && m.gold.value === m.predicted.value).length;
    console.log(formatScores('TempEval-3 platinum sample (DATE timexes)', [s!]));
    console.log(`    value accuracy on matched spans: ${correct}/${matches.length} = ${(matches.length ? correct / matches.length : 0).toFixed(3)}`);
    assert.ok(s!.tp + s!.fn > 0, 'the dataset has gold dates');
  });
});

/** What the quote recogniser reaches on the seeds (span and attribution F1, ANNOTATION-GUIDELINES.md "quote"). */
const QUOTE_MIN_F1 = 0.98;

describe('quality: seed quotes against hand-made gold', function () {
  let scores: QuoteScores[] = [];
  let names: string[] = [];

  before(function () {
    const seeds = requireShared(this, 'seeds');
    const gold = requireShared(this, 'gold', 'quotes');
    const pairs = seedPairs(seeds, gold);
    names = pairs.map((p) => p.name);
    scores = pairs.map(({ textFile, goldFile }) => {
      const text = fs.readFileSync(textFile, 'utf8');
      return compareQuotes(readQuoteGold(goldFile), predictedQuotes(text));
    });
    const total = totalQuoteScores(scores);
    console.log(formatScores('seed quotes, all five documents (1:1 by overlap; attribution: speakers agree by surname)', [total.span, total.attribution]));
  });

  it(`span and attribution F1 >= ${QUOTE_MIN_F1} on the seeds`, function () {
    const total = totalQuoteScores(scores);
    const listed = scores.flatMap((s, i) => [
      ...s.falseNegatives.map((x) => `missed ${JSON.stringify(x.text.slice(0, 60))}@${x.start} in ${names[i]}`),
      ...s.falsePositives.map((x) => `extra ${JSON.stringify(x.text.slice(0, 60))}@${x.start} in ${names[i]}`),
      ...s.misattributed.map((x) => `${x.gold.speaker} given to ${x.predicted.speaker} @${x.gold.start} in ${names[i]}`),
    ]);
    assert.ok(total.span.tp + total.span.fn > 0, 'the gold has quotes');
    assert.ok(total.span.f1 >= QUOTE_MIN_F1, `quote span F1 ${total.span.f1.toFixed(3)} < ${QUOTE_MIN_F1}\n${listed.join('\n')}`);
    assert.ok(total.attribution.f1 >= QUOTE_MIN_F1, `quote attribution F1 ${total.attribution.f1.toFixed(3)} < ${QUOTE_MIN_F1}\n${listed.join('\n')}`);
  });
});
