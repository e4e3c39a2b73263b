import * as assert from 'node:assert/strict';
import { lookBehind, lookBehindWord } from '../../../src/core/recognizers/dates/finding';

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Expressions shaped like the rules' look-behinds, with the words each can end on. */
const CASES: [RegExp, string[], boolean][] = [
  [/\b(?:([Tt]he\s+)(coming|same)|([Tt]his|[Ll]ast))\s+$/, ['coming', 'same', 'this', 'last'], false],
  [/\b[Tt]he\s+$/, ['the'], false],
  [/\b(?:([Tt]he)\s+)?(\d{1,2}(?:st|nd|rd|th)|first|twenty[- ]first|last)[\s-]+$/i, ['st', 'nd', 'rd', 'th', 'first', 'last'], true],
];

describe('dates: lookBehindWord', () => {
  it('finds what lookBehind finds, at every position of random text', () => {
    const parts = ['the', 'The', 'THE', 'last', 'Last', 'this', 'coming', 'same', '21st', '2nd', 'first', 'twenty', 'x', 'ethe', '3',
      ' ', ' ', '  ', '\n', '\u00a0', '\u2003', '-', ',', '.', 'é', '_'];
    const next = random(7);
    for (let n = 0; n < 4000; n++) {
      let text = '';
      const len = 1 + Math.floor(next() * 14);
      for (let i = 0; i < len; i++) text += parts[Math.floor(next() * parts.length)];
      for (const [re, words, dashes] of CASES) {
        for (let pos = 0; pos <= text.length; pos++) {
          const a = lookBehind(text, pos, re);
          const b = lookBehindWord(text, pos, re, new Set(words), dashes);
          assert.deepEqual(b && [b.start, b.m[0]], a && [a.start, a.m[0]], JSON.stringify({ text, pos, re: re.source }));
        }
      }
    }
  });
});
