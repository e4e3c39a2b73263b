import * as assert from 'node:assert/strict';
import search from 'approx-string-match';
import fc from 'fast-check';
import { fewestEdits } from '../../../src/core/anchoring/editDistance';

/** The same question answered by approx-string-match, which lists every match (what scoring used to call). */
function reference(text: string, pattern: string): number {
  if (pattern.length === 0) return 0;
  if (text.length === 0) return pattern.length;
  return Math.min(pattern.length, ...search(text, pattern, pattern.length).map((m) => m.errors));
}

describe('fewestEdits', () => {
  // Few distinct characters, so patterns and texts share many and differ in every way; emoji for surrogates.
  const s = (maxLength: number) => fc.array(fc.constantFrom('a', 'b', ' ', 'c', '\n', '🙂', 'é'), { maxLength }).map((cs) => cs.join(''));

  it('equals approx-string-match for patterns up to 32 code units and longer ones (property)', () => {
    fc.assert(
      fc.property(s(48), s(40), (text, pattern) => {
        assert.equal(fewestEdits(text, pattern), reference(text, pattern));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts what is missing, replaced and extra', () => {
    assert.equal(fewestEdits('the treaty was signed', 'treaty'), 0);
    assert.equal(fewestEdits('the treety was signed', 'treaty'), 1);
    assert.equal(fewestEdits('', 'abc'), 3);
    assert.equal(fewestEdits('xyz', 'abc'), 3);
    const long = 'a'.repeat(20) + 'b'.repeat(20);
    assert.equal(fewestEdits(`${'a'.repeat(20)}c${'b'.repeat(20)}`, long), 1);
  });
});
