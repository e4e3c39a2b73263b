/**
 * Calendar dates with a day number, found by the scan and read by chrono-node: "December 1", "July 1, 2022",
 * "24 May 2002", "Thursday, December 23", "29/11/2023 Wednesday", "2026-02-05", "1–5 February 2016".
 * Extends chrono where it stops short: conjoined days ("March 8 and 9, 2007"), a weekday written after the date,
 * and the year of a date written without one (resolved against the document date).
 */
import { dayValue, isValidDay, type Day } from './calendar';
import { dateFinding, lookAhead, type DateFinding, type Scan } from './finding';
import { resolveMonthDay, yearFor } from './resolve';
import { tenseAround } from './tense';
import { WEEKDAY_PATTERN } from './vocabulary';

const FULL_MONTH_DOT = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\.$/i;
const WEEKDAY_AFTER = new RegExp(`,?[ \\t]*(?:${WEEKDAY_PATTERN})\\b`, 'y');

/**
 * Records a plain "December 1", "July 1, 2022", "24 May 2002", "2 of February", "Thursday, December 23", or a range of days in
 * one month ("March 8 and 9, 2007", "1–5 February 2016", `lastDay`) whose parts the scan's own expression
 * already captured: the most common forms in news, so chrono (quick on a window once warm, but slow the first
 * time a process meets each form, while it compiles that form's expressions) is kept for the forms it is
 * needed for. Returns the end of the span, or -1 for an impossible day.
 */
export function recordSimpleDate(
  scan: Scan,
  start: number,
  end: number,
  month: number,
  day: number,
  year: number | undefined,
  lastDay?: number,
): number {
  // The scan takes a dot after a month name for an abbreviation ("Feb."); after a full name it ends the sentence.
  let stop = scan.text.charCodeAt(end - 1) === 46 && FULL_MONTH_DOT.test(scan.text.slice(Math.max(0, end - 10), end)) ? end - 1 : end;
  const weekday = lookAhead(scan.text, stop, WEEKDAY_AFTER);
  if (weekday) stop = weekday.index + weekday[0].length;
  const last = lastDay === undefined ? undefined : { year, month, day: lastDay };
  const finding = buildFinding(scan, start, stop, { year, month, day }, last);
  if (!finding) return -1;
  scan.out.push(finding);
  return stop;
}

/**
 * Reads the calendar date in text[start, end) (a window the scan delimited) and records it; `tail` carries
 * what the scan saw that chrono may not read: a second day ("and 9") and a year after it. Returns the end of
 * the recorded span, or -1 when chrono found no date there.
 */
export function recordCalendarDate(scan: Scan, start: number, end: number, tail?: { day2?: number; year?: number; end: number }): number {
  const { text } = scan;
  const parsed = scan.calendar.parse(text.slice(start, end));
  if (!parsed || parsed.month === undefined || parsed.day === undefined) return -1;
  let spanStart = start + parsed.index;
  let spanEnd = spanStart + parsed.length;
  // chrono includes a leading preposition in its match ("on 24 May"); the guidelines leave it out.
  const lead = /^(?:on|in|at|by|from|since|until|till|to|of|before|after|during)\s+/i.exec(text.slice(spanStart, spanEnd));
  if (lead) spanStart += lead[0].length;
  let year = parsed.year;
  let endDay: Day | undefined;
  if (parsed.end?.day !== undefined) {
    endDay = { year: parsed.end.year ?? year, month: parsed.end.month ?? parsed.month, day: parsed.end.day };
  }
  if (tail && tail.day2 !== undefined && spanEnd < tail.end && !endDay) {
    // "March 8 and 9, 2007": chrono reads "March 8"; the scan saw the second day and the year.
    year ??= tail.year;
    endDay = { year, month: parsed.month, day: tail.day2 };
    spanEnd = tail.end;
  } else if (tail && tail.year !== undefined && year === undefined && spanEnd < tail.end) {
    year = tail.year;
    spanEnd = tail.end;
  }
  if (year !== undefined && endDay && endDay.year === undefined) endDay.year = year;
  const weekday = lookAhead(text, spanEnd, WEEKDAY_AFTER);
  if (weekday) spanEnd = weekday.index + weekday[0].length; // "29/11/2023 Wednesday" is one span
  const finding = buildFinding(scan, spanStart, spanEnd, { year, month: parsed.month, day: parsed.day }, endDay);
  if (!finding) return -1;
  scan.out.push(finding);
  return spanEnd;
}

function buildFinding(scan: Scan, start: number, end: number, first: Day, last: Day | undefined): DateFinding | undefined {
  if (!isValidDay(first.year, first.month, first.day)) return undefined;
  if (first.year !== undefined) {
    const value = last && isValidDay(last.year, last.month, last.day) ? `${dayValue(first)}/${dayValue(last)}` : dayValue(first);
    return dateFinding(start, end, value, 'day', 'absolute', last ? 'calendar-range' : 'calendar-date');
  }
  const tense = tenseAround(scan.text, start, end);
  const r = resolveMonthDay(scan.anchor, first.month, first.day, tense);
  let value = r.value;
  if (last) {
    const y = yearFor(scan.anchor, last.month, last.day, tense);
    value = `${value}/${dayValue({ year: y, month: last.month, day: last.day })}`;
  }
  return dateFinding(start, end, value, 'day', r.resolution, last ? 'calendar-range' : 'month-day');
}
