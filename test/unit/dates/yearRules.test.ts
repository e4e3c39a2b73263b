import * as assert from 'node:assert/strict';
import { datesIn, valuesIn } from './helpers';

/**
 * A range of years is one span valued as an interval, like a range of days (the guidelines' `1–5 February 2016`;
 * docs/date-conventions.md). The dev set's "(1943 to 1991)" is annotated that way.
 */
describe('dates: a range of years is one span', () => {
  it('joins two years with a hyphen, an en dash or an em dash', () => {
    assert.deepEqual(valuesIn('Stockpiles, 1945-2014, are shown.'), [['1945-2014', '1945/2014']]);
    assert.deepEqual(valuesIn('The data cover 1945–2014 for each state.'), [['1945–2014', '1945/2014']]);
    assert.deepEqual(valuesIn('He led the agency 1997 — 2009 and then retired.'), [['1997 — 2009', '1997/2009']]);
  });

  it('joins "1943 to 1991" and "1999 through 2003", leaving the preposition before it out', () => {
    assert.deepEqual(valuesIn('A list of the summits (1943 to 1991) follows.'), [['1943 to 1991', '1943/1991']]);
    assert.deepEqual(valuesIn('From 1999 through 2003 the talks stalled.'), [['1999 through 2003', '1999/2003']]);
  });

  it('is a range of years with year precision, read from the text', () => {
    assert.deepEqual(datesIn('Between talks, 1972-1979, little changed.'), [{ text: '1972-1979', value: '1972/1979', precision: 'year', resolution: 'absolute' }]);
  });

  it('keeps two dates when the second year is not later, or when the numbers count something', () => {
    assert.deepEqual(valuesIn('See the 2014-1999 figures.'), [['2014', '2014']]);
    assert.deepEqual(valuesIn('They cut from 1550 to 1200 warheads.'), []);
    assert.deepEqual(valuesIn('In 2010 and 2011 they negotiated.'), [['2010', '2010'], ['2011', '2011']]);
  });
});

describe('dates: decades', () => {
  it('"the 1990s" is one decade span, its article left out like a preposition', () => {
    assert.deepEqual(datesIn('Relations were better in the 1990s than now.'), [{ text: '1990s', value: '199', precision: 'decade', resolution: 'absolute' }]);
    assert.deepEqual(valuesIn("The 1980s and the '90s were calmer."), [['1980s', '198'], ["'90s", '199']]);
  });
});

describe('dates: a year inside the name of a law or plan', () => {
  it('"Fiscal Year 2020" before an abbreviated law name is part of the name', () => {
    assert.deepEqual(valuesIn('Congress passed the Fiscal Year 2020 NDAA in December.', '2021-12-30'), [['December', '2021-12']]);
    assert.deepEqual(valuesIn('The FY 2021 NDAA and the Saudi Vision 2030 plan.', '2021-12-30'), []);
  });

  it('keeps a fiscal year used as a date', () => {
    assert.deepEqual(valuesIn('In fiscal year 2020 spending rose; FY2021 NATO budgets fell.', '2021-12-30'), [['2020', '2020']]);
    assert.deepEqual(valuesIn('In Fiscal Year 2020, spending rose.', '2021-12-30'), [['2020', '2020']]);
  });
});
