import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, DocumentAnalyzer } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { splitBlocks } from '../../../src/core/recognizers/blocks';

const SAMPLES = path.resolve(__dirname, '..', '..', '..', 'samples');
const text = fs
  .readdirSync(SAMPLES)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .map((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8'))
  .join('\n\n');
const options = { lexicon: BUILTIN_LEXICON };

/** What a decoration shows of a mention. */
const span = (m: { kind: string; start: number; end: number; text: string; source: string }) => `${m.kind} ${m.start}-${m.end} ${m.text} ${m.source}`;

describe('Analysis in steps, what the user sees first', () => {
  const range = { start: Math.floor(text.length * 0.6), end: Math.floor(text.length * 0.6) + 3000 };

  it("gives the mentions of the blocks around a range before the others are recognised, as the whole analysis has them there", () => {
    const steps = new DocumentAnalyzer(options).steps(text, range);
    const first = steps.firstMentions();
    let left = 0;
    while (steps.step()) left++;
    const blocks = splitBlocks(text);
    const firstBlocks = blocks.filter((b) => b.end >= range.start && b.start <= range.end);
    assert.ok(left >= blocks.length - firstBlocks.length - 1 && left > 10, `${left} of ${blocks.length} blocks were left after the first part`);
    const whole = analyze(text, options).mentions.filter((m) => !m.layer && firstBlocks.some((b) => m.start >= b.start && m.end <= b.end));
    assert.ok(whole.length > 5, `${whole.length} mentions in the first part`);
    assert.deepEqual(first.map(span), whole.map(span));
  });

  it('finishes, the first part first or not, with the result of an analysis in one go, and goes on incrementally from it', () => {
    const expected = analyze(text, options);
    for (const first of [range, { start: 0, end: 0 }, { start: text.length, end: text.length }, undefined]) {
      const analyzer = new DocumentAnalyzer(options);
      const steps = analyzer.steps(text, first);
      if (first) steps.firstMentions();
      for (let i = 0; i < 7; i++) steps.step();
      assert.deepEqual(steps.finish(), expected);
      assert.equal(steps.finish(), steps.finish(), 'finished once');
      const at = text.indexOf(' the ', Math.floor(text.length / 3)) + 2;
      const edited = `${text.slice(0, at)}x${text.slice(at)}`;
      assert.deepEqual(analyzer.analyze(edited), analyze(edited, options));
      assert.equal(analyzer.lastPath, 'shifted');
    }
  });
});
