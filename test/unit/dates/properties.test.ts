import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EMPTY_LEXICON } from '../../../src/core/lexicon/lexicon';
import { detectDocumentDate, recognizeDates } from '../../../src/core/recognizers/dates/dateRecognizer';

// Pieces that make date-like text, so random strings hit the rules rather than plain letters.
const PIECES = [
  'on ', 'in ', 'the ', 'last ', 'next ', 'this ', 'early ', 'the end of ', 'ago', ' ', ', ', '. ', '-', '–', '/', ':', '\n',
  'December', 'Dec.', 'May', 'Monday', 'today', 'yesterday', 'week', 'weekend', 'year', 'years', 'quarter', 'first',
  'century', 'summer', 'Q3', '22nd', '1', '29', '11', '2023', '1997', '1980s', "'90s", '30', 'and', 'six', 'day', 'other',
  'before', 'said', 'will', '"', 'Act', 'Fiscal Year ', '$', 'warheads',
];
const dateLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((xs) => xs.join(''));
const documentDate = fc.option(fc.constantFrom('2023-11-29', 'XXXX-12-22', '2013', '2020-02-29'), { nil: undefined });

describe('dates: properties over generated text', () => {
  it('spans lie in the text, do not overlap, and carry a value and attributes', () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string({ maxLength: 80 })), documentDate, (text, dct) => {
        const ms = recognizeDates(text, { lexicon: EMPTY_LEXICON, documentDate: dct ? { value: dct, source: 'option' } : undefined });
        let lastEnd = 0;
        for (const m of ms) {
          assert.ok(m.start >= lastEnd && m.end > m.start && m.end <= text.length, `span ${m.start}-${m.end}`);
          assert.equal(text.slice(m.start, m.end), m.text);
          assert.equal(m.text, m.text.trim(), 'no surrounding spaces');
          assert.ok(m.value && m.value.length > 0);
          assert.ok(['absolute', 'relative', 'unresolved'].includes(m.attributes?.resolution ?? ''));
          assert.ok(m.attributes?.precision);
          lastEnd = m.end;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('detectDocumentDate returns a span holding its date, or nothing', () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        const d = detectDocumentDate(text);
        if (d) {
          assert.ok(d.start !== undefined && d.end !== undefined && d.end <= text.length);
          assert.match(d.value, /^(?:\d{4}|XXXX)-\d{2}-\d{2}$/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
