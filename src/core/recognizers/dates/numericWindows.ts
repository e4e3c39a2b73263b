/**
 * The numeric calendar windows the scan hands to the calendar reader in their plainest forms, read without
 * chrono-node: "5/12/23" and "12/05/2023" (month first, as chrono's English parsers read them) and "2026-02-05".
 * chrono builds and compiles its parsers on first use, per reader: an analysis without a shared cache paid that
 * for a handful of numeric dates. Only windows that name a day the calendar has are read here, with exactly the
 * components chrono gives them (a unit test compares both over every such form); any other window, an impossible
 * day or a swapped day and month among them, goes to chrono as before.
 */
import { isValidDay } from './calendar';
import type { CalendarParse } from './chronoAdapter';
import * as classes from '../../text/charClasses';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { isAsciiDigit } = classes;

const HYPHEN = 45;

/** What chrono reads in `window` when it is `M/D/YY`, `M/D/YYYY` or `YYYY-MM-DD` naming a real day; else undefined. */
export function readNumericWindow(window: string): CalendarParse | undefined {
  const n = window.length;
  if (n === 10 && window.charCodeAt(4) === HYPHEN && window.charCodeAt(7) === HYPHEN) {
    const year = digitsAt(window, 0, 4);
    const month = digitsAt(window, 5, 7);
    const day = digitsAt(window, 8, 10);
    if (year < 1000 || !isValidDay(year, month, day)) return undefined;
    return found(n, year, month, day);
  }
  const first = window.indexOf('/');
  const second = first < 1 ? -1 : window.indexOf('/', first + 1);
  if (first > 2 || second < 0 || second - first > 3 || second - first < 2) return undefined;
  const yearDigits = n - second - 1;
  if (yearDigits !== 2 && yearDigits !== 4) return undefined;
  const month = digitsAt(window, 0, first);
  const day = digitsAt(window, first + 1, second);
  let year = digitsAt(window, second + 1, n);
  if (yearDigits === 2 && year >= 0) year += year > 50 ? 1900 : 2000; // chrono's most likely year of the era
  else if (year < 1000) return undefined;
  if (!isValidDay(year, month, day)) return undefined;
  return found(n, year, month, day);
}

/** The number the ASCII digits of text[from, to) spell, or -1 when any is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isAsciiDigit(c)) return -1;
    v = v * 10 + c - 48;
  }
  return v;
}

/** A parse of the whole window, in the shape the reader gives chrono's (weekday read only when written). */
function found(length: number, year: number, month: number, day: number): CalendarParse {
  return { index: 0, length, year, month, day, weekday: undefined };
}
