import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { paragraphBounds } from '../../../src/core/desk/quoteTopics';

/** The paragraphs as they were found by trimming each line looked at: what the in-place reading must equal. */
function byTrim(text: string, start: number, end: number): [number, number] {
  let from = start;
  for (;;) {
    const nl = text.lastIndexOf('\n', from - 1);
    if (nl < 0) return finish(text, 0, end);
    const prev = text.lastIndexOf('\n', nl - 1);
    if (text.slice(prev + 1, nl).trim() === '') return finish(text, nl + 1, end);
    from = nl;
  }
}

function finish(text: string, from: number, end: number): [number, number] {
  let to = end;
  for (;;) {
    const nl = text.indexOf('\n', to);
    if (nl < 0) return [from, text.length];
    const next = text.indexOf('\n', nl + 1);
    if (text.slice(nl + 1, next < 0 ? text.length : next).trim() === '') return [from, nl];
    to = nl + 1;
  }
}

describe('paragraph bounds read in place', () => {
  it('are those found by trimming every line, with any white space (tabs, CR, no-break and ideographic spaces, BOM)', () => {
    const pieces = fc.constantFrom('a', 'Bb', ' ', '\t', '\r', '\n', '\n\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', '\u0085', 'é', '\v', '\f');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const start = text.length === 0 ? 0 : a % text.length;
        const end = Math.min(text.length, start + (b % 5));
        assert.deepEqual(paragraphBounds(text, start, end), byTrim(text, start, end), JSON.stringify({ text, start, end }));
      }),
      { numRuns: 2000 },
    );
  });
});
