import * as assert from 'node:assert/strict';
import { spansIn } from './helpers';

describe('dates: what is not a date', () => {
  it('leaves out clock times and parts of day', () => {
    assert.deepEqual(spansIn('The call began at 4:03 P.M. EST; 12:55 local. I saw him this afternoon and this morning.'), []);
  });

  it('leaves out durations', () => {
    assert.deepEqual(spansIn('The treaty had worked for 30 years, a five-year extension, two hours, 120 days, a ten-year period.'), []);
    assert.deepEqual(spansIn('Over the past couple of days and the past two decades, for four years.'), []);
  });

  it('leaves out offsets with later', () => {
    assert.deepEqual(spansIn('Thirty-four years later, it entered into force. Only a month later, he left. 30 years later.'), []);
  });

  it('leaves out vague references and now', () => {
    assert.deepEqual(
      spansIn('In recent years and in recent days, recently, in the coming months, now, the foreseeable future, the near future, at this time, the first treaty year, the 90th anniversary.'),
      [],
    );
  });

  it('leaves out years inside names of laws', () => {
    assert.deepEqual(spansIn('Under the Fiscal Year 2020 National Defense Authorization Act the report is due.'), []);
    assert.deepEqual(spansIn('The Trade Act of 1974 applies.'), []);
    assert.deepEqual(spansIn('In fiscal year 2013, spending fell; the 1997 Founding Act stands.'), ['2013', '1997']);
  });

  it('leaves out counts, money, codes and identifiers', () => {
    assert.deepEqual(
      spansIn('It keeps 1550 warheads and $2000; 1,550 launchers; Resolution 2231; MK-41 launchers; F-16 aircraft; No. 1999; 2000 troops.'),
      [],
    );
  });

  it('leaves out plural weekdays, months used as names and days in names', () => {
    assert.deepEqual(spansIn('Meetings are held on Fridays. August Hanning and June Carter met.'), []);
    assert.deepEqual(spansIn('The Good Friday Agreement and Bloody Sunday are named events.'), []);
  });

  it('leaves out military and zoned times written as four digits', () => {
    assert.deepEqual(spansIn('The launch came at 1400 GMT, or 1700 MSK, and the drill ended at 2100 hours.'), []);
  });

  it('leaves out impossible days, parts included', () => {
    assert.deepEqual(spansIn('On February 30, 2023 and on 31 April nothing happened.'), []);
  });
});
