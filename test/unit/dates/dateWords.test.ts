import * as assert from 'node:assert/strict';
import { dateInWords, dateWithCode } from '../../../src/core/model/dateWords';
import { compareDatesInTime, monthPeriod, yearPeriod } from '../../../src/core/model/datePeriods';
import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';

describe('dates in words', () => {
  it('says every kind of value the recognizer produces in words', () => {
    const cases: [string, string][] = [
      ['2021-12-30', '30 December 2021'],
      ['XXXX-12-01', '1 December (year unknown)'],
      ['2021-12', 'December 2021'],
      ['2021', '2021'],
      ['2025-SP', 'spring 2025'],
      ['2024-FA', 'autumn 2024'],
      ['2023-W39', 'week 39 of 2023 (25 Sep - 1 Oct)'],
      ['2022-W49-WE', 'the weekend of week 49 of 2022 (10 Dec - 11 Dec)'],
      ['2013-Q1', 'the first quarter of 2013'],
      ['XXXX-Q3', 'the third quarter of (year unknown)'],
      ['198', 'the 1980s'],
      ['19', 'the 20th century'],
      ['PAST_REF', 'a past date, not resolved'],
      ['FUTURE_REF', 'a future date, not resolved'],
      ['PRESENT_REF', 'the present, not resolved'],
      ['XXXX-WXX-3', 'a Wednesday (date unknown)'],
      ['2007-03-08/2007-03-09', '8 March 2007 to 9 March 2007'],
      ['BC0421', '421 BC'],
      ['XXXX-XX-12', 'the 12th (month unknown)'],
      ['XXXX-XX-09/XXXX-XX-10', 'the 9th (month unknown) to the 10th (month unknown)'],
      ['XXXX-SU', 'summer (year unknown)'],
    ];
    for (const [value, words] of cases) assert.equal(dateInWords(value), words, value);
  });

  it('names the part of a period, and keeps the code beside the words on request', () => {
    assert.equal(dateInWords('1955-07', 'END'), 'the end of July 1955');
    assert.equal(dateWithCode('2025-SP'), 'spring 2025 (2025-SP)');
    assert.equal(dateWithCode('2021'), '2021');
  });

  it('has words for every value the recognizer gives the dates of a varied text', () => {
    const text = [
      'On 30 December 2021 the ministers met; in the spring of 2025 and in autumn 2024 they will meet again.',
      'Talks last week, next Wednesday and in the first quarter went well, as in the 1990s and the 20th century.',
      'The day before, a few days ago, this year and last month, and on Friday, officials spoke.',
      'They met on the 12th, and again on the 9th and 10th; in the summer and on Christmas Eve.',
    ].join('\n\n');
    for (const documentDate of [undefined, '2023-09-27']) {
      for (const m of analyze(text, { lexicon: BUILTIN_LEXICON, documentDate }).mentions) {
        if (m.kind !== 'date' || !m.value) continue;
        const words = dateInWords(m.value);
        assert.notEqual(words, m.value === words && /^\d{4}$/.test(m.value) ? '' : m.value, `no words for ${m.value} ("${m.text}")`);
        assert.doesNotMatch(words, /XXXX|_REF|-W\d|-(SP|SU|FA|WI)\b/, `a code left in "${words}" for ${m.value}`);
      }
    }
  });
});

describe('date periods: the groups of the Entities tree', () => {
  it('puts each value in its year and month, undated ones in groups of their own', () => {
    assert.deepEqual(yearPeriod('2021-12-30'), { key: '2021', label: '2021', order: '2021' });
    assert.equal(yearPeriod('2025-SP').key, '2025');
    assert.equal(yearPeriod('198').label, 'The 1980s');
    assert.equal(yearPeriod('XXXX-12-01').label, 'Year unknown');
    assert.equal(yearPeriod('PAST_REF').label, 'Not resolved');
    assert.deepEqual(monthPeriod('2021-12-30'), { key: '2021-12', label: 'December 2021', order: '2021-12' });
    assert.equal(monthPeriod('2007-03-08/2007-03-09')?.key, '2007-03');
    assert.equal(monthPeriod('2021-W52'), undefined);
    assert.equal(monthPeriod('2021'), undefined);
  });

  it('orders dates in time: years, then coarse dates before the months of a year, undated last', () => {
    const values = ['PAST_REF', '2025-01-08', '2025-SP', '2020', '198', 'XXXX-12-01', '2025-01-07', '2021-03', '2025-W10'];
    assert.deepEqual([...values].sort(compareDatesInTime), ['198', '2020', '2021-03', '2025-SP', '2025-W10', '2025-01-07', '2025-01-08', 'XXXX-12-01', 'PAST_REF']);
  });
});
