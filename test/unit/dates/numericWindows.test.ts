import * as assert from 'node:assert/strict';
import { CalendarReader, parseWindow } from '../../../src/core/recognizers/dates/chronoAdapter';
import { readNumericWindow } from '../../../src/core/recognizers/dates/numericWindows';
import { datesIn } from './helpers';

/** Every spelling of the numbers from..to the scan's windows may hold: plain, and zero-padded to two digits. */
function spellings(from: number, to: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    out.push(String(n));
    if (n < 10) out.push(`0${n}`);
  }
  return out;
}

describe('dates: numeric windows read without chrono-node', () => {
  const chrono = new CalendarReader();

  it('reads what chrono reads in every slashed window it answers for, and answers for the plain ones', () => {
    let answered = 0;
    for (const month of spellings(0, 13)) {
      for (const day of spellings(0, 32)) {
        for (const year of ['00', '23', '50', '51', '99', '0999', '1000', '2023', '2024', '2100']) {
          const window = `${month}/${day}/${year}`;
          const ours = readNumericWindow(window);
          if (!ours) continue;
          answered++;
          assert.deepEqual(ours, parseWindow(window, chrono), window);
        }
      }
    }
    assert.ok(answered > 4000, `answered for ${answered} windows`);
    for (const window of ['5/12/23', '12/05/2023', '2/29/2024', '12/31/99']) assert.ok(readNumericWindow(window), window);
  });

  it('reads what chrono reads in every ISO window it answers for', () => {
    let answered = 0;
    for (const year of ['0999', '1000', '1999', '2023', '2024']) {
      for (const month of ['00', '01', '02', '09', '10', '12', '13']) {
        for (const day of spellings(0, 32).filter((d) => d.length === 2)) {
          const window = `${year}-${month}-${day}`;
          const ours = readNumericWindow(window);
          if (!ours) continue;
          answered++;
          assert.deepEqual(ours, parseWindow(window, chrono), window);
        }
      }
    }
    assert.ok(answered > 100, `answered for ${answered} windows`);
  });

  it('leaves impossible days and other forms to chrono', () => {
    for (const window of ['2/30/2024', '13/05/2023', '0/12/23', '5.12.23', '2023-02-30', '5/12', '24 May 2002']) {
      assert.equal(readNumericWindow(window), undefined, window);
    }
  });

  it('finds numeric dates in a text without building a chrono parser', () => {
    const built: string[] = [];
    const original = CalendarReader.prototype.chrono;
    CalendarReader.prototype.chrono = function (this: CalendarReader, which) {
      built.push(which);
      return original.call(this, which);
    };
    try {
      const found = datesIn('Posted 5/12/23. The talks of 12/05/2023 and 2026-02-05 ended.');
      assert.deepEqual(found.map((d) => [d.text, d.value]), [['5/12/23', '2023-05-12'], ['12/05/2023', '2023-12-05'], ['2026-02-05', '2026-02-05']]);
    } finally {
      CalendarReader.prototype.chrono = original;
    }
    assert.deepEqual(built, []);
  });
});
