/**
 * Pins partial and relative dates to the calendar using the document date (the anchor) and the tense of the
 * sentence. Every function returns a value even without an anchor: X placeholders ("XXXX-12-22") or
 * PAST_REF / PRESENT_REF / FUTURE_REF, with resolution 'unresolved'.
 */
import type { DatePrecision } from '../../model/mention';
import { addDays, addMonths, anchorDay, dayValue, monthValue, quarterOf, weekdayOf, weekValue, yearText, type Anchor } from './calendar';
import type { Resolution } from './finding';
import type { Tense } from './tense';
import type { Unit } from './vocabulary';

export interface Resolved {
  value: string;
  resolution: Resolution;
}

const unresolved = (value: string): Resolved => ({ value, resolution: 'unresolved' });
const relative = (value: string): Resolved => ({ value, resolution: 'relative' });

/** A date's position in days-ish units (`d` missing: `ad`, the anchor's day), for {@link yearFor}. */
function dayPos(y: number, m: number, d: number | undefined, ad: number): number {
  return y * 372 + m * 31 + (d ?? ad);
}

/**
 * The year of a month (and day) written without one: the last such date on or before the anchor in a past-tense
 * sentence, the next on or after it in a future one, else the nearest.
 */
export function yearFor(anchor: Anchor | undefined, month: number, day: number | undefined, tense: Tense): number | undefined {
  if (!anchor || anchor.year === undefined) return undefined;
  const am = anchor.month ?? 6;
  const ad = anchor.day ?? 15;
  // Position in days-ish units; a month without a day sits level with any anchor day in that month.
  const ref = dayPos(anchor.year, am, anchor.month === undefined ? undefined : ad, ad);
  const candidates = [anchor.year - 1, anchor.year, anchor.year + 1];
  if (tense === 'past') {
    const ok = candidates.filter((y) => dayPos(y, month, day, ad) <= ref);
    return ok[ok.length - 1];
  }
  if (tense === 'future') return candidates.find((y) => dayPos(y, month, day, ad) >= ref);
  let best = anchor.year;
  let bestDist = Infinity;
  for (const y of candidates) {
    const dist = Math.abs(dayPos(y, month, day, ad) - ref);
    if (dist < bestDist) {
      best = y;
      bestDist = dist;
    }
  }
  return best;
}

/** A month-and-day written without a year. */
export function resolveMonthDay(anchor: Anchor | undefined, month: number, day: number, tense: Tense): Resolved {
  const year = yearFor(anchor, month, day, tense);
  if (year === undefined) return unresolved(dayValue({ month, day }));
  return relative(dayValue({ year, month, day }));
}

/** A month written without a year ("in August"); `shift` is -1 for "last August", +1 for "next August". */
export function resolveMonth(anchor: Anchor | undefined, month: number, tense: Tense, shift = 0): Resolved {
  let t = tense;
  if (shift < 0) t = 'past';
  if (shift > 0) t = 'future';
  let year = yearFor(anchor, month, undefined, t);
  if (year === undefined) return unresolved(monthValue(undefined, month));
  // "last August" in August means a year ago, "next August" in August a year ahead.
  if (shift !== 0 && anchor?.month === month) year += shift;
  return relative(monthValue(year, month));
}

/** A weekday on its own: the nearest such day before or after the document date, as the tense and `det` say. */
export function resolveWeekday(anchor: Anchor | undefined, weekday: number, tense: Tense, det: string): Resolved {
  const a = anchorDay(anchor);
  if (!a || a.year === undefined) return unresolved(`XXXX-WXX-${weekday}`);
  const aw = weekdayOf(a);
  let offset: number;
  if (det === 'this') offset = weekday - aw;
  else if (det === 'next' || det === 'coming' || (det === '' && tense === 'future')) offset = (weekday - aw + 7) % 7 || (det ? 7 : 0);
  else offset = -((aw - weekday + 7) % 7 || (det === 'last' || det === 'past' ? 7 : 0));
  return relative(dayValue(addDays(a, offset)));
}

/** today / yesterday / tomorrow and their two-day forms, as an offset in days from the document date. */
export function resolveDayOffset(anchor: Anchor | undefined, offset: number): Resolved {
  const a = anchorDay(anchor);
  if (!a) return unresolved(offset < 0 ? 'PAST_REF' : offset > 0 ? 'FUTURE_REF' : 'PRESENT_REF');
  return relative(dayValue(addDays(a, offset)));
}

/** Precision of a unit. */
export function unitPrecision(unit: Unit): DatePrecision {
  return unit === 'day' ? 'day' : unit === 'week' ? 'week' : unit === 'weekend' ? 'weekend' : unit;
}

/**
 * The period `shift` units away from the document date's own period: "this year" 0, "next week" +1,
 * "last month" -1, "six years ago" -6 (the value keeps the unit's precision).
 */
export function resolveUnitShift(anchor: Anchor | undefined, unit: Unit, shift: number): Resolved {
  const vague = shift < 0 ? 'PAST_REF' : shift > 0 ? 'FUTURE_REF' : 'PRESENT_REF';
  if (!anchor) return unresolved(vague);
  const y = anchor.year;
  const a = anchorDay(anchor);
  switch (unit) {
    case 'day':
      return a ? relative(dayValue(addDays(a, shift))) : unresolved(vague);
    case 'week':
    case 'weekend': {
      if (!a || y === undefined) return unresolved(vague);
      const d = addDays(a, shift * 7);
      const sat = addDays(d, 6 - weekdayOf(d)); // the weekend of an ISO week is its Saturday and Sunday
      return relative(unit === 'week' ? weekValue(d) : `${weekValue(sat)}-WE`);
    }
    case 'month': {
      if (y === undefined || anchor.month === undefined) return unresolved(vague);
      const m = addMonths(y, anchor.month, shift);
      return relative(monthValue(m.year, m.month));
    }
    case 'quarter': {
      if (y === undefined || anchor.month === undefined) return unresolved(vague);
      const index = y * 4 + quarterOf(anchor.month) - 1 + shift;
      return relative(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
    }
    case 'year':
      return y === undefined ? unresolved(vague) : relative(yearText(y + shift));
    case 'decade':
      return y === undefined ? unresolved(vague) : relative(String(Math.floor(y / 10) + shift));
    case 'century':
      return y === undefined ? unresolved(vague) : relative(String(Math.floor(y / 100) + shift).padStart(2, '0'));
  }
}

/**
 * The year a quarter or season without a year falls in: the occurrence of its middle month nearest the anchor,
 * or the last before / next after it as the tense says ("the first quarter" said in December means the coming
 * one in "there will be", the past one in "there was").
 */
export function periodYear(anchor: Anchor | undefined, startMonth: number, endMonth: number, tense: Tense): number | undefined {
  const middle = startMonth >= 12 ? 12 : Math.min(12, Math.round((startMonth + endMonth) / 2));
  return yearFor(anchor, middle, undefined, tense);
}
