import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { compareSpans, formatScores, readGold, totalScores, type Comparison, type Span } from '../../support/goldEval';
import { requireShared } from '../../support/sharedData';

const KINDS = ['speaker', 'date', 'treaty'] as const;

/**
 * Held-out floors. The recognizers were tuned on the seeds; these eight corpus texts were annotated by hand
 * afterwards and never used for tuning, so they measure how far the rules generalise. Each floor sits just below
 * the figure the README reports, so any regression fails. When a kind falls below it, fix the rules
 * (scripts/evalHeldout.ts lists misses and extras per document); do not lower a floor or edit the gold to fit.
 */
const HELDOUT_MIN_F1: Record<(typeof KINDS)[number], number> = { speaker: 0.99, date: 0.99, treaty: 0.99 };

/** Our hand-made gold for corpus texts, one `<corpus stem>.yaml` per text. */
const GOLD_DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'heldout');

interface HeldoutDoc {
  name: string;
  text: string;
  gold: Span[];
}

function loadHeldout(corpusDir: string): HeldoutDoc[] {
  return fs
    .readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.yaml$/, '.txt');
      const textFile = path.join(corpusDir, name);
      assert.ok(fs.existsSync(textFile), `held-out gold ${f} has no corpus text ${textFile}`);
      return { name, text: fs.readFileSync(textFile, 'utf8'), gold: readGold(path.join(GOLD_DIR, f)) };
    });
}

describe('quality: held-out corpus texts against hand-made gold', function () {
  let docs: HeldoutDoc[] = [];
  let comparisons: Comparison[] = [];

  before(function () {
    const corpusDir = requireShared(this, 'corpus', 'texts');
    docs = loadHeldout(corpusDir);
    comparisons = docs.map(({ text, gold }) => {
      const predicted = analyze(text, { lexicon: BUILTIN_LEXICON }).mentions.filter((m) => !m.layer && (KINDS as readonly string[]).includes(m.kind));
      return compareSpans(gold, predicted, [...KINDS]);
    });
    console.log(
      formatScores(`held-out, ${docs.length} corpus texts (1:1 matching of overlapping spans of the same kind)`, totalScores(comparisons, [...KINDS])),
    );
  });

  it('the gold is well-formed: eight texts, every span slices to its text, no same-kind overlap', function () {
    assert.equal(docs.length, 8, 'eight held-out texts');
    for (const { name, text, gold } of docs) {
      assert.ok(gold.length > 0, `${name}: gold has spans`);
      for (const s of gold) {
        assert.ok((KINDS as readonly string[]).includes(s.kind), `${name}: kind ${s.kind}`);
        assert.equal(text.slice(s.start, s.end), s.text, `${name}: [${s.start}, ${s.end})`);
        for (const o of gold) {
          if (o !== s && o.kind === s.kind) assert.ok(Math.min(o.end, s.end) <= Math.max(o.start, s.start), `${name}: ${s.kind} spans overlap at ${s.start} and ${o.start}`);
        }
      }
    }
  });

  for (const kind of KINDS) {
    const floor = HELDOUT_MIN_F1[kind];
    it(`${kind}: F1 >= ${floor} on the held-out texts`, function () {
      const s = totalScores(comparisons, [kind])[0];
      assert.ok(s, 'scored');
      assert.ok(s.tp + s.fn > 0, `the held-out gold has ${kind} spans`);
      const listed = comparisons.flatMap((c, i) => {
        const name = docs[i]?.name ?? '?';
        return [
          ...c.falseNegatives.filter((x) => x.kind === kind).map((x) => `missed ${JSON.stringify(x.text)}@${x.start} in ${name}`),
          ...c.falsePositives.filter((x) => x.kind === kind).map((x) => `extra ${JSON.stringify(x.text)}@${x.start} in ${name}`),
        ];
      });
      assert.ok(s.f1 >= floor, `${kind} F1 ${s.f1.toFixed(3)} < ${floor} (held-out floor)\n${listed.slice(0, 30).join('\n')}`);
    });
  }
});
