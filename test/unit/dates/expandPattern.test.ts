import * as assert from 'node:assert/strict';
import { expandPattern } from '../../../src/core/recognizers/dates/expandPattern';
import { MONTH_PATTERN, WEEKDAY_PATTERN } from '../../../src/core/recognizers/dates/vocabulary';

const PATTERNS = [
  MONTH_PATTERN,
  WEEKDAY_PATTERN,
  '[Tt]oday|TODAY|[Yy]esterday|YESTERDAY|[Tt]omorrow|TOMORROW',
  '(?:week(?:end)?|month|year|quarter|decade|day)s?|century|centuries',
  '[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter',
  'Q[1-4]',
];

describe('dates: expandPattern', () => {
  it('lists the strings the trigger patterns match, and only those', () => {
    for (const pattern of PATTERNS) {
      const words = expandPattern(pattern);
      const whole = new RegExp(`^(?:${pattern})$`);
      for (const w of words) assert.ok(whole.test(w), `${w} / ${pattern}`);
      // Every string made of a listed word with one character changed, dropped or added is matched by the
      // pattern exactly when it is listed.
      const listed = new Set(words);
      const chars = [...new Set([...words.join(''), 'x', 'S', '5'])];
      for (const w of words) {
        const variants: string[] = [];
        for (let i = 0; i <= w.length; i++) {
          if (i < w.length) variants.push(w.slice(0, i) + w.slice(i + 1));
          for (const c of chars) {
            variants.push(w.slice(0, i) + c + w.slice(i));
            if (i < w.length) variants.push(w.slice(0, i) + c + w.slice(i + 1));
          }
        }
        for (const v of variants) assert.equal(listed.has(v), whole.test(v), `${v} / ${pattern}`);
      }
    }
    assert.deepEqual(expandPattern('Sep(?:t(?:ember)?)?'), ['September', 'Sept', 'Sep']);
    assert.deepEqual(expandPattern('[Tt]oday|Q[1-2]'), ['Today', 'today', 'Q1', 'Q2']);
  });

  it('refuses syntax it does not handle', () => {
    assert.throws(() => expandPattern('a+'));
    assert.throws(() => expandPattern('(a)'));
    assert.throws(() => expandPattern('\\d'));
  });
});
