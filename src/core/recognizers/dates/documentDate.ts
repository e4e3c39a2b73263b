/**
 * Finds the document's own date in its header: a dateline ("Moscow. December 22nd. INTERFAX -",
 * "WASHINGTON, Jan. 21 (Reuters) -"), a time stamp ("12:55 - 29/11/2023 Wednesday"), a label
 * ("Published: January 21, 2021"), a line holding only a date ("2021-06-16") or a title line ending in a full
 * date ("Readout of ...'s Call with ..., December 30, 2021"). Dates inside sentences are not datelines: "Ryabkov on Thursday, December 23, spoke" names an event.
 */
import type { DocumentDate } from '../context';
import { CalendarReader } from './chronoAdapter';
import { scanDates } from './scanner';

const HEADER_CHARS = 800;
const HEADER_LINES = 10;
// A title names its subject before the date ("Readout of President Biden's Call with ..., December 30, 2021"), so
// it may be long; a longer line is a paragraph of prose, whose dates name events.
const TITLE_LINES = 2;
const TITLE_CHARS = 300;
const PREFIX =
  /^[\s*_#>]*(?:(?:Published|Posted|Updated|Last updated|Date|Dated|Released|Issued|Created)(?:\s+on)?\s*:?\s*|\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,4})?\s*[-–—|,/]?\s*|(?:[A-Z][A-Za-z.'’-]*(?:[ -][A-Z][A-Za-z.'’-]*){0,2}[.,]\s*){1,3}(?:\([^)\n]{1,30}\)\s*)?)?$/;
const HAS_DIGIT = /\d/;
const SUFFIX = /^(?:[\s*_]*$|\s*(?:[.,(/|–—•·-]|\d{1,2}[:.]\d{2}|by\s))/;

/** The document date from the header, or undefined when the header has none. `calendar`: see scanDates. */
export function findDocumentDate(text: string, calendar?: CalendarReader): DocumentDate | undefined {
  const header = text.slice(0, HEADER_CHARS);
  let offset = 0;
  let lines = 0;
  for (const line of header.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    if (++lines > HEADER_LINES) break;
    if (lineStart + line.length > header.length && header.length < text.length) break; // a line cut by the limit
    // Only a date with a day number can date the document (a weekday or "today" alone has no value without one),
    // and every such date has digits: a line without any (a title, a byline) need not be scanned.
    if (!HAS_DIGIT.test(line)) continue;
    for (const f of scanDates(line, undefined, undefined, (calendar ??= new CalendarReader()))) {
      if (f.precision !== 'day' || /REF|W/.test(f.value) || f.value.includes('/')) continue;
      const datelike = PREFIX.test(line.slice(0, f.start)) && SUFFIX.test(line.slice(f.end));
      // A title line ending in a full date ("Morning Briefing, Radio Baltica, 3 October 2023") dates the
      // document too, but only at the very top: further down such a line is a caption under a quote.
      const titled = lines <= TITLE_LINES && f.resolution === 'absolute' && /^[\s*_.]*$/.test(line.slice(f.end)) && line.length <= TITLE_CHARS;
      if (!datelike && !titled) continue;
      return { value: f.value, source: datelike ? 'dateline' : 'title', start: lineStart + f.start, end: lineStart + f.end };
    }
  }
  return undefined;
}
