/**
 * Dates in words for people: the ISO 8601 / TIMEX3 values the date recognizer produces (`2025-SP`, `2023-W39`,
 * `XXXX-12-01`, `PAST_REF`) are exact but are codes, and a reader of a hover, the tree or the report should not
 * have to decode them. Every value the recognizer can produce has words here; anything else is shown as it is.
 */

import { ENGLISH, type Messages } from '../ports/messages';

// Each name and each pattern is one literal `l10n.t` call, so that every one is a message of its own in the l10n
// bundle and a translation can inflect it (a day's month is often another form of the month's name).
type DayWords = (l10n: Messages, day: number, year: string) => string;
type InYear = (l10n: Messages, year: string) => string;

const DAYS: readonly DayWords[] = [
  (l10n, d, y) => l10n.t('{0} January {1}', d, y),
  (l10n, d, y) => l10n.t('{0} February {1}', d, y),
  (l10n, d, y) => l10n.t('{0} March {1}', d, y),
  (l10n, d, y) => l10n.t('{0} April {1}', d, y),
  (l10n, d, y) => l10n.t('{0} May {1}', d, y),
  (l10n, d, y) => l10n.t('{0} June {1}', d, y),
  (l10n, d, y) => l10n.t('{0} July {1}', d, y),
  (l10n, d, y) => l10n.t('{0} August {1}', d, y),
  (l10n, d, y) => l10n.t('{0} September {1}', d, y),
  (l10n, d, y) => l10n.t('{0} October {1}', d, y),
  (l10n, d, y) => l10n.t('{0} November {1}', d, y),
  (l10n, d, y) => l10n.t('{0} December {1}', d, y),
];
const MONTHS: readonly InYear[] = [
  (l10n, y) => l10n.t('January {0}', y),
  (l10n, y) => l10n.t('February {0}', y),
  (l10n, y) => l10n.t('March {0}', y),
  (l10n, y) => l10n.t('April {0}', y),
  (l10n, y) => l10n.t('May {0}', y),
  (l10n, y) => l10n.t('June {0}', y),
  (l10n, y) => l10n.t('July {0}', y),
  (l10n, y) => l10n.t('August {0}', y),
  (l10n, y) => l10n.t('September {0}', y),
  (l10n, y) => l10n.t('October {0}', y),
  (l10n, y) => l10n.t('November {0}', y),
  (l10n, y) => l10n.t('December {0}', y),
];
/** "25 Sep" in a week's span. */
const SHORT_DAYS: ReadonlyArray<(l10n: Messages, day: number) => string> = [
  (l10n, d) => l10n.t('{0} Jan', d),
  (l10n, d) => l10n.t('{0} Feb', d),
  (l10n, d) => l10n.t('{0} Mar', d),
  (l10n, d) => l10n.t('{0} Apr', d),
  (l10n, d) => l10n.t('{0} May', d),
  (l10n, d) => l10n.t('{0} Jun', d),
  (l10n, d) => l10n.t('{0} Jul', d),
  (l10n, d) => l10n.t('{0} Aug', d),
  (l10n, d) => l10n.t('{0} Sep', d),
  (l10n, d) => l10n.t('{0} Oct', d),
  (l10n, d) => l10n.t('{0} Nov', d),
  (l10n, d) => l10n.t('{0} Dec', d),
];
/** Monday first, as ISO 8601 numbers them. */
const WEEKDAYS: ReadonlyArray<(l10n: Messages) => string> = [
  (l10n) => l10n.t('Monday'),
  (l10n) => l10n.t('Tuesday'),
  (l10n) => l10n.t('Wednesday'),
  (l10n) => l10n.t('Thursday'),
  (l10n) => l10n.t('Friday'),
  (l10n) => l10n.t('Saturday'),
  (l10n) => l10n.t('Sunday'),
];
const UNKNOWN_WEEKDAYS: ReadonlyArray<(l10n: Messages) => string> = [
  (l10n) => l10n.t('a Monday (date unknown)'),
  (l10n) => l10n.t('a Tuesday (date unknown)'),
  (l10n) => l10n.t('a Wednesday (date unknown)'),
  (l10n) => l10n.t('a Thursday (date unknown)'),
  (l10n) => l10n.t('a Friday (date unknown)'),
  (l10n) => l10n.t('a Saturday (date unknown)'),
  (l10n) => l10n.t('a Sunday (date unknown)'),
];
const SEASONS: Readonly<Record<string, InYear>> = {
  SP: (l10n, y) => l10n.t('spring {0}', y),
  SU: (l10n, y) => l10n.t('summer {0}', y),
  FA: (l10n, y) => l10n.t('autumn {0}', y),
  WI: (l10n, y) => l10n.t('winter {0}', y),
};
const QUARTERS: readonly InYear[] = [
  (l10n, y) => l10n.t('the first quarter of {0}', y),
  (l10n, y) => l10n.t('the second quarter of {0}', y),
  (l10n, y) => l10n.t('the third quarter of {0}', y),
  (l10n, y) => l10n.t('the fourth quarter of {0}', y),
];
const HALVES: readonly InYear[] = [(l10n, y) => l10n.t('the first half of {0}', y), (l10n, y) => l10n.t('the second half of {0}', y)];
const REFS: Readonly<Record<string, (l10n: Messages) => string>> = {
  PAST_REF: (l10n) => l10n.t('a past date, not resolved'),
  PRESENT_REF: (l10n) => l10n.t('the present, not resolved'),
  FUTURE_REF: (l10n) => l10n.t('a future date, not resolved'),
};
const MODS: Readonly<Record<string, (l10n: Messages, period: string) => string>> = {
  START: (l10n, p) => l10n.t('the start of {0}', p),
  MID: (l10n, p) => l10n.t('the middle of {0}', p),
  END: (l10n, p) => l10n.t('the end of {0}', p),
  FIRST_HALF: (l10n, p) => l10n.t('the first half of {0}', p),
  SECOND_HALF: (l10n, p) => l10n.t('the second half of {0}', p),
};

/**
 * `value` in words: "30 December 2021", "1 December (year unknown)", "the 12th (month unknown)", "spring 2025", "week 39 of 2023
 * (25 Sep - 1 Oct)", "the 1990s", "a past date, not resolved". With `mod` (START, MID, END, FIRST_HALF,
 * SECOND_HALF) for a part of the period: "the end of July 1955". In the reader's language with `l10n`.
 */
export function dateInWords(value: string, mod?: string, l10n: Messages = ENGLISH): string {
  const words = inWords(value, l10n);
  const part = mod ? MODS[mod] : undefined;
  return part && !REFS[value] ? part(l10n, words) : words;
}

/**
 * The value in words with the code beside it for those who want it ("spring 2025 (2025-SP)"), or the words
 * alone when they say the same as the code (a plain year).
 */
export function dateWithCode(value: string, mod?: string, l10n: Messages = ENGLISH): string {
  const words = dateInWords(value, mod, l10n);
  return words === value ? words : l10n.t('{0} ({1})', words, value);
}

/** The name of a weekday, 0 for Monday to 6 for Sunday. */
export function weekdayName(isoIndex: number, l10n: Messages = ENGLISH): string | undefined {
  return WEEKDAYS[isoIndex]?.(l10n);
}

function inWords(value: string, l10n: Messages): string {
  const interval = value.indexOf('/');
  if (interval > 0) return l10n.t('{0} to {1}', inWords(value.slice(0, interval), l10n), inWords(value.slice(interval + 1), l10n));
  const ref = REFS[value];
  if (ref) return ref(l10n);
  let m = /^(\d{4}|XXXX)-(\d{2})-(\d{2})$/.exec(value);
  if (m) return DAYS[Number(m[2]) - 1]?.(l10n, Number(m[3]), yearWords(m[1] as string, l10n)) ?? `${m[1]}-${Number(m[2])}-${Number(m[3])}`;
  m = /^XXXX-XX-(\d{2})$/.exec(value);
  if (m) return l10n.t('the {0} (month unknown)', ordinal(Number(m[1])));
  m = /^(\d{4}|XXXX)-(\d{2})$/.exec(value);
  if (m) return MONTHS[Number(m[2]) - 1]?.(l10n, yearWords(m[1] as string, l10n)) ?? `${m[1]}-${Number(m[2])}`;
  m = /^(\d{4}|XXXX)-(SP|SU|FA|WI)$/.exec(value);
  if (m) return (SEASONS[m[2] as string] as InYear)(l10n, yearWords(m[1] as string, l10n));
  m = /^(\d{4}|XXXX)-Q([1-4])$/.exec(value);
  if (m) return (QUARTERS[Number(m[2]) - 1] as InYear)(l10n, yearWords(m[1] as string, l10n));
  m = /^(\d{4}|XXXX)-H([12])$/.exec(value);
  if (m) return (HALVES[Number(m[2]) - 1] as InYear)(l10n, yearWords(m[1] as string, l10n));
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) return weekWords(Number(m[1]), Number(m[2]), m[3] !== undefined, l10n);
  m = /^XXXX-WXX-([1-7])$/.exec(value);
  if (m) return (UNKNOWN_WEEKDAYS[Number(m[1]) - 1] as (l10n: Messages) => string)(l10n);
  if (/^\d{4}$/.test(value)) return value;
  if (value === 'XXXX') return l10n.t('a year not resolved');
  m = /^(\d{3})$/.exec(value);
  if (m) return l10n.t('the {0}0s', m[1] as string);
  m = /^(\d{2})$/.exec(value);
  if (m) return l10n.t('the {0} century', ordinal(Number(m[1]) + 1));
  m = /^BC(\d{4})$/.exec(value);
  if (m) return l10n.t('{0} BC', Number(m[1]));
  return value;
}

function yearWords(year: string, l10n: Messages): string {
  return year === 'XXXX' ? l10n.t('(year unknown)') : year;
}

/** "week 39 of 2023 (25 Sep - 1 Oct)"; its weekend: "the weekend of week 39 of 2023 (30 Sep - 1 Oct)". */
function weekWords(year: number, week: number, weekend: boolean, l10n: Messages): string {
  const monday = isoWeekMonday(year, week);
  const first = weekend ? addDays(monday, 5) : monday;
  const last = addDays(monday, 6);
  const short = (d: Date) => (SHORT_DAYS[d.getUTCMonth()] as (l10n: Messages, day: number) => string)(l10n, d.getUTCDate());
  return weekend
    ? l10n.t('the weekend of week {0} of {1} ({2} - {3})', week, year, short(first), short(last))
    : l10n.t('week {0} of {1} ({2} - {3})', week, year, short(first), short(last));
}

/** The Monday of ISO week `week` of `year`: week 1 holds the year's first Thursday (so 4 January). */
function isoWeekMonday(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = addDays(jan4, -((jan4.getUTCDay() + 6) % 7));
  return addDays(mondayOfWeek1, (week - 1) * 7);
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}
