import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { compareSpans, formatScores, readGold, seedPairs, timemlDocumentDate, totalScores, type Comparison } from '../../support/goldEval';
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
