import * as assert from 'node:assert/strict';
import { parseCalendarWindow } from '../../../src/core/recognizers/dates/chronoAdapter';
import { datesIn } from './helpers';

// Plain "Month D, YYYY" / "D Month YYYY" dates are read by the scan's own expression, the rest by chrono-node.
// Both must read the same day, or the fast path would change results depending on the form.
describe('dates: the fast path agrees with chrono-node', () => {
  const forms = ['December 1', 'July 1, 2022', '24 May 2002', 'Dec. 5', 'January 30', 'December 22nd', '3 Sept 2019', 'Feb 28, 2023', '1 March 2018'];
  for (const form of forms) {
    it(form, () => {
      const chrono = parseCalendarWindow(form);
      assert.ok(chrono, 'chrono reads it');
      assert.equal(chrono.length, form.length, 'chrono reads the same span');
      const [ours] = datesIn(`Talks were held on ${form}.`);
      assert.ok(ours);
      assert.equal(ours.text, form);
      const pad = (n: number) => String(n).padStart(2, '0');
      assert.equal(ours.value, `${chrono.year ?? 'XXXX'}-${pad(chrono.month as number)}-${pad(chrono.day as number)}`);
    });
  }
});
