/**
 * Rules headed by a month or weekday name: "December 1", "Feb. 2026", "August", "early December",
 * "Thursday, December 23", "Wednesday", "last Friday". Dates with a day number go to chrono-node; a month
 * with or without a year and a weekday on its own are read here, which keeps chrono off most windows.
 */
import { recordCalendarDate, recordSimpleDate } from './calendarDates';
import { monthValue } from './calendar';
import { dateFinding, lookAhead, lookBehindWord, wordBefore, type DateFinding, type Scan } from './finding';
import { modifierBefore } from './modifiers';
import { resolveMonth, resolveWeekday } from './resolve';
import { tenseAround } from './tense';
import { MONTH_PATTERN, MONTHS, WEEKDAYS } from './vocabulary';

const MONTH_DAY = /\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![:.,]\d|\s*(?:%|percent\b))(?:\s*(?:[-–—]|to|and|or|&|through)\s*(\d{1,2})(?:st|nd|rd|th)?\b(?![:.]\d))?(?:,?\s+(\d{4})\b)?/y;
const MONTH_YEAR = /(\.?,?\s+(?:of\s+)?)(\d{4})\b(?![-–]\d|[.,]\d)/y;
const WEEKDAY_DATE = new RegExp(
  `,?\\s+(?:the\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTH_PATTERN})\\b\\.?|(?:${MONTH_PATTERN})\\b\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?![:.]\\d))(?:,?\\s+\\d{4}\\b)?|,?\\s+\\d{1,2}([/.])\\d{1,2}\\1\\d{2,4}\\b`,
  'y',
);
const DET_BEFORE = /\b([Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\s+$/;
const THE_BEFORE = /\b[Tt]he\s+$/;
const NAMED_DAY = /\b(?:Good|Black|Bloody|Cyber|Holy|Ash|Palm|Easter|Super)\s+$/;
const CAPITALISED_NEXT = /\s+[A-Z][a-z]/y;
/** The words the look-behind expressions above end in (lower-cased), checked first: see `lookBehindWord`. */
const DET_WORDS: ReadonlySet<string> = new Set(['last', 'next', 'this', 'coming', 'past']);
const THE: ReadonlySet<string> = new Set(['the']);
const NAMED_DAY_WORDS: ReadonlySet<string> = new Set(['good', 'black', 'bloody', 'cyber', 'holy', 'ash', 'palm', 'easter', 'super']);
/** Words before a bare month name that show it is a date (a name like "May" or "August" needs one). */
const DATE_CONTEXT = /^(?:in|on|since|by|until|till|from|to|of|during|early|late|mid|last|next|this|through|before|after|between|around|end|beginning|start|middle|that|each|every|the)$/;

/** Handles a month name at text[pos, end); returns where the scan continues. */
export function scanMonth(scan: Scan, pos: number, end: number): number {
  const { text } = scan;
  const word = text.slice(pos, end).toLowerCase();
  const month = MONTHS.get(word);
  if (month === undefined) return end;
  const abbreviated = word.length <= 4 && word !== 'may' && word !== 'june' && word !== 'july';
  const day = lookAhead(text, end, MONTH_DAY);
  if (day) {
    const stop = end + day[0].length;
    const y = day[3] ? Number(day[3]) : undefined;
    const day2 = day[2] ? Number(day[2]) : undefined;
    if ((day2 === undefined || day2 > Number(day[1])) && (y === undefined || (y >= 1000 && y <= 2100))) {
      const r = recordSimpleDate(scan, pos, stop, month, Number(day[1]), y, day2);
      if (r > 0 && day2 === undefined) return joinMonthRange(scan, r, y !== undefined);
      return r > 0 ? r : stop; // an impossible day ("February 30") is no date, nor are its parts
    }
    const r = recordCalendarDate(scan, pos, stop, {
      day2: day[2] ? Number(day[2]) : undefined,
      year: day[3] ? Number(day[3]) : undefined,
      end: stop,
    });
    if (r > 0) return r;
  }
  const year = lookAhead(text, end, MONTH_YEAR);
  if (year) {
    const y = Number(year[2]);
    if (y >= 1000 && y <= 2100) {
      const mod = modifierBefore(text, pos);
      const stop = end + year[0].length;
      const value = monthValue(y, month);
      scan.out.push(mod ? dateFinding(mod.start, stop, value, 'month', 'absolute', 'month-year', mod.mod) : dateFinding(pos, stop, value, 'month', 'absolute', 'month-year'));
      return stop;
    }
  }
  if (abbreviated) return end; // "Jan Kubis", "Mar", "Dec" alone are too often something else
  const before = wordBefore(text, pos);
  const hasContext = DATE_CONTEXT.test(before) || /,\s*$/.test(text.slice(Math.max(0, pos - 3), pos));
  if (!hasContext && (word === 'may' || word === 'march' || lookAhead(text, end, CAPITALISED_NEXT))) return end;
  if (word === 'may' && !/^(?:in|since|by|until|till|from|of|during|early|late|mid|last|next|this|through|before|after|between|end|beginning|start|middle)$/.test(before)) return end;
  let start = pos;
  let shift = 0;
  const det = lookBehindWord(text, pos, DET_BEFORE, DET_WORDS);
  if (det) {
    const d = (det.m[1] as string).toLowerCase();
    shift = d === 'last' || d === 'past' ? -1 : d === 'this' ? 0 : 1;
    start = det.start;
  }
  const mod = modifierBefore(text, start);
  if (mod) start = mod.start;
  const tense = tenseAround(text, start, end);
  const narrative = shift === 0 && tense !== 'future' ? narrativeYear(scan) : undefined;
  const r = narrative
    ? { value: monthValue(Number(narrative.value.slice(0, 4)), month), resolution: 'relative' as const }
    : resolveMonth(scan.anchor, month, tense, shift);
  scan.out.push(dateFinding(start, end, r.value, 'month', r.resolution, narrative ? 'month-narrative' : 'month', mod?.mod, narrative?.value));
  return end;
}

const RANGE_TO_MONTH = new RegExp(`\\s*(?:[-–—]|to|through)\\s*(?=(?:${MONTH_PATTERN})\\b)`, 'y');

/**
 * "May 29 – June 2, 1988", "December 28 to January 3, 2022": a day just recorded (ending at `end`) and a day of
 * another month after a dash or "to" are one range, as a range within a month is. The first day takes its year
 * from the second when only the second has one written (the year before when its month comes later). Returns
 * where the scan continues.
 */
function joinMonthRange(scan: Scan, end: number, firstHasYear: boolean): number {
  const to = lookAhead(scan.text, end, RANGE_TO_MONTH);
  if (!to) return end;
  const first = scan.out[scan.out.length - 1] as DateFinding;
  const secondStart = end + to[0].length;
  let wordEnd = secondStart;
  while (wordEnd < scan.text.length && /[A-Za-z]/.test(scan.text[wordEnd] as string)) wordEnd++;
  const count = scan.out.length;
  const stop = scanMonth(scan, secondStart, wordEnd);
  const second = scan.out[count];
  if (scan.out.length !== count + 1 || !second || second.start !== secondStart || second.precision !== 'day' || second.value.includes('/')) return stop;
  let firstValue = first.value;
  const secondYear = /^\d{4}/.exec(second.value)?.[0];
  if (!firstHasYear && second.resolution === 'absolute' && secondYear) {
    const later = firstValue.slice(5, 10) > second.value.slice(5, 10);
    firstValue = `${later ? Number(secondYear) - 1 : secondYear}${firstValue.slice(4)}`;
  }
  // The second day says how far the range is pinned down: the first took its year from it, or has its own.
  scan.out.splice(count - 1, 2, dateFinding(first.start, second.end, `${firstValue}/${second.value}`, 'day', second.resolution, 'calendar-range'));
  return stop;
}

/**
 * The last date of the paragraph so far that names a year other than the document's ("In June 2018 they met in
 * Singapore. In October they met again"): a story told in another year goes on in it, so a month that follows
 * without a year belongs there. A date in the document's own year (a dateline) leaves months to the document
 * date, and so does a future plan (the caller's check).
 */
function narrativeYear(scan: Scan): DateFinding | undefined {
  for (let i = scan.out.length - 1; i >= 0; i--) {
    const f = scan.out[i] as DateFinding;
    if (f.resolution !== 'absolute' || f.precision === 'decade' || f.precision === 'century' || !/^\d{4}/.test(f.value)) continue;
    return Number(f.value.slice(0, 4)) === scan.anchor?.year ? undefined : f;
  }
  return undefined;
}

const WEEKDAY_MONTH = new RegExp(`,?\\s+(${MONTH_PATTERN})\\b`, 'y');

/** "Thursday, December 23[, 2021]" read from the scan's own match; -1 when it is another form (chrono's). */
function weekdayMonthDay(scan: Scan, pos: number, end: number): number {
  const m = lookAhead(scan.text, end, WEEKDAY_MONTH);
  const month = m ? MONTHS.get((m[1] as string).toLowerCase()) : undefined;
  if (!m || month === undefined) return -1;
  const monthEnd = end + m[0].length;
  const day = lookAhead(scan.text, monthEnd, MONTH_DAY);
  if (!day || day[2]) return -1;
  const y = day[3] ? Number(day[3]) : undefined;
  if (y !== undefined && (y < 1000 || y > 2100)) return -1;
  return recordSimpleDate(scan, pos, monthEnd + day[0].length, month, Number(day[1]), y);
}

/** Handles a weekday name at text[pos, end); returns where the scan continues. */
export function scanWeekday(scan: Scan, pos: number, end: number): number {
  const { text } = scan;
  const weekday = WEEKDAYS.get(text.slice(pos, end).toLowerCase());
  if (weekday === undefined) return end;
  const date = lookAhead(text, end, WEEKDAY_DATE);
  if (date) {
    const simple = weekdayMonthDay(scan, pos, end);
    if (simple > 0) return simple;
    const r = recordCalendarDate(scan, pos, end + date[0].length);
    if (r > 0) return r;
  }
  if (lookBehindWord(text, pos, NAMED_DAY, NAMED_DAY_WORDS)) return end; // "Good Friday Agreement", "Bloody Sunday"
  let start = pos;
  let det = '';
  const d = lookBehindWord(text, pos, DET_BEFORE, DET_WORDS);
  if (d && !lookBehindWord(text, d.start, THE_BEFORE, THE)) {
    det = (d.m[1] as string).toLowerCase();
    start = d.start;
  }
  const r = resolveWeekday(scan.anchor, weekday, tenseAround(text, start, end), det);
  scan.out.push(dateFinding(start, end, r.value, 'day', r.resolution, 'weekday'));
  return end;
}
