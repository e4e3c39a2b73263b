import * as assert from 'node:assert/strict';
import { addDays, isoWeek, parseAnchor, weekdayOf } from '../../../src/core/recognizers/dates/calendar';
import { resolveUnitShift, yearFor } from '../../../src/core/recognizers/dates/resolve';

describe('dates: calendar and normalisation', () => {
  it('computes ISO weeks across year ends', () => {
    assert.deepEqual(isoWeek({ year: 2022, month: 12, day: 5 }), { year: 2022, week: 49 });
    assert.deepEqual(isoWeek({ year: 2021, month: 1, day: 1 }), { year: 2020, week: 53 });
    assert.deepEqual(isoWeek({ year: 2024, month: 12, day: 30 }), { year: 2025, week: 1 });
  });

  it('adds days across months, leap days and unknown years', () => {
    assert.deepEqual(addDays({ year: 2024, month: 2, day: 28 }, 1), { year: 2024, month: 2, day: 29 });
    assert.deepEqual(addDays({ year: 2023, month: 12, day: 31 }, 1), { year: 2024, month: 1, day: 1 });
    assert.deepEqual(addDays({ month: 12, day: 22 }, -1), { year: undefined, month: 12, day: 21 });
    assert.equal(weekdayOf({ year: 2023, month: 11, day: 29 }), 3);
  });

  it('parses document dates, partial ones included', () => {
    assert.deepEqual(parseAnchor('2023-11-29'), { year: 2023, month: 11, day: 29, value: '2023-11-29' });
    assert.deepEqual(parseAnchor('XXXX-12-22'), { year: undefined, month: 12, day: 22, value: 'XXXX-12-22' });
    assert.deepEqual(parseAnchor('2013'), { year: 2013, month: undefined, day: undefined, value: '2013' });
    assert.equal(parseAnchor('soon'), undefined);
  });

  it('shifts units with the precision of the unit', () => {
    const a = parseAnchor('2022-12-05');
    assert.equal(resolveUnitShift(a, 'week', 0).value, '2022-W49');
    assert.equal(resolveUnitShift(a, 'weekend', 0).value, '2022-W49-WE');
    assert.equal(resolveUnitShift(a, 'quarter', 1).value, '2023-Q1');
    assert.equal(resolveUnitShift(a, 'month', -12).value, '2021-12');
    assert.equal(resolveUnitShift(a, 'decade', 0).value, '202');
    assert.equal(resolveUnitShift(a, 'century', 0).value, '20');
    assert.deepEqual(resolveUnitShift(undefined, 'year', -1), { value: 'PAST_REF', resolution: 'unresolved' });
  });

  it('picks the year of a yearless date by tense', () => {
    const a = parseAnchor('2013-03-22');
    assert.equal(yearFor(a, 12, 1, 'past'), 2012);
    assert.equal(yearFor(a, 12, 1, 'future'), 2013);
    assert.equal(yearFor(a, 4, 1, undefined), 2013);
    assert.equal(yearFor(a, 12, undefined, undefined), 2012);
  });
});
