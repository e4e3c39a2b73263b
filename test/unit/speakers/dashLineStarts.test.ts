import * as assert from 'node:assert/strict';
import { dashLineStarts } from '../../../src/core/recognizers/speakers/dashTurns';

/** The regex dashLineStarts stands for. */
function byRegex(text: string): number[] {
  const re = /(?:^|\n)[ \t]{0,3}([-–—])[ \t](?![ \t]{2})/g;
  const out: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(m.index + m[0].indexOf(m[1] as string));
  return out;
}

describe('speakers: dash line starts', () => {
  it('finds the dashes opening lines, skipping markdown bullets and indented text', () => {
    const text = '- Question?\n  – Answer.\n    - code\n-   *bullet\n—\tTab turn\nmid - dash\n-';
    assert.deepEqual(dashLineStarts(text), [0, 14, 47]);
    assert.deepEqual(dashLineStarts(text), byRegex(text));
  });

  it('agrees with the regex on random short texts', () => {
    const alphabet = ['\n', ' ', '\t', '-', '–', '—', 'a', '\r', '?'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % alphabet.length;
    for (let t = 0; t < 20000; t++) {
      let s = '';
      for (let i = (t % 13); i > 0; i--) s += alphabet[next()];
      assert.deepEqual(dashLineStarts(s), byRegex(s), JSON.stringify(s));
    }
  });
});
