import * as assert from 'node:assert/strict';
import { QuotedBlock, referenceMarkEnd } from '../../../src/core/recognizers/quotes/quoteMarks';
import { randomTexts } from '../../support/randomTexts';

/**
 * The sentence end as the quote rules first read it, one character at a time (the scan now jumps from stop to
 * stop): the reference the faster scan must agree with.
 */
function referenceSentenceEnd(s: string, pos: number): number {
  const pairs = new QuotedBlock(s).pairs;
  const isStop = (c: string | undefined) => c === '.' || c === '!' || c === '?';
  const isPlain = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';
  const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
  const trimEnd = (end: number) => {
    while (end > pos && isPlain(s[end - 1])) end--;
    return end;
  };
  const lineBreakEnds = (i: number) => {
    let j = i + 1;
    while (j < s.length && isBlank(s[j])) j++;
    return !/[a-z]/.test(s[j] ?? '');
  };
  const abbreviations = new Set('mr mrs ms dr st jr sr gen sen rep gov prof col lt sgt adm capt maj no vs etc jan feb mar apr aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m amb ret inc ltd co corp dept'.split(' '));
  const endsSentence = (i: number) => {
    if (s[i + 1] === '[') return referenceMarkEnd(s, i + 1) > 0;
    if (i + 1 < s.length && !isPlain(s[i + 1])) return false;
    if (s[i] !== '.') return true;
    let j = i + 1;
    while (j < s.length && isBlank(s[j])) j++;
    if (/[a-z0-9]/.test(s[j] ?? '')) return false;
    let w = i;
    while (w > 0 && /[A-Za-z.]/.test(s[w - 1] as string)) w--;
    const word = s.slice(w, i).toLowerCase();
    if (word.length === 1 && /[A-Z]/.test(s[w] as string)) return false;
    return !abbreviations.has(word);
  };
  let k = pairs.findIndex((p) => p.open >= pos);
  if (k < 0) k = pairs.length;
  let i = pos;
  while (i < s.length) {
    const pair = pairs[k];
    if (pair && pair.open === i) {
      if (isStop(s[pair.close - 1]) && (pair.close + 1 >= s.length || isPlain(s[pair.close + 1]))) return pair.close + 1;
      i = pair.close + 1;
      k++;
      continue;
    }
    if (s[i] === '\n' && lineBreakEnds(i)) return trimEnd(i);
    if (isStop(s[i]) && endsSentence(i)) return s[i] === '.' ? i : i + 1;
    i++;
  }
  return trimEnd(s.length);
}

describe('quotes: where a sentence ends', () => {
  it('ends at a stop, a line break before a capital, a quotation closing on a stop, or the block end', () => {
    const s = 'He said yes. Mr. Smith left.\nThen "It is over." she wrote\nand went on';
    const q = new QuotedBlock(s);
    assert.equal(q.sentenceEnd(0), s.indexOf('. Mr.'));
    assert.equal(q.sentenceEnd(13), s.indexOf('.\nThen'), 'an abbreviation ends nothing');
    assert.equal(q.sentenceEnd(s.indexOf('Then')), s.indexOf(' she'), 'the quotation closing on a stop ends it');
    assert.equal(q.sentenceEnd(s.indexOf('she')), s.length, 'a line going on in lowercase does not');
  });

  it('agrees with a scan of every character at every offset of random blocks', () => {
    const alphabet = ['a', 'b', 'A', 'U', 'S', '.', '.', '!', '?', ' ', ' ', '\n', '\t', '"', '“', '”', '[', ']', '4', '\u00a0', 'r', 'M'];
    for (const s of randomTexts(alphabet, 6000, 19, 5)) {
      const q = new QuotedBlock(s);
      for (let pos = 0; pos <= s.length; pos++) assert.equal(q.sentenceEnd(pos), referenceSentenceEnd(s, pos), `${JSON.stringify(s)} from ${pos}`);
    }
  });
});
