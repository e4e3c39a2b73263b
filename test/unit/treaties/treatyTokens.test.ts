import * as assert from 'node:assert/strict';
import { WORD_AT, wordEndAt } from '../../../src/core/recognizers/treaties/treatyTokens';

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('treaty tokens', () => {
  it('wordEndAt reads the same word as the WORD_AT expression, at every position of random text', () => {
    // Letters, digits, joiners (ASCII and Unicode dashes, slash), separators and non-ASCII letters.
    const alphabet = ['a', 'Z', '7', '-', '/', ' ', '.', '\u2013', '\u2010', '\u2014', 'é', 'Ж', '(', "'", '\n', '\u{1D400}'];
    const next = random(42);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = 1 + Math.floor(next() * 12);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      for (let pos = 0; pos <= text.length; pos++) {
        // Inside a surrogate pair the regex backs up to the pair's start; callers never start a word there.
        if (/[\uDC00-\uDFFF]/.test(text.charAt(pos)) && /[\uD800-\uDBFF]/.test(text.charAt(pos - 1))) continue;
        WORD_AT.lastIndex = pos;
        const m = WORD_AT.exec(text);
        assert.equal(wordEndAt(text, pos), m ? pos + m[0].length : -1, JSON.stringify({ text, pos }));
      }
    }
  });
});
