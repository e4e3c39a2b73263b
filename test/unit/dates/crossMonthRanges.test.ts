import * as assert from 'node:assert/strict';
import { valuesIn } from './helpers';

/** A range of days across two months is one span, like one within a month (docs/date-conventions.md). */
describe('dates: a range of days across two months is one span', () => {
  it('joins "May 29 – June 2, 1988", the first day taking the year written after the second', () => {
    assert.deepEqual(valuesIn('The summit ran May 29 – June 2, 1988 in Moscow.'), [['May 29 – June 2, 1988', '1988-05-29/1988-06-02']]);
    assert.deepEqual(valuesIn('It was held on May 29, 1988 – June 2, 1988.'), [['May 29, 1988 – June 2, 1988', '1988-05-29/1988-06-02']]);
    assert.deepEqual(valuesIn('The session lasts from December 28 to January 3, 2022.'), [['December 28 to January 3, 2022', '2021-12-28/2022-01-03']]);
  });

  it('resolves both days against the document date when no year is written', () => {
    assert.deepEqual(valuesIn('Inspections will run March 30-April 2 at both sites.', '2021-12-30'), [['March 30-April 2', '2022-03-30/2022-04-02']]);
  });

  it('leaves two dates that a dash does not join into a range', () => {
    assert.deepEqual(valuesIn('They met on June 2 - the day of the vote - and again in July.', '2021-12-30'), [
      ['June 2', '2021-06-02'],
      ['July', '2021-07'],
    ]);
    assert.deepEqual(valuesIn('Between June 2 and July 4 they met twice.', '2021-12-30'), [
      ['June 2', '2021-06-02'],
      ['July 4', '2021-07-04'],
    ]);
  });
});
