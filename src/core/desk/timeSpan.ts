/**
 * The span of time a date value covers, as whole days since 1970-01-01 (UTC), first and last day included: what
 * the timeline places on its axis and what a date-range filter compares. Values are the recognizer's ISO 8601 /
 * TIMEX3 values; those without a year (`XXXX-12-01`) or not resolved (`PAST_REF`) cover no known span.
 */

export interface DaySpan {
  first: number;
  last: number;
}

const SEASON_MONTHS: Readonly<Record<string, [number, number]>> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

function day(year: number, month: number, date: number): number {
  return Math.floor(Date.UTC(year, month - 1, date) / 86_400_000);
}

/** The days from the first of `fromMonth` to the end of `toMonth` (months past 12 run into the next year). */
function months(year: number, fromMonth: number, toMonth: number): DaySpan {
  return { first: day(year, fromMonth, 1), last: day(year, toMonth + 1, 1) - 1 };
}

/** The span of a value, or undefined when it has no year (or is not a value Marginalia writes). */
export function daySpan(value: string): DaySpan | undefined {
  const slash = value.indexOf('/');
  if (slash > 0) {
    const a = daySpan(value.slice(0, slash));
    const b = daySpan(value.slice(slash + 1));
    return a && b && a.first <= b.last ? { first: a.first, last: b.last } : undefined;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) {
    const d = day(Number(m[1]), Number(m[2]), Number(m[3]));
    return { first: d, last: d };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return months(Number(m[1]), Number(m[2]), Number(m[2]));
  m = /^(\d{4})-W(\d{2})/.exec(value);
  if (m) {
    // ISO week 1 is the week holding 4 January; weeks start on Monday.
    const jan4 = day(Number(m[1]), 1, 4);
    const monday = jan4 - ((new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7) + (Number(m[2]) - 1) * 7;
    return { first: monday, last: monday + 6 };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return months(Number(m[1]), Number(m[2]) * 3 - 2, Number(m[2]) * 3);
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return months(Number(m[1]), m[2] === '1' ? 1 : 7, m[2] === '1' ? 6 : 12);
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const [from, to] = SEASON_MONTHS[m[2] as string] as [number, number];
    return months(Number(m[1]), from, to);
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return months(Number(m[1]), 1, 12);
  m = /^(\d{3})$/.exec(value);
  if (m) return { first: day(Number(m[1]) * 10, 1, 1), last: day(Number(m[1]) * 10 + 10, 1, 1) - 1 };
  m = /^(\d{2})$/.exec(value);
  if (m) return { first: day(Number(m[1]) * 100, 1, 1), last: day(Number(m[1]) * 100 + 100, 1, 1) - 1 };
  return undefined;
}

/**
 * A range typed by a person (`2023`, `2023-11`, `2023-11-29`, each end optional) as days: `from` is the first day
 * of its period, `to` the last. Throws a clear error on anything else.
 */
export function parseDayRange(from: string | undefined, to: string | undefined): DaySpan {
  const read = (s: string | undefined, end: boolean): number => {
    const t = s?.trim();
    if (!t) return end ? Infinity : -Infinity;
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(t)) throw new Error(`"${t}" is not a date: write 2023, 2023-11 or 2023-11-29`);
    const span = daySpan(t);
    // Date.UTC rolls 2023-13 over into 2024: a value that does not come back as itself is no date.
    if (!span || !isoDay(span.first).startsWith(t)) throw new Error(`"${t}" is not a date: write 2023, 2023-11 or 2023-11-29`);
    return end ? span.last : span.first;
  };
  const range = { first: read(from, false), last: read(to, true) };
  if (range.first > range.last) throw new Error(`the range ${from} to ${to} ends before it starts`);
  return range;
}

/** Whether a value's span overlaps a range; a value without a known span is outside every bounded range. */
export function inDayRange(value: string | undefined, range: DaySpan): boolean {
  if (range.first === -Infinity && range.last === Infinity) return true;
  const span = value === undefined ? undefined : daySpan(value);
  return span !== undefined && span.last >= range.first && span.first <= range.last;
}

/** A day number as `YYYY-MM-DD`. */
export function isoDay(d: number): string {
  return new Date(d * 86_400_000).toISOString().slice(0, 10);
}
