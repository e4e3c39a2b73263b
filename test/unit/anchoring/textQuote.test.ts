import * as assert from 'node:assert/strict';
import { describeQuote, matchQuote, rankFuzzyNear, CONTEXT_LENGTH } from '../../../src/core/anchoring/textQuote';

const TEXT =
  'The treaty was discussed on Monday. Later, the minister said the treaty would survive. ' +
  'On Friday the treaty was extended for five years, the spokesperson confirmed.';

describe('matchQuote', () => {
  it('describes a quote with up to 32 characters of context on each side', () => {
    const start = TEXT.indexOf('minister');
    const q = describeQuote(TEXT, start, start + 'minister'.length);
    assert.equal(q.exact, 'minister');
    assert.equal(q.prefix.length, CONTEXT_LENGTH);
    assert.ok(TEXT.slice(0, start).endsWith(q.prefix));
    assert.ok(TEXT.slice(start + 8).startsWith(q.suffix));
    assert.deepEqual(describeQuote(TEXT, 0, 3), { exact: 'The', prefix: '', suffix: TEXT.slice(3, 35) });
  });

  it('picks the occurrence whose context matches among identical quotes', () => {
    for (const which of [0, 1, 2]) {
      let start = -1;
      for (let i = 0; i <= which; i++) start = TEXT.indexOf('treaty', start + 1);
      const q = describeQuote(TEXT, start, start + 6);
      const m = matchQuote(TEXT, q);
      assert.equal(m?.start, start, `occurrence ${which}`);
      assert.equal(m?.score, 1);
    }
  });

  it('uses the position hint to break ties between identical contexts', () => {
    const text = 'alpha beta gamma. alpha beta gamma. alpha beta gamma.';
    const q = { exact: 'beta', prefix: '', suffix: '' };
    assert.equal(matchQuote(text, q, { hint: 40 })?.start, 42);
    assert.equal(matchQuote(text, q, { hint: 0 })?.start, 6);
  });

  it('finds a quote with typos, and scores fall as the quote gets less similar', () => {
    const start = TEXT.indexOf('spokesperson');
    const q = describeQuote(TEXT, start, start + 12);
    let previous = 2;
    for (const variant of ['spokesperson', 'spokesparson', 'spokespazson']) {
      const m = matchQuote(TEXT.replace('spokesperson', variant), q);
      assert.ok(m, variant);
      assert.equal(m.start, start);
      assert.ok(m.score < previous, `${variant}: ${m.score} < ${previous}`);
      previous = m.score;
    }
    // Three errors in twelve characters is beyond the 20% a fuzzy match may differ by.
    assert.equal(matchQuote(TEXT.replace('spokesperson', 'spakespazson'), q), undefined);
    assert.equal(matchQuote(TEXT.replace('spokesperson', 'official'), q), undefined);
  });

  it('finds a changed quote near its old place even when an exact twin exists elsewhere', () => {
    const text = 'Talks on Monday. Later the Harbuor Accord was signed. Elsewhere the Harbour Accord is debated.';
    const q = { exact: 'Harbour Accord', prefix: 'Talks on Monday. Later the ', suffix: ' was signed. Elsewhere the Harbo' };
    const near = rankFuzzyNear(text, q, text.indexOf('Harbuor'));
    assert.equal(near[0]?.start, text.indexOf('Harbuor'));
    assert.ok(near.every((m) => m.quoteScore < 1));
  });

  it('returns nothing for an empty quote or an empty text', () => {
    assert.equal(matchQuote(TEXT, { exact: '', prefix: '', suffix: '' }), undefined);
    assert.equal(matchQuote('', { exact: 'x', prefix: '', suffix: '' }), undefined);
  });
});
