import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeLineStarts, updateLineStarts } from '../../../src/core/index/lineIndex';
import { changedRange } from '../../../src/core/textDiff';

describe('Line starts after an edit', () => {
  it('equal the line starts computed from scratch, whatever the line ends (\\n, \\r\\n, lone \\r) around the edit', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r'), maxLength: 40 });
    fc.assert(
      fc.property(text, text, (before, after) => {
        assert.deepEqual([...updateLineStarts(computeLineStarts(before), after, changedRange(before, after))], [...computeLineStarts(after)]);
      }),
      { numRuns: 5000 },
    );
  });
});
