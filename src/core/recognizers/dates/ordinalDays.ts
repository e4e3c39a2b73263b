/**
 * A day of the month written on its own, as briefings and wire stories name days close to their own date: "talks
 * starting on the 9th and 10th", "a council meeting on the 12th", "marched on the 30th". Only after a time
 * preposition and "the", and only when no noun follows (which makes the ordinal a count: "on the 25th anniversary",
 * "on the 5th floor", "the 20th and 21st centuries").
 */
import { addMonths, dayValue, isValidDay, type Anchor } from './calendar';
import { dateFinding, lookAhead, lookBehind, type Scan } from './finding';
import { tenseAround, type Tense } from './tense';

const ORDINAL_DAY = /(\d{1,2})(?:st|nd|rd|th)(?:\s*(?:and|&|[-–])\s*(\d{1,2})(?:st|nd|rd|th))?(?=\s*(?:[.,;:!?)—–]|$)|\s+(?:in|at|and|against|for|with|when|as|from|to|but|or|before|after|during|between)\b)/y;
const TIME_PREPOSITION_THE = /\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Ss]ince|[Ff]rom|[Tt]hrough|[Ss]tarting|[Bb]eginning)\s+the\s+$/;

/** Whether an ordinal suffix follows the digits ending at `end` (checked before anything else runs). */
export function hasOrdinalSuffix(text: string, end: number): boolean {
  const pair = text.slice(end, end + 2);
  return pair === 'th' || pair === 'st' || pair === 'nd' || pair === 'rd';
}

/** Records "the 12th" or "the 9th and 10th" at `pos`; returns the end of the span, or -1 when it is not a day. */
export function scanOrdinalDay(scan: Scan, pos: number): number {
  const { text } = scan;
  if (!lookBehind(text, pos, TIME_PREPOSITION_THE, 20)) return -1;
  const m = lookAhead(text, pos, ORDINAL_DAY);
  if (!m) return -1;
  const day = Number(m[1]);
  const lastDay = m[2] === undefined ? undefined : Number(m[2]);
  if (day < 1 || day > 31 || (lastDay !== undefined && (lastDay <= day || lastDay > 31))) return -1;
  const end = pos + m[0].length;
  const month = monthOfDay(scan.anchor, day, tenseAround(text, pos, end));
  if (!month || !isValidDay(month.year, month.month, lastDay ?? day)) {
    const value = `XXXX-XX-${pad(day)}${lastDay === undefined ? '' : `/XXXX-XX-${pad(lastDay)}`}`;
    scan.out.push(dateFinding(pos, end, value, 'day', 'unresolved', 'ordinal-day'));
    return end;
  }
  const first = dayValue({ ...month, day });
  const value = lastDay === undefined ? first : `${first}/${dayValue({ ...month, day: lastDay })}`;
  scan.out.push(dateFinding(pos, end, value, 'day', 'relative', 'ordinal-day'));
  return end;
}

/**
 * The month of a day written without one: the last such day on or before the document date in a past-tense
 * sentence, the next on or after it in a future one, else the nearest of the three months around it.
 */
function monthOfDay(anchor: Anchor | undefined, day: number, tense: Tense): { year: number; month: number } | undefined {
  if (!anchor || anchor.year === undefined || anchor.month === undefined || anchor.day === undefined) return undefined;
  const ad = anchor.day;
  const here = { year: anchor.year, month: anchor.month };
  if (tense === 'past') return day <= ad ? here : addMonths(here.year, here.month, -1);
  if (tense === 'future') return day >= ad ? here : addMonths(here.year, here.month, 1);
  const back = addMonths(here.year, here.month, -1);
  const ahead = addMonths(here.year, here.month, 1);
  const candidates = [back, here, ahead].filter((c) => isValidDay(c.year, c.month, day));
  const distance = (c: { year: number; month: number }): number => Math.abs(Date.UTC(c.year, c.month - 1, day) - Date.UTC(here.year, here.month - 1, ad));
  return candidates.sort((a, b) => distance(a) - distance(b))[0];
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
