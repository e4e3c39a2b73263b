import * as assert from 'node:assert/strict';
import { isWordPartOrNumeral } from '../../../src/core/text/charClasses';

describe('quotes: the characters of a word as the quote rules read it', () => {
  it('isWordPartOrNumeral is, for every code unit, an ASCII letter, digit or inner mark, the right single quote, or a letter, mark or number of Unicode', () => {
    const unicode = /[\p{L}\p{M}\p{N}]/u;
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const expected = c <= 0x7f ? /[A-Za-z0-9'.-]/.test(ch) : c === 0x2019 || unicode.test(ch);
      if (isWordPartOrNumeral(c) !== expected) assert.fail(`U+${c.toString(16)}: ${isWordPartOrNumeral(c)}, expected ${expected}`);
    }
  });
});
