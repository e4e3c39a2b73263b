import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { recognizeTreaties } from '../../../src/core/recognizers/treaties/treatyRecognizer';

/** Words that exercise every rule, shuffled into random texts. */
const WORDS = [
  'New', 'START', 'Treaty', 'treaty', 'the', 'The', 'INF', 'missiles', 'ground-based', 'Open', 'Skies', 'open', 'skies', 'proposal',
  'Agreement', 'on', 'of', 'and', 'Northern', 'Lakes', '(NLT)', 'NLT', '(INF)', 'Act', 'Final', 'North', 'Atlantic', 'Organisation',
  'NPT', 'Review', 'Conference', 'Strategic', 'Arms', 'Reduction', '(New START)', 'START-3', 'deploy', 'Russia–NATO', 'Founding',
  '—', ',', '.', '\n', ' ', 'post-', 'Ünited', 'ÉTAT', 'KEY', 'TREATIES', 'between',
];

describe('treaties: invariants on random texts', () => {
  it('returns sorted, non-overlapping treaty spans whose text is the slice, and never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }), fc.array(fc.constantFrom(' ', '\n', '  ', ''), { maxLength: 40 }), (words, gaps) => {
        const text = words.map((w, i) => w + (gaps[i] ?? ' ')).join('');
        const found = recognizeTreaties(text, { lexicon: BUILTIN_LEXICON });
        let last = 0;
        for (const m of found) {
          assert.equal(m.kind, 'treaty');
          assert.equal(m.text, text.slice(m.start, m.end));
          assert.ok(m.start >= last && m.end > m.start, JSON.stringify({ text, found }));
          assert.ok(m.entityId?.startsWith('treaty:'));
          last = m.end;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
