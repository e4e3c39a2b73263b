/**
 * Calendar arithmetic and ISO 8601 / TIMEX3 value formatting. Dates are plain `{year, month, day}` numbers and
 * arithmetic goes through UTC `Date`, so nothing depends on the machine's time zone.
 */

/** A calendar day; `year` is undefined when only month and day are known (a dateline "December 22nd"). */
export interface Day {
  year?: number;
  month: number;
  day: number;
}

/**
 * The reference a relative expression resolves against: the document date, possibly partial (only a year, or
 * a month and day without the year).
 */
export interface Anchor {
  year?: number;
  month?: number;
  day?: number;
  /** The document date value as given, reported as the `anchor` attribute. */
  value: string;
}

// Arithmetic on a day whose year is unknown uses a common (non-leap) year, then drops the year again.
const PLACEHOLDER_YEAR = 2001;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY` with an X placeholder when unknown. */
export function yearText(year: number | undefined): string {
  return year === undefined ? 'XXXX' : pad(year, 4);
}

/** `YYYY-MM-DD` (or `XXXX-MM-DD`). */
export function dayValue(d: Day): string {
  return `${yearText(d.year)}-${pad(d.month)}-${pad(d.day)}`;
}

/** `YYYY-MM` (or `XXXX-MM`). */
export function monthValue(year: number | undefined, month: number): string {
  return `${yearText(year)}-${pad(month)}`;
}

/** Number of days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  // Arithmetic for the usual case; Date.UTC (which reads years 0-99 as 1900-1999) for anything else.
  if (month >= 1 && month <= 12 && year >= 100 && year <= 9999 && Number.isInteger(year) && Number.isInteger(month)) {
    if (month !== 2) return MONTH_DAYS[month] as number;
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when the day exists in that month (a leap year assumed when the year is unknown). */
export function isValidDay(year: number | undefined, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year ?? 2000, month);
}

/** True for `YYYY-MM-DD` naming a day the calendar has (what a user may give as a document date). */
export function isIsoDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The day `n` days after `d` (negative: before). */
export function addDays(d: Day, n: number): Day {
  const t = new Date(Date.UTC(d.year ?? PLACEHOLDER_YEAR, d.month - 1, d.day + n));
  return { year: d.year === undefined ? undefined : t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** `{year, month}` shifted by `n` months. */
export function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** ISO weekday of a day with a known year: Monday 1 ... Sunday 7. */
export function weekdayOf(d: Day): number {
  const w = new Date(Date.UTC(d.year ?? PLACEHOLDER_YEAR, d.month - 1, d.day)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week (`YYYY-Www`) containing the day. */
export function isoWeek(d: Day): { year: number; week: number } {
  const t = new Date(Date.UTC(d.year ?? PLACEHOLDER_YEAR, d.month - 1, d.day));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow); // the Thursday of this week decides the week's year
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return { year, week };
}

/** `YYYY-Www` of the ISO week containing the day. */
export function weekValue(d: Day): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

/** Quarter (1-4) of a month (1-12). */
export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** The anchor as a full day, when it has one. */
export function anchorDay(a: Anchor | undefined): Day | undefined {
  return a && a.month !== undefined && a.day !== undefined ? { year: a.year, month: a.month, day: a.day } : undefined;
}

/**
 * Parses a document date value (`2023-11-29`, `2023-11`, `2023`, `XXXX-12-22`, or a timestamp starting with
 * one of these) into an anchor; undefined when it is none of them.
 */
export function parseAnchor(value: string | undefined): Anchor | undefined {
  if (!value) return undefined;
  const m = /^(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return undefined;
  const year = m[1] === 'XXXX' ? undefined : Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  if (year === undefined && (month === undefined || day === undefined)) return undefined;
  return { year, month, day, value };
}
