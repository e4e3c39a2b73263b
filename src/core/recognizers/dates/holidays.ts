/**
 * Holidays with a fixed calendar day, when the text uses them as a point in time: "soon after Christmas", "by
 * New Year", "on New Year's Day", "last Christmas". A greeting ("Merry Christmas", "Happy New Year"), a name
 * ("Christmas Island", "the Christmas truce") or "the holiday season" (vague, like "in recent days") is no date:
 * a time preposition or a determiner must come right before it.
 */
import { dateFinding, lookAhead, lookBehind, type Scan } from './finding';
import { resolveMonthDay } from './resolve';
import { tenseAround, type Tense } from './tense';

const TIME_WORD_BEFORE = /\b(?:(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Ss]ince|[Ff]rom|[Tt]hrough|[Oo]ver|[Aa]round|[Dd]uring)|([Ll]ast|[Nn]ext|[Tt]his))\s+$/;
const NEW_BEFORE = /\b(?:New|NEW)\s+$/;
const CHRISTMAS_TAIL = /(?:\s+(Day|Eve))?(?!\s+[A-Z])/y;
const NEW_YEAR_TAIL = /(?:['’]s\s+(Day|Eve)|['’]s)?(?!\s+[A-Z])/y;

/** Handles "Christmas" or the "Year" of "New Year" at text[pos, end); returns where the scan continues. */
export function scanHoliday(scan: Scan, pos: number, end: number): number {
  const { text } = scan;
  const christmas = text.charCodeAt(pos) === 67; // C: the scan hands over Christmas or Year
  let start = pos;
  if (!christmas) {
    const isNew = lookBehind(text, pos, NEW_BEFORE, 6);
    if (!isNew) return end;
    start = isNew.start;
  }
  const before = lookBehind(text, start, TIME_WORD_BEFORE, 12);
  if (!before) return end;
  const tail = lookAhead(text, end, christmas ? CHRISTMAS_TAIL : NEW_YEAR_TAIL);
  if (!tail) return end;
  const stop = end + tail[0].length;
  const eve = tail[1] === 'Eve';
  const [month, day] = christmas ? [12, eve ? 24 : 25] : eve ? [12, 31] : [1, 1];
  const det = before.m[1]?.toLowerCase();
  if (det) start = before.start + before.m[0].indexOf(before.m[1] as string);
  const tense: Tense = det === 'last' ? 'past' : det === 'next' ? 'future' : tenseAround(text, start, stop);
  const r = resolveMonthDay(scan.anchor, month, day, tense);
  scan.out.push(dateFinding(start, stop, r.value, 'day', r.resolution, 'holiday'));
  return stop;
}
