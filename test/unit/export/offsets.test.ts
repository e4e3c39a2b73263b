import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { OffsetConverter, codePointsToUtf16, utf16ToCodePoints } from '../../../src/core/export/offsets';
import { TextIndex, lineNumberAt, paragraphAround } from '../../../src/core/export/textContext';

describe('offset units: UTF-16 <-> code points', () => {
  const text = 'a\u{1F600}b\u{1F1E8}\u{1F1ED}c\r\nd';

  it('counts each astral character as one code point and two UTF-16 units', () => {
    const c = new OffsetConverter(text);
    assert.equal(c.codePointLength, Array.from(text).length);
    assert.equal(c.toCodePoints(0), 0);
    assert.equal(c.toCodePoints(1), 1); // before the emoji
    assert.equal(c.toCodePoints(3), 2); // after it
    assert.equal(c.toCodePoints(text.indexOf('c')), 5);
    assert.equal(c.toUtf16(5), text.indexOf('c'));
    assert.equal(c.sliceCodePoints(1, 2), '\u{1F600}');
    assert.equal(utf16ToCodePoints(text, text.length), Array.from(text).length);
    assert.equal(codePointsToUtf16(text, Array.from(text).length), text.length);
  });

  it('refuses offsets inside a surrogate pair or outside the text', () => {
    const c = new OffsetConverter(text);
    assert.throws(() => c.toCodePoints(2), /splits a surrogate pair/);
    assert.throws(() => c.toCodePoints(-1), RangeError);
    assert.throws(() => c.toCodePoints(text.length + 1), RangeError);
    assert.throws(() => c.toUtf16(c.codePointLength + 1), RangeError);
    assert.throws(() => c.toCodePoints(1.5), RangeError);
  });

  it('round-trips every boundary of random texts with astral characters (property)', () => {
    const char = fc.oneof(fc.constantFrom('a', ' ', '\r', '\n', '\u00e9', '\u{1F600}', '\u{1F1E8}', '\u{10FFFF}', '\u4e2d'));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), (chars) => {
        const s = chars.join('');
        const c = new OffsetConverter(s);
        let u = 0;
        for (let cp = 0; cp <= chars.length; cp++) {
          assert.equal(c.toUtf16(cp), u);
          assert.equal(c.toCodePoints(u), cp);
          assert.equal(c.sliceCodePoints(0, cp), chars.slice(0, cp).join(''));
          u += (chars[cp] ?? '').length;
        }
      }),
    );
  });
});

describe('text index: lines and paragraphs', () => {
  it('answers exactly as the scanning helpers do, for every offset of random texts (property)', () => {
    const piece = fc.constantFrom('a', ' ', '\r\n', '\n', '\r', '\t', '\u{1F600}', '\n\n', '\r\n\r\n', ' \n \n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const index = new TextIndex(text);
        for (let i = 0; i <= text.length; i++) {
          assert.equal(index.lineAt(i), lineNumberAt(text, i), `line at ${i} of ${JSON.stringify(text)}`);
          assert.deepEqual(index.paragraphAt(i), paragraphAround(text, i), `paragraph at ${i} of ${JSON.stringify(text)}`);
        }
      }),
    );
  });
});
