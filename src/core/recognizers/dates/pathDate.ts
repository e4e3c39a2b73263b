/**
 * A document's date from its path: collections of briefings and readouts are usually filed by date
 * (`2021-12-30-readout.txt`, `20211230_statement.md`, `briefings/2021/12/30/transcript.txt`), and that date is
 * often the only one the document has when its dateline was left behind on the web page.
 */
import type { DocumentDate } from '../context';
import { dayValue, isValidDay } from './calendar';

// A year, month and day with one separator used throughout (or none), not part of a longer number.
const IN_NAME = /(?<![0-9])((?:19|20)[0-9]{2})([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12][0-9]|3[01])(?![0-9])/;

/**
 * The date in the file name, else in the folder names (a folder named like a date, or the folders `YYYY/MM/DD`
 * or `YYYY/MM-DD` one inside another), nearest the file first. `path` uses `/` or `\` between its parts.
 */
export function dateFromPath(path: string): DocumentDate | undefined {
  const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
  const name = parts.pop();
  if (name === undefined) return undefined;
  const inName = dateIn(name);
  if (inName) return { value: inName, source: 'file name' };
  for (let i = parts.length - 1; i >= 0; i--) {
    const inFolder = dateIn(parts[i] as string) ?? nestedDate(parts, i);
    if (inFolder) return { value: inFolder, source: 'folder' };
  }
  return undefined;
}

/** `YYYY-MM-DD`, or undefined for a day the calendar does not have (`2021-02-30`). */
function isoDay(year: number, month: number, day: number): string | undefined {
  return isValidDay(year, month, day) ? dayValue({ year, month, day }) : undefined;
}

function dateIn(part: string): string | undefined {
  const m = IN_NAME.exec(part);
  return m ? isoDay(Number(m[1]), Number(m[3]), Number(m[4])) : undefined;
}

/** `…/2021/12/30/…` or `…/2021/12-30/…`, with `parts[i]` as the innermost folder. */
function nestedDate(parts: readonly string[], i: number): string | undefined {
  const day = /^(0?[1-9]|[12][0-9]|3[01])$/.exec(parts[i] as string);
  if (day && i >= 2 && /^(19|20)[0-9]{2}$/.test(parts[i - 2] as string) && /^(0?[1-9]|1[0-2])$/.test(parts[i - 1] as string)) {
    return isoDay(Number(parts[i - 2]), Number(parts[i - 1]), Number(day[1]));
  }
  const monthDay = /^(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12][0-9]|3[01])$/.exec(parts[i] as string);
  if (monthDay && i >= 1 && /^(19|20)[0-9]{2}$/.test(parts[i - 1] as string)) {
    return isoDay(Number(parts[i - 1]), Number(monthDay[1]), Number(monthDay[2]));
  }
  return undefined;
}
