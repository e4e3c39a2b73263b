import * as assert from 'node:assert/strict';
import { datesIn, spansIn, valuesIn } from './helpers';

describe('dates: absolute formats', () => {
  it('reads month-day-year, day-month-year and ordinals', () => {
    assert.deepEqual(valuesIn('The memorandum was signed on March 24, 1992 in Vienna.'), [['March 24, 1992', '1992-03-24']]);
    assert.deepEqual(valuesIn('Talks resumed on 24 May 2002 after a pause.'), [['24 May 2002', '2002-05-24']]);
    assert.deepEqual(valuesIn('They met on the 3rd of October 2019.'), [['3rd of October 2019', '2019-10-03']]);
    assert.deepEqual(valuesIn('A reply came on Sept. 11, 2001, officials said.'), [['Sept. 11, 2001', '2001-09-11']]);
  });

  it('keeps a day without a year partial when there is no document date', () => {
    assert.deepEqual(datesIn('The envoy arrives December 22nd.'), [
      { text: 'December 22nd', value: 'XXXX-12-22', precision: 'day', resolution: 'unresolved' },
    ]);
  });

  it('takes the year of a day without one from the document date, nearest or as the tense says', () => {
    assert.deepEqual(valuesIn('On December 17, the ministry published a draft.', '2022-01-05'), [['December 17', '2021-12-17']]);
    assert.deepEqual(valuesIn('The talks will open on January 10.', '2021-12-28'), [['January 10', '2022-01-10']]);
    assert.deepEqual(valuesIn('The parties met on March 3.', '2021-03-10'), [['March 3', '2021-03-03']]);
  });

  it('reads numeric and ISO dates, with a weekday written after the date in the same span', () => {
    assert.deepEqual(datesIn('Posted 29/11/2023 Wednesday by the desk'), [
      { text: '29/11/2023 Wednesday', value: '2023-11-29', precision: 'day', resolution: 'absolute' },
    ]);
    assert.deepEqual(valuesIn('Deadline: 2026-02-05 at noon.'), [['2026-02-05', '2026-02-05']]);
    assert.deepEqual(valuesIn('Filed 11/29/2023.'), [['11/29/2023', '2023-11-29']]);
    assert.deepEqual(valuesIn('Signed 22.12.2021 in Geneva.'), [['22.12.2021', '2021-12-22']]);
  });

  it('puts a weekday and its date in one span, without the preposition', () => {
    assert.deepEqual(valuesIn('The minister on Thursday, December 23, 2021, spoke about guarantees.'), [
      ['Thursday, December 23, 2021', '2021-12-23'],
    ]);
    assert.deepEqual(spansIn('It happened on Friday, 3 December.'), ['Friday, 3 December']);
  });

  it('reads months with a year, abbreviated or not, and bare months after a preposition', () => {
    assert.deepEqual(datesIn('The treaty expires in Feb. 2026.'), [
      { text: 'Feb. 2026', value: '2026-02', precision: 'month', resolution: 'absolute' },
    ]);
    assert.deepEqual(valuesIn('From February 2026 there will be a vacuum.'), [['February 2026', '2026-02']]);
    assert.deepEqual(valuesIn('The conference will close in August.', '2022-12-22'), [['August', '2023-08']]);
    assert.deepEqual(valuesIn('The summit was held in January.', '2022-12-22'), [['January', '2022-01']]);
    assert.deepEqual(valuesIn('We will meet again in August.'), [['August', 'XXXX-08']]);
  });

  it('does not take names and modal verbs for months', () => {
    assert.deepEqual(spansIn('Theresa May said it. May I ask a question? Jan Kubis spoke. August Hanning wrote.'), []);
  });

  it('makes ranges and conjoined days one span with an interval value', () => {
    assert.deepEqual(datesIn('Flights took place on March 8 and 9, 2007, over the region.'), [
      { text: 'March 8 and 9, 2007', value: '2007-03-08/2007-03-09', precision: 'day', resolution: 'absolute' },
    ]);
    assert.deepEqual(valuesIn('A mission planned for 1–5 February 2016 was cancelled.'), [['1–5 February 2016', '2016-02-01/2016-02-05']]);
    assert.deepEqual(valuesIn('Consultations on March 8-9, 2007.'), [['March 8-9, 2007', '2007-03-08/2007-03-09']]);
  });

  it('tags years, also as modifiers, without prepositions', () => {
    assert.deepEqual(valuesIn('The act was concluded in 1997.'), [['1997', '1997']]);
    assert.deepEqual(spansIn('Interference in the 2020 election was discussed.'), ['2020']);
    assert.deepEqual(spansIn('We do have a 2026 final expiration of the treaty.'), ['2026']);
    assert.deepEqual(spansIn('We need a post-2026 arms control framework.'), ['2026']);
    assert.deepEqual(spansIn('2018 statement by the president'), ['2018']);
    assert.deepEqual(spansIn('In 2026, the treaty will cease to exist.'), ['2026']);
  });

  it('keeps a year range as one span, an interval (yearRanges.test.ts)', () => {
    assert.deepEqual(valuesIn('Stockpiles, 1945-2014, are shown.'), [['1945-2014', '1945/2014']]);
    assert.deepEqual(valuesIn('The 2014–15 season.'), [['2014–15', '2014/2015']]);
  });

  it('tags decades and centuries with TIMEX3 values', () => {
    assert.deepEqual(datesIn('Weapons built during the 1980s were dismantled in the early 1990s.'), [
      { text: '1980s', value: '198', precision: 'decade', resolution: 'absolute' },
      { text: 'early 1990s', value: '199', precision: 'decade', resolution: 'absolute' },
    ]);
    assert.deepEqual(valuesIn("Music of the '90s."), [["'90s", '199']]);
    assert.deepEqual(valuesIn('For much of the 20th century and the twenty-first century.'), [
      ['20th century', '19'],
      ['twenty-first century', '20'],
    ]);
  });

  it('includes period modifiers in the span', () => {
    assert.deepEqual(datesIn('A conference was held at the end of July 1955 in Geneva.'), [
      { text: 'the end of July 1955', value: '1955-07', precision: 'month', resolution: 'absolute' },
    ]);
    assert.deepEqual(spansIn('Prices rose in early December and again in mid-2020.'), ['early December', 'mid-2020']);
  });

  it('reads quarters and seasons', () => {
    assert.deepEqual(valuesIn('Sales fell in the fourth quarter of 2022 and in Q1 2023.'), [
      ['the fourth quarter of 2022', '2022-Q4'],
      ['Q1 2023', '2023-Q1'],
    ]);
    assert.deepEqual(valuesIn('The flights resumed in summer 2013; a proposal came in the summer of 1955.'), [
      ['summer 2013', '2013-SU'],
      ['the summer of 1955', '1955-SU'],
    ]);
  });
});
