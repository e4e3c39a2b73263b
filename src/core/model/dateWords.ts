/**
 * Dates in words for people: the ISO 8601 / TIMEX3 values the date recognizer produces (`2025-SP`, `2023-W39`,
 * `XXXX-12-01`, `PAST_REF`) are exact but are codes, and a reader of a hover, the tree or the report should not
 * have to decode them. Every value the recognizer can produce has words here; anything else is shown as it is.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SEASONS: Readonly<Record<string, string>> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const ORDINALS = ['first', 'second', 'third', 'fourth'];
const REFS: Readonly<Record<string, string>> = {
  PAST_REF: 'a past date, not resolved',
  PRESENT_REF: 'the present, not resolved',
  FUTURE_REF: 'a future date, not resolved',
};
const MODS: Readonly<Record<string, string>> = {
  START: 'the start of',
  MID: 'the middle of',
  END: 'the end of',
  FIRST_HALF: 'the first half of',
  SECOND_HALF: 'the second half of',
};

const YEAR_UNKNOWN = '(year unknown)';

/**
 * `value` in words: "30 December 2021", "1 December (year unknown)", "the 12th (month unknown)", "spring 2025", "week 39 of 2023
 * (25 Sep - 1 Oct)", "the 1990s", "a past date, not resolved". With `mod` (START, MID, END, FIRST_HALF,
 * SECOND_HALF) for a part of the period: "the end of July 1955".
 */
export function dateInWords(value: string, mod?: string): string {
  const words = inWords(value);
  const part = mod ? MODS[mod] : undefined;
  return part && !REFS[value] ? `${part} ${words}` : words;
}

/**
 * The value in words with the code beside it for those who want it ("spring 2025 (2025-SP)"), or the words
 * alone when they say the same as the code (a plain year).
 */
export function dateWithCode(value: string, mod?: string): string {
  const words = dateInWords(value, mod);
  return words === value ? words : `${words} (${value})`;
}

function inWords(value: string): string {
  const interval = value.indexOf('/');
  if (interval > 0) return `${inWords(value.slice(0, interval))} to ${inWords(value.slice(interval + 1))}`;
  const ref = REFS[value];
  if (ref) return ref;
  let m = /^(\d{4}|XXXX)-(\d{2})-(\d{2})$/.exec(value);
  if (m) return dayWords(m[1] as string, Number(m[2]), Number(m[3]));
  m = /^XXXX-XX-(\d{2})$/.exec(value);
  if (m) return `the ${ordinal(Number(m[1]))} (month unknown)`;
  m = /^(\d{4}|XXXX)-(\d{2})$/.exec(value);
  if (m) return monthWords(m[1] as string, Number(m[2]));
  m = /^(\d{4}|XXXX)-(SP|SU|FA|WI)$/.exec(value);
  if (m) return `${SEASONS[m[2] as string]} ${yearWords(m[1] as string)}`;
  m = /^(\d{4}|XXXX)-Q([1-4])$/.exec(value);
  if (m) return `the ${ORDINALS[Number(m[2]) - 1]} quarter of ${yearWords(m[1] as string)}`;
  m = /^(\d{4}|XXXX)-H([12])$/.exec(value);
  if (m) return `the ${ORDINALS[Number(m[2]) - 1]} half of ${yearWords(m[1] as string)}`;
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) return weekWords(Number(m[1]), Number(m[2]), m[3] !== undefined);
  m = /^XXXX-WXX-([1-7])$/.exec(value);
  if (m) return `a ${WEEKDAYS[Number(m[1]) - 1]} (date unknown)`;
  if (/^\d{4}$/.test(value)) return value;
  if (value === 'XXXX') return 'a year not resolved';
  m = /^(\d{3})$/.exec(value);
  if (m) return `the ${m[1]}0s`;
  m = /^(\d{2})$/.exec(value);
  if (m) return `the ${ordinal(Number(m[1]) + 1)} century`;
  m = /^BC(\d{4})$/.exec(value);
  if (m) return `${Number(m[1])} BC`;
  return value;
}

function yearWords(year: string): string {
  return year === 'XXXX' ? YEAR_UNKNOWN : year;
}

function dayWords(year: string, month: number, day: number): string {
  const name = MONTHS[month - 1];
  if (!name) return `${year}-${month}-${day}`;
  return `${day} ${name} ${yearWords(year)}`;
}

function monthWords(year: string, month: number): string {
  const name = MONTHS[month - 1];
  if (!name) return `${year}-${month}`;
  return `${name} ${yearWords(year)}`;
}

/** "week 39 of 2023 (25 Sep - 1 Oct)"; its weekend: "the weekend of week 39 of 2023 (30 Sep - 1 Oct)". */
function weekWords(year: number, week: number, weekend: boolean): string {
  const monday = isoWeekMonday(year, week);
  const first = weekend ? addDays(monday, 5) : monday;
  const last = addDays(monday, 6);
  const span = `${first.getUTCDate()} ${SHORT_MONTHS[first.getUTCMonth()]} - ${last.getUTCDate()} ${SHORT_MONTHS[last.getUTCMonth()]}`;
  return `${weekend ? 'the weekend of ' : ''}week ${week} of ${year} (${span})`;
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
