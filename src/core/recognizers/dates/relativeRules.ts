/**
 * Relative and period expressions, which chrono-node either misses ("the coming year", "the other day",
 * "the first quarter") or over-reads ("now", "for 30 years"): today/yesterday/tomorrow, "next week",
 * "last year", "this month", "the end of the month", "the day before", "six years ago", "the weekend",
 * "the 20th century", seasons and quarters. A unit noun is a date only with a determiner that points in time;
 * durations ("30 years", "five-year", "the past two decades"), offsets ("a month later") and vague plurals
 * ("in recent years", "the coming months") have none, so they are left out without a list of exclusions.
 */
import { addDays, anchorDay, dayValue, weekdayOf, type Day } from './calendar';
import { dateFinding, lookAhead, lookBehind, lookBehindWord, type DateFinding, type PeriodMod, type Scan } from './finding';
import { modifierBefore } from './modifiers';
import { periodYear, resolveDayOffset, resolveUnitShift, unitPrecision, type Resolved } from './resolve';
import { tenseAround } from './tense';
import { NUMBER_WORDS, ORDINAL_WORDS, SEASON_START_MONTH, SEASONS, UNITS, type Unit } from './vocabulary';

const DAY_BEFORE_AFTER = /\b([Tt]he\s+day\s+(before|after)\s+)$/;
const AGO = /\s+ago\b/y;
const COUNT_BEFORE = /(?:\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundreds of|a few|few|several|many|some|a couple of|a couple|couple of|a number of)\s+)?(?:more\s+than\s+)?$/i;
const FROM_TODAY = /\b(\d{1,3}|[A-Za-z]+)\s+(days?|weeks?)\s+from\s+$/i;
const OTHER_DAY = /\b([Tt]he\s+other\s+)$/;
const DAY_AFTER = /\s+(?:before|after)(?:\s+(yesterday|tomorrow))?(?=\s*[,.;:!?)\]"”]|\s*$)/y;
const RELATIVE_DAY = /\b([Tt]he\s+(?:next|following|previous|same)\s+)$/;
const DET = /\b(?:([Tt]he\s+)(coming|current|following|previous|same)|([Tt]his|[Nn]ext|[Ll]ast|[Cc]oming|[Cc]urrent|[Pp]revious))\s+$/;
const THE_BEFORE = /\b[Tt]he\s+$/;
const BARE_THE = /\b([Tt]he\s+)$/;
const ORDINAL = /\b(?:([Tt]he)\s+)?(\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first|final|last)[\s-]+$/i;
const OF_YEAR = /\s+of\s+(\d{4})\b/y;
const YEAR_AFTER = /[\s,]+(?:of\s+)?(\d{4})\b/y;
const SEASON_PREP = /\b(?:[Ii]n|[Bb]y|[Dd]uring|[Uu]ntil|[Tt]ill|[Ss]ince|[Tt]hrough|[Oo]ver|[Bb]efore|[Aa]fter|[Ff]rom)\s+(?:([Tt]he)(\s+))?$/;
const OF_AFTER = /\s+of\b/y;
/**
 * The words the look-behind expressions above end in (lower-cased), checked before running them: see
 * `lookBehindWord`. Each set must hold every word its expression can end on.
 */
const BEFORE_AFTER_WORDS: ReadonlySet<string> = new Set(['before', 'after']);
const ORDINAL_ENDS: ReadonlySet<string> = new Set([
  'st', 'nd', 'rd', 'th', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth',
  'twentieth', 'final', 'last',
]);
const DET_WORDS: ReadonlySet<string> = new Set(['coming', 'current', 'following', 'previous', 'same', 'this', 'next', 'last']);
const THE: ReadonlySet<string> = new Set(['the']);
const OTHER: ReadonlySet<string> = new Set(['other']);
const FROM: ReadonlySet<string> = new Set(['from']);
const RELATIVE_DAY_WORDS: ReadonlySet<string> = new Set(['next', 'following', 'previous', 'same']);
const SEASON_PREP_WORDS: ReadonlySet<string> = new Set(['in', 'by', 'during', 'until', 'till', 'since', 'through', 'over', 'before', 'after', 'from', 'the']);

/** today / yesterday / tomorrow, and "the day before yesterday" / "the day after tomorrow". */
export function scanCasualDay(scan: Scan, pos: number, end: number): number {
  const { text } = scan;
  const word = text.slice(pos, end).toLowerCase();
  let offset = word === 'today' ? 0 : word === 'yesterday' ? -1 : 1;
  let start = pos;
  const two = lookBehindWord(text, pos, DAY_BEFORE_AFTER, BEFORE_AFTER_WORDS);
  if (two && ((two.m[2] === 'before' && offset === -1) || (two.m[2] === 'after' && offset === 1))) {
    offset *= 2;
    start = two.start;
  }
  const counted = offset === 0 ? lookBehindWord(text, pos, FROM_TODAY, FROM) : undefined;
  const count = counted ? countOf(counted.m[1] as string) : undefined;
  if (counted && count !== undefined) {
    // "Ninety days from today": the day that many days (or weeks) ahead
    offset = count * (/^w/i.test(counted.m[2] as string) ? 7 : 1);
    start = counted.start;
  }
  push(scan, start, end, resolveDayOffset(scan.anchor, offset), 'day', counted && count !== undefined ? 'from-today' : 'casual-day');
  return end;
}

/** A count in digits or one number word ("ninety", "two"), or undefined. */
function countOf(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS.get(word.toLowerCase());
}

/** A unit noun (day, week, weekend, month, quarter, year, decade, century) and what points it in time. */
export function scanUnit(scan: Scan, pos: number, end: number): number {
  const { text } = scan;
  const noun = text.slice(pos, end).toLowerCase();
  const unit = UNITS.get(noun);
  if (!unit) return end;
  const plural = noun.endsWith('s') && unit !== 'century' ? true : noun === 'centuries';
  const ago = lookAhead(text, end, AGO);
  if (ago) return scanAgo(scan, pos, end + ago[0].length, unit, plural);
  if (unit === 'day') return plural ? end : scanDayPhrase(scan, pos, end);
  if (plural) return end;
  if (unit === 'quarter' || unit === 'century' || unit === 'decade') {
    const ord = lookBehindWord(text, pos, ORDINAL, ORDINAL_ENDS, true);
    const next = ord ? scanOrdinalPeriod(scan, ord.start, end, unit, ord.m) : -1;
    if (next >= 0) return next;
  }
  const det = lookBehindWord(text, pos, DET, DET_WORDS);
  if (det) {
    // "the last year", "the past decade" are durations; "last year" is a date
    const word = ((det.m[2] ?? det.m[3]) as string).toLowerCase();
    if ((word === 'last' || word === 'previous') && lookBehindWord(text, det.start, THE_BEFORE, THE)) return end;
    if (word === 'same') return end;
    let start = det.start;
    const mod = modifierBefore(text, start);
    if (mod) start = mod.start;
    if (word === 'following' || word === 'previous') {
      // relative to an event in the text, not to the document date
      push(scan, start, end, { value: word === 'previous' ? 'PAST_REF' : 'FUTURE_REF', resolution: 'unresolved' }, unitPrecision(unit), `${word}-unit`, mod?.mod);
      return end;
    }
    let shift = word === 'last' ? -1 : word === 'next' || word === 'coming' ? 1 : 0;
    // "was sworn in this weekend", written on a weekday: the weekend just past, not the coming one
    if (unit === 'weekend' && word === 'this' && isWeekday(scan) && tenseAround(text, start, end) === 'past') shift = -1;
    push(scan, start, end, resolveUnitShift(scan.anchor, unit, shift), unitPrecision(unit), 'unit-shift', mod?.mod);
    return end;
  }
  const mod = modifierBefore(text, pos);
  if (mod && unit !== 'weekend') {
    // "the end of the month", "end of year": the document date's own period, moved back in a past-tense
    // sentence when the part named is already over ("peaked by the end of year").
    const tense = tenseAround(text, mod.start, end);
    const shift = tense === 'past' && mod.mod === 'END' ? -1 : tense === 'future' && mod.mod === 'START' ? 1 : 0;
    push(scan, mod.start, end, resolveUnitShift(scan.anchor, unit, shift), unitPrecision(unit), 'period-part', mod.mod);
    return end;
  }
  if (unit === 'weekend') {
    const the = lookBehindWord(text, pos, BARE_THE, THE);
    const start = the ? the.start : pos;
    const tense = tenseAround(text, start, end);
    push(scan, start, end, resolveUnitShift(scan.anchor, 'weekend', tense === 'future' ? 1 : tense === 'past' ? -1 : 0), 'weekend', 'weekend');
    return end;
  }
  return end;
}

/** "the other day", "the day before", "the next day": relative days, kept with their article. */
function scanDayPhrase(scan: Scan, pos: number, end: number): number {
  const { text } = scan;
  const other = lookBehindWord(text, pos, OTHER_DAY, OTHER);
  if (other) {
    push(scan, other.start, end, { value: 'PAST_REF', resolution: 'unresolved' }, 'day', 'other-day');
    return end;
  }
  const the = lookBehindWord(text, pos, BARE_THE, THE);
  const after = lookAhead(text, end, DAY_AFTER);
  if (the && after && !after[1]) {
    // "On December 17, ... The day before, ...": relative to the day the text last named in this block, when it
    // named one; otherwise to an event we do not track, so left unresolved.
    const stop = end + after[0].length;
    const before = /before/.test(after[0]);
    const previous = lastDay(scan);
    if (previous) {
      const d = addDays(previous.day, before ? -1 : 1);
      scan.out.push(dateFinding(the.start, stop, dayValue(d), 'day', 'relative', 'day-before-after', undefined, previous.value));
    } else {
      push(scan, the.start, stop, { value: before ? 'PAST_REF' : 'FUTURE_REF', resolution: 'unresolved' }, 'day', 'day-before-after');
    }
    return stop;
  }
  const rel = lookBehindWord(text, pos, RELATIVE_DAY, RELATIVE_DAY_WORDS);
  if (rel && !/same/i.test(rel.m[1] as string)) {
    push(scan, rel.start, end, { value: /previous/i.test(rel.m[1] as string) ? 'PAST_REF' : 'FUTURE_REF', resolution: 'unresolved' }, 'day', 'relative-day');
  }
  return end;
}

/** The last single day found so far in the block, as a day, when its value is one. */
function lastDay(scan: Scan): { day: Day; value: string } | undefined {
  const f = scan.out[scan.out.length - 1];
  const m = f && f.precision === 'day' ? /^(\d{4}|XXXX)-(\d{2})-(\d{2})$/.exec(f.value) : null;
  if (!f || !m) return undefined;
  return { day: { year: m[1] === 'XXXX' ? undefined : Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, value: f.value };
}

/** "six years ago", "a few days ago", "years ago": the anchor minus the count, at the unit's precision. */
function scanAgo(scan: Scan, pos: number, stop: number, unit: Unit, plural: boolean): number {
  const { text } = scan;
  const count = lookBehind(text, pos, COUNT_BEFORE);
  const start = count && count.m[1] ? count.start : pos;
  const word = count?.m[1]?.toLowerCase();
  let n = word === undefined ? undefined : /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS.get(word);
  if (n === undefined && !plural && word === undefined) n = 1;
  if (unit === 'weekend') return stop;
  const r: Resolved = n === undefined ? { value: 'PAST_REF', resolution: 'unresolved' } : resolveUnitShift(scan.anchor, unit, -n);
  push(scan, start, stop, r, unitPrecision(unit), 'ago');
  return stop;
}

/** "the first quarter", "the 20th century", "the twentieth century"; -1 when the ordinal is a determiner after all. */
function scanOrdinalPeriod(scan: Scan, ordStart: number, end: number, unit: Unit, m: RegExpExecArray): number {
  const { text } = scan;
  const raw = (m[2] as string).toLowerCase();
  const n = /^\d/.test(raw) ? parseInt(raw, 10) : ORDINAL_WORDS.get(raw.replace(' ', '-')) ?? ORDINAL_WORDS.get(raw);
  if (n === undefined) return end;
  if (unit === 'century') {
    if (raw === 'last' || raw === 'final') return -1;
    // TempEval spans leave the article out ("the ⟦20th century⟧"); value: the century's first two digits
    const start = m[1] ? ordStart + (m[0].indexOf(m[2] as string)) : ordStart;
    push(scan, start, end, { value: String(n - 1).padStart(2, '0'), resolution: 'absolute' }, 'century', 'century');
    return end;
  }
  if (unit === 'decade') return end; // "the first decade of ..." needs its century; rare, left out
  if (n < 1 || n > 4) return end;
  let stop = end;
  let year: number | undefined;
  const of = lookAhead(text, end, OF_YEAR) ?? lookAhead(text, end, YEAR_AFTER);
  if (of) {
    year = Number(of[1]);
    stop = end + of[0].length;
  }
  const last = raw === 'last' || raw === 'final';
  if (last && year === undefined) return -1; // "last quarter" is the one before this; "the last quarter of 2022" is Q4
  const q = last ? 4 : n;
  let resolution: Resolved['resolution'] = 'absolute';
  if (year === undefined) {
    year = periodYear(scan.anchor, q * 3 - 2, q * 3, tenseAround(text, ordStart, end));
    resolution = year === undefined ? 'unresolved' : 'relative';
  }
  const value = `${year === undefined ? 'XXXX' : year}-Q${q}`;
  scan.out.push(dateFinding(ordStart, stop, value, 'quarter', resolution, 'quarter'));
  return stop;
}

/** Seasons with a year or a determiner: "summer 2013", "the summer of 1955", "this winter", "last spring". */
export function scanSeason(scan: Scan, pos: number, end: number): number {
  const { text } = scan;
  const word = text.slice(pos, end).toLowerCase();
  const code = SEASONS.get(word);
  if (!code) return end;
  const year = lookAhead(text, end, YEAR_AFTER);
  const det = lookBehindWord(text, pos, DET, DET_WORDS);
  let start = pos;
  let r: Resolved | undefined;
  let stop = end;
  if (year && Number(year[1]) >= 1000 && Number(year[1]) <= 2100) {
    stop = end + year[0].length;
    const the = /of/.test(year[0]) ? lookBehindWord(text, pos, BARE_THE, THE) : undefined;
    if (the) start = the.start;
    r = { value: `${year[1]}-${code}`, resolution: 'absolute' };
  } else if (det && !(det.m[2] && /following|previous|same/i.test(det.m[2]))) {
    if (word === 'fall' && !/^[Tt]his|^[Nn]ext|^[Ll]ast/.test(det.m[3] ?? '')) return end;
    const d = ((det.m[2] ?? det.m[3]) as string).toLowerCase();
    if (d === 'last' && lookBehindWord(text, det.start, THE_BEFORE, THE)) return end;
    start = det.start;
    const first = SEASON_START_MONTH[code] as number;
    const y = periodYear(scan.anchor, first, first + 2, d === 'last' ? 'past' : d === 'this' || d === 'current' ? undefined : 'future');
    r = y === undefined ? { value: `XXXX-${code}`, resolution: 'unresolved' } : { value: `${y}-${code}`, resolution: 'relative' };
  } else {
    // "talks resume in the spring", "during the winter": a season after a time preposition, like a bare month;
    // not "the fall of the Berlin Wall", "spring up", "the spring session".
    const prep = lookBehindWord(text, pos, SEASON_PREP, SEASON_PREP_WORDS);
    if (!prep || lookAhead(text, end, OF_AFTER) || (word === 'fall' && !prep.m[1])) return end;
    if (prep.m[1]) start = pos - (prep.m[1] as string).length - (prep.m[2] as string).length;
    const first = SEASON_START_MONTH[code] as number;
    const y = periodYear(scan.anchor, first, first + 2, tenseAround(text, start, end));
    r = y === undefined ? { value: `XXXX-${code}`, resolution: 'unresolved' } : { value: `${y}-${code}`, resolution: 'relative' };
  }
  if (!r) return end;
  const mod = modifierBefore(text, start);
  if (mod) start = mod.start;
  push(scan, start, stop, r, 'season', 'season', mod?.mod);
  return stop;
}

/** "Q1 2023", "2023 Q4", "Q3". */
export function scanQuarterCode(scan: Scan, pos: number, end: number): number {
  const { text } = scan;
  const q = Number(text[pos + 1]);
  const after = lookAhead(text, end, /\s+(\d{4})\b/y);
  if (after) {
    scan.out.push(dateFinding(pos, end + after[0].length, `${after[1]}-Q${q}`, 'quarter', 'absolute', 'quarter'));
    return end + after[0].length;
  }
  const y = periodYear(scan.anchor, q * 3 - 2, q * 3, tenseAround(text, pos, end));
  push(scan, pos, end, y === undefined ? { value: `XXXX-Q${q}`, resolution: 'unresolved' } : { value: `${y}-Q${q}`, resolution: 'relative' }, 'quarter', 'quarter');
  return end;
}

/** Records a finding of a resolved value. */
function push(scan: Scan, start: number, end: number, r: Resolved, precision: DateFinding['precision'], rule: string, mod?: PeriodMod): void {
  scan.out.push(dateFinding(start, end, r.value, precision, r.resolution, rule, mod));
}

/** Whether the document date is a Monday to Friday. */
function isWeekday(scan: Scan): boolean {
  const a = anchorDay(scan.anchor);
  return a !== undefined && a.year !== undefined && weekdayOf(a) <= 5;
}
