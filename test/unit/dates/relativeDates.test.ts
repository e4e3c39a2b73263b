import * as assert from 'node:assert/strict';
import { datesIn, spansIn, valuesIn } from './helpers';

// 2023-11-29 is a Wednesday in ISO week 48.
const DCT = '2023-11-29';

describe('dates: relative expressions', () => {
  it('resolves today, yesterday and tomorrow against the document date', () => {
    assert.deepEqual(datesIn('He said today that yesterday was quiet and tomorrow will not be.', DCT), [
      { text: 'today', value: '2023-11-29', precision: 'day', resolution: 'relative' },
      { text: 'yesterday', value: '2023-11-28', precision: 'day', resolution: 'relative' },
      { text: 'tomorrow', value: '2023-11-30', precision: 'day', resolution: 'relative' },
    ]);
    assert.deepEqual(valuesIn('It began the day before yesterday.', DCT), [['the day before yesterday', '2023-11-27']]);
  });

  it('marks them unresolved without a document date', () => {
    assert.deepEqual(datesIn('The problems did not start yesterday.'), [
      { text: 'yesterday', value: 'PAST_REF', precision: 'day', resolution: 'unresolved' },
    ]);
  });

  it('resolves a weekday to the right day around the document date', () => {
    assert.deepEqual(valuesIn('The minister said on Wednesday that talks stalled.', DCT), [['Wednesday', '2023-11-29']]);
    assert.deepEqual(valuesIn('The envoy arrived on Monday.', DCT), [['Monday', '2023-11-27']]);
    assert.deepEqual(valuesIn('The envoy will arrive on Friday.', DCT), [['Friday', '2023-12-01']]);
    assert.deepEqual(valuesIn('They spoke last Wednesday.', DCT), [['last Wednesday', '2023-11-22']]);
    assert.deepEqual(valuesIn('Thanks for joining us on a Saturday.'), [['Saturday', 'XXXX-WXX-6']]);
  });

  it('shifts weeks, months, quarters and years', () => {
    assert.deepEqual(datesIn('Meetings get underway next week.', DCT), [
      { text: 'next week', value: '2023-W49', precision: 'week', resolution: 'relative' },
    ]);
    assert.deepEqual(valuesIn('Last year, prices rose; earlier this year they fell.', DCT), [
      ['Last year', '2022'],
      ['this year', '2023'],
    ]);
    assert.deepEqual(valuesIn('Plans for the coming year are set.', DCT), [['the coming year', '2024']]);
    assert.deepEqual(valuesIn('This month and last month.', DCT), [['This month', '2023-11'], ['last month', '2023-10']]);
    assert.deepEqual(valuesIn('Talks happen this weekend.', DCT), [['this weekend', '2023-W48-WE']]);
  });

  it('resolves the first quarter to the year the tense points to', () => {
    assert.deepEqual(datesIn('In the first quarter, there will be several contacts.', '2022-12-22'), [
      { text: 'the first quarter', value: '2023-Q1', precision: 'quarter', resolution: 'relative' },
    ]);
  });

  it('reads "last quarter" as the quarter before, and "the last quarter of 2022" as Q4', () => {
    assert.deepEqual(valuesIn('Profits fell last quarter and in the last quarter of 2022.', '2023-05-05'), [
      ['last quarter', '2023-Q1'],
      ['the last quarter of 2022', '2022-Q4'],
    ]);
  });

  it('tags a season after a time preposition, resolved to the nearest or tensed one', () => {
    assert.deepEqual(valuesIn('Talks resume in the spring; in winter it was cold.', DCT), [
      ['the spring', '2024-SP'],
      ['winter', '2022-WI'],
    ]);
    assert.deepEqual(spansIn('The fall of the Wall; the spring session; prices spring up; in the summer of discontent.', DCT), []);
  });

  it('tags the end of the month and moves a finished period back in past tense', () => {
    assert.deepEqual(datesIn('Talks take place before the end of the month.', '2021-07-14'), [
      { text: 'the end of the month', value: '2021-07', precision: 'month', resolution: 'relative' },
    ]);
    assert.deepEqual(valuesIn('The season peaked by the end of year.', '2013-03-22'), [['the end of year', '2012']]);
  });

  it('tags the day before and the other day: counted from the last day of the block, else unresolved', () => {
    assert.deepEqual(datesIn('The day before, on December 16, an official arrived.'), [
      { text: 'The day before', value: 'PAST_REF', precision: 'day', resolution: 'unresolved' },
      { text: 'December 16', value: 'XXXX-12-16', precision: 'day', resolution: 'unresolved' },
    ]);
    assert.deepEqual(spansIn('The other day, the Americans commissioned a system.'), ['The other day']);
    assert.deepEqual(valuesIn('On December 17, 2021, drafts were published. The day before, officials met.'), [
      ['December 17, 2021', '2021-12-17'],
      ['The day before', '2021-12-16'],
    ]);
    assert.deepEqual(spansIn('They said the day before the vote that...'), []);
  });

  it('subtracts X ago at the precision of the unit', () => {
    assert.deepEqual(datesIn('It was suspended 6 months ago and six years ago.', DCT), [
      { text: '6 months ago', value: '2023-05', precision: 'month', resolution: 'relative' },
      { text: 'six years ago', value: '2017', precision: 'year', resolution: 'relative' },
    ]);
    assert.deepEqual(valuesIn('A few days ago, and several years ago, and years ago.', DCT), [
      ['A few days ago', 'PAST_REF'],
      ['several years ago', 'PAST_REF'],
      ['years ago', 'PAST_REF'],
    ]);
  });

  it('keeps the adverbs earlier and later out of the span', () => {
    assert.deepEqual(spansIn('Earlier today, and later this year.', DCT), ['today', 'this year']);
  });

  it('resolves against a dateline without a year where it can', () => {
    assert.deepEqual(valuesIn('He said today that yesterday was hard.', 'XXXX-12-22'), [
      ['today', 'XXXX-12-22'],
      ['yesterday', 'XXXX-12-21'],
    ]);
    assert.deepEqual(datesIn('Next year will be hard.', 'XXXX-12-22'), [
      { text: 'Next year', value: 'FUTURE_REF', precision: 'year', resolution: 'unresolved' },
    ]);
  });
});
