import * as assert from 'node:assert/strict';
import { QuotedBlock, type QuotePair } from '../../../src/core/recognizers/quotes/quoteMarks';
import { hasWords } from '../../../src/core/recognizers/quotes/words';
import { randomTexts } from '../../support/randomTexts';

describe('quotes: lookups of marks and words', () => {
  it('finds the pair opening or closing at an offset, and none elsewhere', () => {
    const block = 'He said: "One." Then “two” and «three» ended "';
    const q = new QuotedBlock(block);
    assert.deepEqual(q.pairs, [
      { open: 9, close: 14 },
      { open: 21, close: 25 },
      { open: 31, close: 37 },
    ]);
    assert.deepEqual(q.opening(21), { open: 21, close: 25 });
    assert.deepEqual(q.closing(37), { open: 31, close: 37 });
    assert.equal(q.opening(14), undefined, 'a closing mark opens nothing');
    assert.equal(q.closing(9), undefined, 'an opening mark closes nothing');
    assert.equal(q.opening(46), undefined, 'an unpaired last mark opens no pair');
    assert.equal(new QuotedBlock('no marks').closing(3), undefined);
  });

  it('agrees with a scan of the pairs at every offset of random blocks', () => {
    for (const block of randomTexts(['"', '“', '”', '«', '»', 'a', ' ', '.'], 3000, 17)) {
      const q = new QuotedBlock(block);
      for (let i = -1; i <= block.length; i++) {
        const open = q.pairs.find((p: QuotePair) => p.open === i);
        const close = q.pairs.find((p: QuotePair) => p.close === i);
        assert.equal(q.opening(i), open, `opening(${i}) of ${JSON.stringify(block)}`);
        assert.equal(q.closing(i), close, `closing(${i}) of ${JSON.stringify(block)}`);
      }
    }
  });

  it('tells whether a span holds at least n words as a count of \\S runs does', () => {
    assert.equal(hasWords('  one two  ', 0, 11, 2), true);
    assert.equal(hasWords('  one two  ', 0, 6, 2), false);
    assert.equal(hasWords('one\u00a0two', 0, 7, 2), true, 'a no-break space parts words');
    assert.equal(hasWords('one\u2014two', 0, 7, 2), false, 'a dash does not');
    for (const s of randomTexts([' ', '\n', '\u2009', 'a', '.', '\u00a0'], 4000, 13)) {
      for (let start = 0; start <= s.length; start += 3) {
        const count = s.slice(start).match(/\S+/g)?.length ?? 0;
        for (let n = 1; n <= 4; n++) assert.equal(hasWords(s, start, s.length, n), count >= n, `${JSON.stringify(s)} from ${start}, n ${n}`);
      }
    }
  });
});
