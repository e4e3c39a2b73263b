/**
 * The periods a list of dates is grouped by for people (a year, then a month), in time order: what the Entities
 * tree shows under "Dates". Values are the recognizer's ISO 8601 / TIMEX3 values; the ones without a year
 * (`XXXX-12-01`) and the unresolved references (`PAST_REF`) get groups of their own after every dated one.
 */
import { ENGLISH, type Messages } from '../ports/messages';
import { dateInWords } from './dateWords';

export interface DatePeriod {
  /** Stable identity of the group (`2021`, `2021-12`, `~year-unknown`, `~not-resolved`). */
  key: string;
  label: string;
  /** Sorts groups in time order as a string. */
  order: string;
}

/** The year (or decade, or century) a value falls in; its label in the reader's language with `l10n`. */
export function yearPeriod(value: string, l10n: Messages = ENGLISH): DatePeriod {
  const year = /^(\d{4})/.exec(value);
  if (year) return { key: year[1] as string, label: year[1] as string, order: year[1] as string };
  if (value.startsWith('XXXX')) return { key: '~year-unknown', label: l10n.t('Year unknown'), order: '~1' };
  // A decade (`198`) or a century (`19`) is its own group, placed where its first year falls.
  if (/^\d{2,3}$/.test(value)) return { key: value, label: capitalise(dateInWords(value, undefined, l10n)), order: value.padEnd(4, '0') };
  if (/^BC\d{4}$/.test(value)) return { key: value, label: dateInWords(value, undefined, l10n), order: `-${value}` };
  return { key: '~not-resolved', label: l10n.t('Not resolved'), order: '~2' };
}

/** The month a value falls in, when it names one (`2021-12`, `2021-12-30`, an interval starting there). */
export function monthPeriod(value: string, l10n: Messages = ENGLISH): DatePeriod | undefined {
  const m = /^(\d{4})-(\d{2})(?:$|-\d{2}(?:$|\/))/.exec(value);
  if (!m) return undefined;
  const key = `${m[1]}-${m[2]}`;
  return { key, label: dateInWords(key, undefined, l10n), order: key };
}

/**
 * Time order of two values of one year group: coarser values (the year, a season, a quarter, a week) before the
 * months, then by value (ISO strings sort chronologically within a precision).
 */
export function compareDateValues(a: string, b: string): number {
  const ma = monthPeriod(a) ? 1 : 0;
  const mb = monthPeriod(b) ? 1 : 0;
  if (ma !== mb) return ma - mb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Time order of any two values: by the year they fall in, then as {@link compareDateValues}. */
export function compareDatesInTime(a: string, b: string): number {
  const ya = yearPeriod(a).order;
  const yb = yearPeriod(b).order;
  return ya < yb ? -1 : ya > yb ? 1 : compareDateValues(a, b);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
