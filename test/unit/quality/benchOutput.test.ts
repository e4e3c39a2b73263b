import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { requireShared } from '../../support/sharedData';

/**
 * The analysis of the benchmark's distinct megabyte, pinned: speed work must leave what is found unchanged. A
 * change of recognition that is meant (a new rule, a fixed miss) updates the pin with
 * `UPDATE_ANALYSIS_PIN=1 npx mocha test/unit/quality/benchOutput.test.ts` and says so in its commit; under CI=true
 * that is refused, since the test would then check nothing.
 */
const PIN = path.join(__dirname, '..', '..', 'fixtures', 'bench-analysis.json');
const UPDATE = process.env.UPDATE_ANALYSIS_PIN === '1';

interface Pin {
  file: string;
  counts: Record<string, number>;
  sha256: string;
}

describe('quality: the analysis of the benchmark text is pinned', function () {
  this.timeout(60_000);

  it('finds exactly what it found when the pin was last updated, on distinct-1mb.txt', function () {
    if (UPDATE && process.env.CI === 'true') throw new Error('UPDATE_ANALYSIS_PIN=1 is refused under CI=true: it rewrites the pin instead of comparing with it');
    const dir = requireShared(this, 'corpus', 'bench');
    const text = fs.readFileSync(path.join(dir, 'distinct-1mb.txt'), 'utf8');
    const { mentions } = analyze(text, { lexicon: BUILTIN_LEXICON });
    const counts: Record<string, number> = {};
    const hash = createHash('sha256');
    for (const m of mentions) {
      counts[m.kind] = (counts[m.kind] ?? 0) + 1;
      hash.update(`${m.kind}\t${m.start}\t${m.end}\t${m.value ?? ''}\t${m.entityId ?? ''}\t${m.layer ?? ''}\n`);
    }
    const now: Pin = { file: 'corpus/bench/distinct-1mb.txt', counts, sha256: hash.digest('hex') };
    if (UPDATE) {
      fs.writeFileSync(PIN, `${JSON.stringify(now, null, 2)}\n`);
      return;
    }
    const pinned = JSON.parse(fs.readFileSync(PIN, 'utf8')) as Pin;
    assert.deepEqual(now.counts, pinned.counts, 'mentions per kind');
    assert.equal(now.sha256, pinned.sha256, 'the same mentions, offsets, values and ids');
  });
});
