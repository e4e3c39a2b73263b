import * as assert from 'node:assert/strict';
import { markAfterAdverbial } from '../../../src/core/recognizers/quotes/adverbialMark';
import { randomTexts } from '../../support/randomTexts';

/** The rule as an expression: what the character reading must agree with. */
const EXPRESSION = /\s+(?:[\p{L}\p{N}'’-]+\s+){0,4}[\p{L}\p{N}'’-]+\s*[,:]\s*["“«„]/uy;

function byExpression(s: string, p: number): number {
  EXPRESSION.lastIndex = p;
  return EXPRESSION.exec(s) ? EXPRESSION.lastIndex - 1 : -1;
}

describe('quotes: the quotation mark after a short adverbial', () => {
  it('finds the mark after up to five words and a comma or colon, and nothing otherwise', () => {
    assert.equal(markAfterAdverbial('said last week, "No."', 4), 16);
    assert.equal(markAfterAdverbial('said on Monday:  “No.”', 4), 17);
    assert.equal(markAfterAdverbial('said one two three four five, "x"', 4), 30);
    assert.equal(markAfterAdverbial('said one two three four five six, "x"', 4), -1, 'six words are too many');
    assert.equal(markAfterAdverbial('said, "x"', 4), -1, 'no adverbial');
    assert.equal(markAfterAdverbial('said last week that "x"', 4), -1, 'no comma or colon');
    assert.equal(markAfterAdverbial('said last week, x', 4), -1, 'no mark');
    const anyScript = 'said Łódź’s mayor-elect 𝐀𝐁 ２０２４, «x»';
    assert.equal(markAfterAdverbial(anyScript, 4), anyScript.indexOf('«'), 'letters and numbers of any script');
  });

  it('agrees with the expression at every offset of random texts', () => {
    const alphabet = [' ', ' ', ' ', ',', '\u00a0', '\n', 'a', 'B', '7', 'é', 'Ж', '٣', "'", '’', '-', ',', ':', '"', '“', '«', '„', '»', '.', '𝐀', '😀', '\ud835', '_'];
    let found = 0;
    for (const s of randomTexts(alphabet, 30000, 14, 7)) {
      for (let p = 0; p <= s.length; p++) {
        const expected = byExpression(s, p);
        if (expected >= 0) found++;
        assert.equal(markAfterAdverbial(s, p), expected, `${JSON.stringify(s)} at ${p}`);
      }
    }
    assert.ok(found > 200, `the texts hold marks to find (${found})`);
  });
});
