/**
 * One pass over a block finds the cheap trigger tokens (digits, month and weekday names, today/yesterday/tomorrow,
 * unit nouns, seasons, Q1-Q4, holidays; in a document analyzer, together with the treaty trigger words and the
 * speech hits: see triggerTokens.ts) and each is handed to the rule for its kind, which looks at a few characters
 * around it. Text without triggers costs only that pass; chrono-node sees only the short windows of dates with a
 * day number.
 */
import type { Anchor } from './calendar';
import { CalendarReader } from './chronoAdapter';
import type { DateFinding, Scan } from './finding';
import { scanMonth, scanWeekday } from './namedRules';
import { scanDigits } from './numericRules';
import { scanCasualDay, scanQuarterCode, scanSeason, scanUnit } from './relativeRules';
import { expandPattern } from './expandPattern';
import { scanHoliday } from './holidays';
import { MONTH_PATTERN, WEEKDAY_PATTERN } from './vocabulary';
import * as triggers from '../triggerTokens';
import * as classes from '../../text/charClasses';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { isAsciiDigit } = classes;
const { DATE_KIND_MASK, DIGIT_RUN, TriggerTokens, triggerScanner } = triggers;

/**
 * The kinds of trigger word, as token flags (see recognizers/triggerTokens.ts; 1 is a digit run), in the order of
 * the alternatives they once were in one expression with a capture group each: a word that more than one pattern
 * spells (none today) takes the first kind.
 */
const MONTH = 2;
const WEEKDAY = 3;
const CASUAL_DAY = 4;
const UNIT = 5;
const SEASON = 6;
const QUARTER_CODE = 7;
const HOLIDAY = 8;
const KIND_PATTERNS: readonly [number, string][] = [
  [MONTH, MONTH_PATTERN],
  [WEEKDAY, WEEKDAY_PATTERN],
  [CASUAL_DAY, '[Tt]oday|TODAY|[Yy]esterday|YESTERDAY|[Tt]omorrow|TOMORROW'],
  [UNIT, '(?:week(?:end)?|month|year|quarter|decade|day)s?|century|centuries'],
  [SEASON, '[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter'],
  [QUARTER_CODE, 'Q[1-4]'],
  [HOLIDAY, 'Christmas|CHRISTMAS|Year|YEAR'],
];

/** Every trigger word as it may be written, with its kind. */
export const DATE_WORD_KINDS: ReadonlyMap<string, number> = (() => {
  const kinds = new Map<string, number>();
  for (const [kind, pattern] of KIND_PATTERNS) for (const word of expandPattern(pattern)) if (!kinds.has(word)) kinds.set(word, kind);
  return kinds;
})();

/**
 * Digit runs, or trigger words as whole words (every trigger word is letters and digits, so at most one can end at
 * a word boundary; a word never starts with a digit), each with its kind. A document analyzer reads the treaty
 * trigger words in the same pass.
 */
export const DATE_TRIGGERS = triggerScanner(DATE_WORD_KINDS);

/**
 * All date findings in `text`, in text order, without overlaps. `tokens` are the block's trigger tokens when the
 * caller has read them (with the date words and perhaps others); without, the text is read here. `calendar` reads
 * the windows chrono-node is needed for: the caller's, kept across blocks and documents, or one for this call.
 *
 * The rules are run on the tokens exactly where a left-to-right regex scan resuming after each rule's end would
 * have found them: a rule may end inside a token (or a word that is no date word may hold digits), and there the
 * scan would find only digit runs, which are read here from the characters.
 */
export function scanDates(
  text: string,
  anchor: Anchor | undefined,
  tokens = new TriggerTokens().read(text, DATE_TRIGGERS),
  calendar = new CalendarReader(),
): DateFinding[] {
  const scan: Scan = { text, anchor, out: [], calendar };
  const { count, starts, ends, flags } = tokens;
  let resume = 0;
  for (let k = 0; k < count; k++) {
    const end = ends[k] as number;
    if (end <= resume) continue;
    const pos = starts[k] as number;
    const kind = (flags[k] as number) & DATE_KIND_MASK;
    if (pos < resume || kind === 0) {
      resume = digitRunsWithin(scan, pos < resume ? resume : pos + 1, end);
      continue;
    }
    let next: number;
    if (kind === DIGIT_RUN) next = scanDigits(scan, pos, end);
    else if (kind === MONTH) next = scanMonth(scan, pos, end);
    else if (kind === WEEKDAY) next = scanWeekday(scan, pos, end);
    else if (kind === CASUAL_DAY) next = scanCasualDay(scan, pos, end);
    else if (kind === UNIT) next = scanUnit(scan, pos, end);
    else if (kind === SEASON) next = scanSeason(scan, pos, end);
    else if (kind === QUARTER_CODE) next = scanQuarterCode(scan, pos, end);
    else next = scanHoliday(scan, pos, end);
    resume = Math.max(next, end);
  }
  return withoutOverlaps(scan.out);
}

/**
 * The digit runs from `from` to `end`, inside one token, each handed to `scanDigits` as the regex scan resuming
 * there would have found them; returns where the scan resumes.
 */
function digitRunsWithin(scan: Scan, from: number, end: number): number {
  const { text } = scan;
  let i = from;
  while (i < end) {
    if (!isAsciiDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let runEnd = i + 1;
    while (runEnd < end && isAsciiDigit(text.charCodeAt(runEnd))) runEnd++;
    i = Math.max(scanDigits(scan, i, runEnd), runEnd);
  }
  return i;
}

/** Rules run left to right, but a look-behind (a modifier, "the day before") may reach back over a finding. */
function withoutOverlaps(found: DateFinding[]): DateFinding[] {
  if (found.length < 2) return found;
  // Usually already in order (a stable sort would leave it as it is): check before sorting.
  if (!inOrder(found)) found.sort(byStartThenLongest);
  const kept: DateFinding[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) {
      if (f.end - f.start > last.end - last.start) kept[kept.length - 1] = f;
      continue;
    }
    kept.push(f);
  }
  return kept;
}

function byStartThenLongest(a: DateFinding, b: DateFinding): number {
  return a.start - b.start || b.end - a.end;
}

function inOrder(found: DateFinding[]): boolean {
  for (let i = 1; i < found.length; i++) if (byStartThenLongest(found[i - 1] as DateFinding, found[i] as DateFinding) > 0) return false;
  return true;
}
