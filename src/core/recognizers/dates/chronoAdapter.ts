/**
 * chrono-node parses the calendar-date windows the scanner hands it ("Thursday, December 23", "24 May 2002",
 * "1–5 February 2016", "29/11/2023", "2026-02-05"): it knows the formats, ordinals, abbreviations, ranges and
 * weekday prefixes, and rejects impossible days. It is never run on whole texts (its cost grows faster than the
 * text) and never on relative phrases, where it takes "now" and "for 30 years" as dates: only on
 * the few-dozen-character windows around a month name or numeric date that our own scan has already found.
 * Results depend only on the window text, so they are memoised by a {@link CalendarReader}, which a host keeps
 * for a scan or a batch (see analysisCache.ts): the same windows recur across a workspace's documents.
 */
// The English locale alone: the package root also loads fifteen other locales the bundle would parse at start.
import type * as ChronoEn from 'chrono-node/en';
import type { Chrono } from 'chrono-node/en';
import { memoized } from '../boundedMemo';
import { isValidDay } from './calendar';

/** What chrono read from a window: offsets relative to the window, and the components it found in the text. */
export interface CalendarParse {
  index: number;
  length: number;
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  /** The end of a range ("8-9 March"), when chrono read one. */
  end?: { year?: number; month?: number; day?: number };
}

// The strict English configuration (calendar formats only, none of the casual parsers: "now", "tonight"), cut
// to the parsers a window can need. Each chrono parser compiles its expressions on first use, and the month-name
// ones are large: a whole-process `marginalia analyze` spent a good part of its time compiling parsers for times
// and "within 3 days" that never read a calendar window. A numeric window ("29/11/2023") gets the numeric
// parsers, any other the month-name ones; a window neither reads falls back to the whole configuration, so the
// cut never loses a date chrono would find. Selection is by class name (esbuild keeps names for this), and a
// unit test checks every name still exists in the chrono-node version installed.
export const NUMERIC_PARSERS = ['ISOFormatParser', 'SlashDateFormatParser', 'ENSlashMonthFormatParser', 'ENYearMonthDayParser', 'ENWeekdayParser'];
export const NAMED_PARSERS = ['ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENWeekdayParser', 'ENYearMonthNameParser', 'ENYearMonthDayParser'];
const NUMERIC_WINDOW = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/;
const SLASHED_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;
const MEMO_LIMIT = 4096;
// Any fixed reference works: only the components chrono found in the text are used, never its implied ones.
const REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

/** The class names of the parsers of chrono's strict English configuration, for the test that guards the cut. */
export function strictParserNames(): string[] {
  return chronoModule().configuration.createConfiguration(true, false).parsers.map((p) => p.constructor.name);
}

/**
 * chrono's parsers, each built on first use (and compiling its expressions on first use), and what they read of
 * each window, up to a fixed number of windows. Its owner decides how long both are kept (see analysisCache.ts).
 */
export class CalendarReader {
  private readonly parsers = new Map<'numeric' | 'named' | 'all', Chrono>();
  private readonly memo = new Map<string, CalendarParse | undefined>();
  private readonly read = (window: string): CalendarParse | undefined => parseWindow(window, this);

  /** Parses the first calendar date chrono finds in `window`, or undefined. */
  parse(window: string): CalendarParse | undefined {
    return memoized(this.memo, window, this.read, MEMO_LIMIT);
  }

  /** Forgets the windows read (the parsers stay built), so a benchmark can measure chrono on text it has not seen. */
  clear(): void {
    this.memo.clear();
  }

  /** How many windows it holds, for the test of its bound. */
  get size(): number {
    return this.memo.size;
  }

  chrono(which: 'numeric' | 'named' | 'all'): Chrono {
    let parser = this.parsers.get(which);
    if (!parser) {
      const { Chrono, configuration } = chronoModule();
      const config = configuration.createConfiguration(true, false);
      if (which !== 'all') {
        const keep = new Set(which === 'numeric' ? NUMERIC_PARSERS : NAMED_PARSERS);
        config.parsers = config.parsers.filter((p) => keep.has(p.constructor.name));
      }
      parser = new Chrono(config);
      this.parsers.set(which, parser);
    }
    return parser;
  }
}

/**
 * chrono-node, loaded on first use: most analyses never hand it a window (the scan reads the common forms), and
 * its modules (their expressions and tables) cost a process that never needs them a good part of loading the
 * core. The bundlers resolve the call like an import.
 */
function chronoModule(): typeof ChronoEn {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('chrono-node/en') as typeof ChronoEn;
}

function parseWindow(window: string, reader: CalendarReader): CalendarParse | undefined {
  return slashedDay(window) ?? readWithChrono(window, reader);
}

/** The first calendar date chrono-node finds in `window` (its parsers for the window's kind, else all of them). */
export function readWithChrono(window: string, reader: CalendarReader): CalendarParse | undefined {
  let results = reader.chrono(NUMERIC_WINDOW.test(window) ? 'numeric' : 'named').parse(window, REFERENCE);
  if (results.length === 0) results = reader.chrono('all').parse(window, REFERENCE);
  let found: CalendarParse | undefined;
  const r = results[0];
  if (r) {
    const k = (c: string) => (r.start.isCertain(c as never) ? (r.start.get(c as never) ?? undefined) : undefined);
    found = { index: r.index, length: r.text.length, year: k('year'), month: k('month'), day: k('day'), weekday: k('weekday') };
    if (r.end) {
      const e = (c: string) => (r.end?.isCertain(c as never) ? (r.end.get(c as never) ?? undefined) : undefined);
      found.end = { year: e('year'), month: e('month'), day: e('day') };
    }
  }
  return found;
}

/**
 * "5/12/23", "31/12/1999": a window that is one slashed date, read as chrono's SlashDateFormatParser reads it
 * (month first, unless the first number is no month and the second is; a year under 100 is 1951-2050), when that
 * is a day the calendar has; undefined for any other window, which chrono reads. chrono is built for each
 * analysis that has no shared cache, at a cost above the rest of a short document's dates.
 */
function slashedDay(window: string): CalendarParse | undefined {
  const m = SLASHED_DAY.exec(window);
  if (m === null) return undefined;
  let month = Number(m[1]);
  let day = Number(m[2]);
  if (month > 12 && month <= 31 && day >= 1 && day <= 12) [month, day] = [day, month];
  const raw = Number(m[3]);
  const year = raw < 100 ? raw + (raw > 50 ? 1900 : 2000) : raw;
  if (!isValidDay(year, month, day)) return undefined;
  return { index: 0, length: window.length, year, month, day, weekday: undefined };
}
