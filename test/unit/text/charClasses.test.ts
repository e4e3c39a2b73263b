import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as cc from '../../../src/core/text/charClasses';

/** Each class against the character set its comment names, written here as a regular expression, on every code unit. */
const SPECS: Array<[string, (c: number) => boolean, RegExp]> = [
  ['isAsciiDigit', cc.isAsciiDigit, /[0-9]/],
  ['isAsciiUpper', cc.isAsciiUpper, /[A-Z]/],
  ['isAsciiLower', cc.isAsciiLower, /[a-z]/],
  ['isAsciiLetter', cc.isAsciiLetter, /[A-Za-z]/],
  ['isAsciiAlnum', cc.isAsciiAlnum, /[A-Za-z0-9]/],
  ['isBlank', cc.isBlank, /[ \t]/],
  ['isAsciiSpace', cc.isAsciiSpace, /[ \t\n\v\f\r]/],
  ['isPlainSpace', cc.isPlainSpace, /[ \t\n\r\u00a0]/],
  ['isWordSpace', cc.isWordSpace, /[ \t\n\r\u00a0\u2009\u202f]/],
  ['isRegexSpace', cc.isRegexSpace, /\s/],
  ['isLetterCode', cc.isLetterCode, /[\p{L}\p{M}]/u],
  ['isLetterOrNumberCode', cc.isLetterOrNumberCode, /[\p{L}\p{N}]/u],
  ['isLatinLetter', cc.isLatinLetter, /[A-Za-z\u00c0-\u024f]/],
  ['mayBeLetter', cc.mayBeLetter, /[A-Za-z\u00c0-\uffff]/],
  ['isWordInnerMark', cc.isWordInnerMark, /['’.-]/],
  ['isAsciiWordPart', cc.isAsciiWordPart, /[A-Za-z'’.-]/],
  ['isWordPart', cc.isWordPart, /[\p{L}\p{M}0-9'’.-]/u],
  ['isWordPartOrNumeral', cc.isWordPartOrNumeral, /[\p{L}\p{M}\p{N}'’.-]/u],
  ['isWordJoiner', cc.isWordJoiner, /[-/\u2010\u2011\u2013]/],
  ['isSentenceStop', cc.isSentenceStop, /[.?!]/],
  ['isDoubleQuoteMark', cc.isDoubleQuoteMark, /["“”„«»]/],
];

describe('core/text: the character classes', () => {
  for (const [name, test, spec] of SPECS) {
    it(`${name} holds exactly ${spec.source}`, () => {
      for (let c = 0; c <= 0xffff; c++) {
        const want = spec.test(String.fromCharCode(c));
        if (test(c) !== want) assert.fail(`${name}(0x${c.toString(16)}) is ${!want}, expected ${want}`);
      }
      assert.equal(test(Number.NaN), false, 'past the end of a string (NaN) belongs to no class');
    });
  }

  it('isUpperCode and isCasedLetter follow case mapping in every script', () => {
    for (const ch of ['A', 'Z', 'É', 'Ж', 'Ω']) assert.ok(cc.isUpperCode(ch.charCodeAt(0)), ch);
    for (const ch of ['a', 'é', 'ж', '1', ' ', '中', 'א']) assert.ok(!cc.isUpperCode(ch.charCodeAt(0)), ch);
    for (const ch of ['A', 'z', 'é', 'Ж', 'ω']) assert.ok(cc.isCasedLetter(ch.charCodeAt(0)), ch);
    for (const ch of ['1', '-', '中', 'א', 'ب']) assert.ok(!cc.isCasedLetter(ch.charCodeAt(0)), ch);
  });

  it('no recogniser defines a character class of its own: they import core/text', () => {
    const root = path.join(__dirname, '..', '..', '..', 'src', 'core', 'recognizers');
    const own: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts')) {
          const src = fs.readFileSync(p, 'utf8');
          // A predicate over one code unit or one character: `function isX(c: number)`, `function isXAt(s, i)`.
          for (const m of src.matchAll(/function (is\w+)\((?:c|ch|code): (?:number|string)\)|function (is\w+)\(s: string, i: number\)/g)) {
            own.push(`${path.relative(root, p)}: ${m[1] ?? m[2]}`);
          }
        }
      }
    };
    walk(root);
    assert.deepEqual(own, []);
  });
});
