/**
 * Rules headed by digits: numeric calendar dates (handed to chrono), day-first dates ("24 May 2002"),
 * years ("in 1997", "the 2020 election", "post-2026"), ranges of years ("2009-2010", "1943 to 1991"), decades ("the 1980s", "the '90s").
 * Most digits in news are counts, money, times and footnotes; each is rejected after a look at its
 * neighbours, without a regular expression over the whole block.
 */
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
import { recordCalendarDate, recordSimpleDate } from './calendarDates';
import { dateFinding, lookAhead, wordBefore, type PeriodMod, type Scan } from './finding';
import { modifierBefore } from './modifiers';
import { hasOrdinalSuffix, scanOrdinalDay } from './ordinalDays';
import { COUNT_NOUNS, MONTH_PATTERN, MONTHS, NUMBER_LABELS } from './vocabulary';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { APOSTROPHE, ASCII_MAX, COLON, COMMA, DOLLAR_SIGN, EN_DASH, EURO_SIGN, FULL_STOP, HYPHEN_MINUS, LEFT_PARENTHESIS, LOWER_A, LOWER_F, LOWER_N, LOWER_O, LOWER_R, LOWER_S, LOWER_T, NUMBER_SIGN, PERCENT_SIGN, POUND_SIGN, RIGHT_SINGLE_QUOTE, SLASH, SPACE, UPPER_B, UPPER_Y } = codes;
const { isAsciiDigit, isAsciiLetter, isAsciiSpace, isAsciiUpper, isLatinLetter } = classes;

const ISO_DATE = /\d{4}-[01]\d-[0-3]\d(?![\d])/y;
const NUMERIC_DATE = /\d{1,2}([/.])\d{1,2}\1(?:\d{4}|\d{2})(?![\d/])(?!\.\d)/y;
const DAY_FIRST = new RegExp(
  `(\\d{1,2})(?:st|nd|rd|th)?(\\s*(?:[-–—]|to|and|&)\\s*\\d{1,2}(?:st|nd|rd|th)?)?\\s+(of\\s+)?(${MONTH_PATTERN})\\b\\.?(?:,?\\s+(\\d{4})\\b)?`,
  'y',
);
const YEAR = /(\d{4})(?:(s\b|['’]s\b)|\s*[-–—]\s*(\d{4}|\d{2})\b(?![-–—/]\d))?/y;
const YEAR_TO = /\s+(?:to|through)\s+(\d{4})\b(?![-–—/]\d|[.,]\d|\s*(?:%|percent\b))/y;
const NEXT_WORD = /\s*([A-Za-z]+)/y;
const COUNTED_RANGE = /\s*(?:to|and|or|[-–—])\s*\d(?:[\d,.]*\d)?\s+([a-z]+)/y;
// A year inside the name of a domestic law: "Fiscal Year 2020 National Defense Authorization Act" (caught by
// "Fiscal Year" before it), "the 2021 Consolidated Appropriations Act", "Trade Act of 1974". A year before an
// international act ("the 1997 Founding Act") is a modifier, as in "the 2020 election", and is kept.
const LAW_AFTER = /\s+(?:[A-Z][\w'’.-]*\s+){0,5}(?:Authorization|Appropriations?|Reconciliation|Enhancement|Improvement)\s+Act\b/y;
const LAW_BEFORE = /\b(?:Act\s+of|Act,)\s*$/;
const FISCAL_BEFORE = /\b(?:[Ff]iscal\s+[Yy]ear|FY)\s*$/;
const BC_AFTER = / (?:BCE|BC|B\.C\.E\.|B\.C\.)(?![A-Za-z])/y;
const NAME_GOES_ON = /\s+[A-Z](?:[a-z]|[A-Z]+\b)/y;

/**
 * Handles the digit run text[pos, end) found by the scan; returns where the scan continues.
 * Leaves the run alone when it is part of a word, a number with separators, a clock time or money.
 */
export function scanDigits(scan: Scan, pos: number, end: number): number {
  const { text } = scan;
  const prev = pos > 0 ? text.charCodeAt(pos - 1) : SPACE;
  // part of a word or code ("F-16", "MK-41" are handled by the hyphen check below), money, hashtags
  if (isLatinLetter(prev) || prev === DOLLAR_SIGN || prev === NUMBER_SIGN || prev === EURO_SIGN || prev === POUND_SIGN) return end;
  const next = end < text.length ? text.charCodeAt(end) : SPACE;
  if (next === COLON && isAsciiDigit(codeAt(text, end + 1))) return skipNumber(text, end); // clock time
  const len = end - pos;
  if (next === SPACE && len <= 4 && codeAt(text, end + 1) === UPPER_B) {
    // "421 BC", "404 B.C.", "2560 BCE": a year before the common era, TIMEX3 `BC0421`
    const bc = lookAhead(text, end, BC_AFTER);
    if (bc && Number(text.slice(pos, end)) > 0) {
      const stop = end + bc[0].length;
      scan.out.push(dateFinding(pos, stop, `BC${text.slice(pos, end).padStart(4, '0')}`, 'year', 'absolute', 'year-bc'));
      return stop;
    }
  }
  if (len === 4 && next === HYPHEN_MINUS && lookAhead(text, pos, ISO_DATE)) return recordCalendarDate(scan, pos, ISO_DATE.lastIndex) > 0 ? ISO_DATE.lastIndex : end;
  if (len <= 2 && (next === SLASH || next === FULL_STOP) && lookAhead(text, pos, NUMERIC_DATE)) {
    const stop = NUMERIC_DATE.lastIndex;
    if (prev === SLASH || prev === FULL_STOP) return stop; // part of a longer dotted or slashed code
    const r = recordCalendarDate(scan, pos, stop);
    return r > 0 ? r : stop;
  }
  const dayFirst = len <= 2 && mayStartDayFirst(text, end) ? lookAhead(text, pos, DAY_FIRST) : null;
  if (dayFirst) {
    const stop = DAY_FIRST.lastIndex;
    const month = MONTHS.get((dayFirst[4] as string).toLowerCase());
    const y = dayFirst[5] ? Number(dayFirst[5]) : undefined;
    const day2 = dayFirst[2] ? Number(/\d+/.exec(dayFirst[2])?.[0]) : undefined;
    if ((day2 === undefined || day2 > Number(dayFirst[1])) && month !== undefined && (y === undefined || (y >= 1000 && y <= 2100))) {
      const r = recordSimpleDate(scan, pos, stop, month, Number(dayFirst[1]), y, day2);
      // An impossible day ("31 April") is no date, nor are its parts; after "of" ("31 of April") chrono, which
      // read that form, found no date there and left the month to the scan.
      return r > 0 ? r : dayFirst[3] ? end : stop;
    }
    const r = recordCalendarDate(scan, pos, stop);
    return r > 0 ? r : end;
  }
  if (len <= 2 && hasOrdinalSuffix(text, end)) {
    const r = scanOrdinalDay(scan, pos);
    if (r > 0) return r;
  }
  if (len === 2 && (prev === APOSTROPHE || prev === RIGHT_SINGLE_QUOTE) && codeAt(text, end) === LOWER_S && text[end - 1] === '0') {
    return recordDecade(scan, pos - 1, end + 1, (Number(text.slice(pos, end)) <= 20 ? 200 : 190) + Number(text[pos]));
  }
  if (len === 4) return scanYear(scan, pos, end, prev);
  if (next === COMMA || next === FULL_STOP) return skipNumber(text, end);
  return end;
}

function scanYear(scan: Scan, pos: number, end: number, prev: number): number {
  const { text } = scan;
  // Four ASCII digits (the scan's `\d+`): their value without a slice and a string-to-number conversion.
  const n = (text.charCodeAt(pos) - 48) * 1000 + (text.charCodeAt(pos + 1) - 48) * 100 + (text.charCodeAt(pos + 2) - 48) * 10 + (text.charCodeAt(pos + 3) - 48);
  if (n < 1000 || n > 2100) return end;
  const next = codeAt(text, end);
  if ((next === COMMA || next === FULL_STOP) && isAsciiDigit(codeAt(text, end + 1))) return skipNumber(text, end); // 2,000.5
  if (next === PERCENT_SIGN || isLatinLetter(next) && next !== LOWER_S) return end;
  let start = pos;
  let mod: ReturnType<typeof modifierBefore>;
  if (prev === HYPHEN_MINUS || prev === EN_DASH) {
    // "post-2026" → 2026 and "mid-2020" → mid-2020; a code like "MK-2020" or a range "1945-2014" (handled
    // from its first year) is left alone.
    const w = wordBefore(text, pos - 1);
    if (!/^(?:post|pre|mid|early|late|end|start|circa)$/.test(w)) return end;
  }
  if (prev === SPACE && isNameWordBefore(text, pos - 1)) return end; // "Zapad 2021 exercises", "Expo 2020"
  const label = wordBefore(text, pos);
  if (NUMBER_LABELS.has(label.length > 0 && label.charCodeAt(label.length - 1) === FULL_STOP ? label.slice(0, -1) : label) || NUMBER_LABELS.has(label)) return end;
  // Both expressions end in a word then `\s*$`: the last other character before the year ("of", "Act,", "year",
  // "FY") must be f , r or Y for either to match, so most years skip the slice and the two expressions.
  const last = lastNonSpace(text, pos, Math.max(0, pos - 14));
  if (last === LOWER_F || last === COMMA || last === LOWER_R || last === UPPER_Y || last > ASCII_MAX) {
    const before = text.slice(Math.max(0, pos - 14), pos);
    if (LAW_BEFORE.test(before)) return end;
    // "Fiscal Year 2020 National Defense Authorization Act" is a name; "in fiscal year 2013, revenue fell" a date
    if (FISCAL_BEFORE.test(before) && lookAhead(text, end, NAME_GOES_ON)) return end;
  }
  // The expressions below start at the year's end; the character after it and the first after ASCII whitespace
  // rule most of them out without running them (a character past 127 may be other whitespace: they run).
  let after = end;
  while (after < text.length && isAsciiSpace(text.charCodeAt(after))) after++;
  const following = after < text.length ? text.charCodeAt(after) : -1;
  if ((after > end || next > ASCII_MAX) && matchesAt(text, end, LAW_AFTER)) return end; // "the 2020 National Defense Authorization Act"
  // YEAR always matches the four digits; only a suffix (s, 's) or a dash after them can make it longer.
  const plain = next !== LOWER_S && next !== APOSTROPHE && next !== RIGHT_SINGLE_QUOTE && following !== HYPHEN_MINUS && following <= ASCII_MAX;
  const m = plain ? undefined : lookAhead(text, pos, YEAR);
  if (!plain && !m) return end;
  const yearEnd = m ? pos + m[0].length : end;
  const range = m?.[3];
  let stop = yearEnd;
  if (m?.[2]) {
    if (n % 10 !== 0) return end;
    mod = modifierBefore(text, start, label);
    if (mod) start = mod.start;
    return recordDecade(scan, start, stop, Math.floor(n / 10), mod?.mod);
  }
  const nextWord = following > ASCII_MAX ? (lookAhead(text, end, NEXT_WORD)?.[1] ?? '') : lettersAt(text, after);
  if (COUNT_NOUNS.has(nextWord.toLowerCase()) && (!/^[A-Z]/.test(nextWord) || /^(?:GMT|UTC|MSK|EST|EDT|CET|CEST|Z|HRS)$/.test(nextWord))) return end;
  const counted = following === LOWER_T || following === LOWER_A || following === LOWER_O || following === HYPHEN_MINUS || following > ASCII_MAX ? lookAhead(text, end, COUNTED_RANGE) : null;
  if (counted && COUNT_NOUNS.has(counted[1] as string)) return skipNumber(text, COUNTED_RANGE.lastIndex);
  if (n < 1800 && !/^(?:in|since|by|until|till|from|of|before|after|during|between|circa|c\.|year|around|through|and|to)$/.test(label)) return end;
  mod = modifierBefore(text, start, label); // start is still pos: label is the word before it
  if (mod) start = mod.start;
  if (range) {
    // "2014–15", "1945-2014": one span, an interval, like a range of days (docs/date-conventions.md)
    const second = range.length === 2 ? Math.floor(n / 100) * 100 + Number(range) : Number(range);
    if (second > n && second <= 2100) return recordYearRange(scan, start, stop, n, second);
    if (range.length === 2) return end;
  }
  const to = following === 116 /* t */ ? lookAhead(text, end, YEAR_TO) : null;
  if (to) {
    // "1943 to 1991", "1999 through 2003"
    const second = Number(to[1]);
    if (second > n && second <= 2100) return recordYearRange(scan, start, end + to[0].length, n, second);
  }
  stop = end;
  const value = String(n);
  scan.out.push(dateFinding(start, stop, value, 'year', 'absolute', 'year', mod?.mod));
  // a second year not later than the first ("the 2014-1999 figures") is no range, and no date of its own
  return range ? yearEnd : stop;
}

/**
 * Capitalised words a year may follow as a date: sentence openers, months, weekdays, seasons and words of
 * headers ("Updated 2021"). Any other capitalised word right before a year makes the year part of a name
 * ("Zapad 2021 exercises", "Expo 2020", "Vision 2030").
 */
const DATE_WORDS_CAPITALISED: ReadonlySet<string> = new Set([
  'the', 'in', 'since', 'by', 'until', 'till', 'after', 'before', 'during', 'from', 'of', 'on', 'at', 'for', 'to', 'and',
  'or', 'as', 'through', 'between', 'around', 'circa', 'early', 'late', 'mid', 'end', 'only', 'but', 'this', 'that',
  'every', 'each', 'year', 'fiscal', 'fy', 'spring', 'summer', 'autumn', 'fall', 'winter', 'updated', 'published',
  'posted', 'copyright', 'dated', 'released', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'christmas', 'easter', 'not', 'about', 'over', 'under', 'within', 'than', 'then', 'unlike', 'like',
]);

/** Whether the word ending at `end` (exclusive) is a capitalised name word, not a date word or a month. */
function isNameWordBefore(text: string, end: number): boolean {
  let start = end;
  while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  if (start === end) return false;
  const c = text.charCodeAt(start);
  if (!isAsciiUpper(c) || (start > 0 && !isAsciiSpace(text.charCodeAt(start - 1)) && text.charCodeAt(start - 1) !== LEFT_PARENTHESIS)) return false;
  const word = text.slice(start, end).toLowerCase();
  return !DATE_WORDS_CAPITALISED.has(word) && !MONTHS.has(word);
}

/**
 * Whether DAY_FIRST can match for the digits ending at `end`: after them comes an ordinal suffix, or (after any
 * ASCII whitespace) a range ("-", "to", "and", "&"), "of" or a month name. Most short numbers are counts ("12
 * people"), which this rules out without running the expression; a character past 127 may be a dash or other
 * whitespace, so it runs.
 */
function mayStartDayFirst(text: string, end: number): boolean {
  const c = codeAt(text, end);
  if (c === LOWER_S || c === LOWER_N || c === LOWER_R || c === LOWER_T || c > ASCII_MAX) return true;
  let i = end;
  while (i < text.length && isAsciiSpace(text.charCodeAt(i))) i++;
  const d = codeAt(text, i);
  return d > ASCII_MAX || DAY_FIRST_AFTER.has(d);
}

/** First characters of what DAY_FIRST allows after the day and whitespace: - & t(o) a(nd) o(f) and the months. */
const DAY_FIRST_AFTER = new Set([...'-&taoJFMASOND'].map((ch) => ch.charCodeAt(0)));

/**
 * The character code at `i`, or -1 past the end of `text` (charCodeAt's NaN there, which the comparisons read as
 * -1, made the optimised rules deoptimise the first time a number ended a block).
 */
function codeAt(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : -1;
}

/** The sticky expression `re` matches at `pos` (as `lookAhead` would, without a match array). */
function matchesAt(text: string, pos: number, re: RegExp): boolean {
  re.lastIndex = pos;
  return re.test(text);
}

/** The ASCII letters at `pos` (what NEXT_WORD captures after whitespace), '' when none. */
function lettersAt(text: string, pos: number): string {
  let i = pos;
  while (i < text.length && isAsciiLetter(text.charCodeAt(i))) i++;
  return i === pos ? '' : text.slice(pos, i);
}

/** The last character before `pos` (not before `from`) that is not ASCII whitespace, or -1. */
function lastNonSpace(text: string, pos: number, from: number): number {
  for (let i = pos - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (!isAsciiSpace(c)) return c;
  }
  return -1;
}

function recordYearRange(scan: Scan, start: number, end: number, first: number, second: number): number {
  scan.out.push(dateFinding(start, end, `${first}/${second}`, 'year', 'absolute', 'year-range'));
  return end;
}

function recordDecade(scan: Scan, start: number, end: number, decade: number, mod?: PeriodMod): number {
  const value = String(decade);
  scan.out.push(dateFinding(start, end, value, 'decade', 'absolute', 'decade', mod));
  return end;
}

function skipNumber(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && /[\d,.:]/.test(text[i] as string) && (isAsciiDigit(text.charCodeAt(i)) || isAsciiDigit(codeAt(text, i + 1)))) i++;
  return i;
}
