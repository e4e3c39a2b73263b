/**
 * One pass over a block: a single regular expression finds the cheap trigger tokens (digits, month and
 * weekday names, today/yesterday/tomorrow, unit nouns, seasons, Q1-Q4, holidays) and each is handed to the rule for its
 * kind, which looks at a few characters around it. Text without triggers costs only the regex scan; chrono-node
 * sees only the short windows of dates with a day number.
 */
import type { Anchor } from './calendar';
import type { DateFinding, Scan } from './finding';
import { scanMonth, scanWeekday } from './namedRules';
import { scanDigits } from './numericRules';
import { scanCasualDay, scanQuarterCode, scanSeason, scanUnit } from './relativeRules';
import { expandPattern } from './expandPattern';
import { scanHoliday } from './holidays';
import { MONTH_PATTERN, WEEKDAY_PATTERN } from './vocabulary';
import * as triggerBits from '../blockTriggers';
import type { BlockTriggers } from '../blockTriggers';
import * as classes from '../../text/charClasses';

// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { isRegexWordChar } = classes;
const { DATE, DIGITS, HIDES_DIGITS } = triggerBits;

/**
 * The kinds of trigger word, in the order of the alternatives they once were in one expression with a capture
 * group each: a word that more than one pattern spells (none today) takes the first kind.
 */
const enum Kind {
  Month,
  Weekday,
  CasualDay,
  Unit,
  Season,
  QuarterCode,
  Holiday,
}
const KIND_PATTERNS: readonly [Kind, string][] = [
  [Kind.Month, MONTH_PATTERN],
  [Kind.Weekday, WEEKDAY_PATTERN],
  [Kind.CasualDay, '[Tt]oday|TODAY|[Yy]esterday|YESTERDAY|[Tt]omorrow|TOMORROW'],
  [Kind.Unit, '(?:week(?:end)?|month|year|quarter|decade|day)s?|century|centuries'],
  [Kind.Season, '[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter'],
  [Kind.QuarterCode, 'Q[1-4]'],
  [Kind.Holiday, 'Christmas|CHRISTMAS|Year|YEAR'],
];

/** Every trigger word as it may be written, with its kind. */
const KIND_OF = new Map<string, Kind>();
for (const [kind, pattern] of KIND_PATTERNS) for (const word of expandPattern(pattern)) if (!KIND_OF.has(word)) KIND_OF.set(word, kind);

/** Every date trigger word, for the shared trigger pass of a block (triggers.ts). */
export function dateTriggerWords(): Iterable<string> {
  return KIND_OF.keys();
}

/**
 * Digit runs, or trigger words as whole words: a flat alternation of the words, longest first and without capture
 * groups, scans about a sixth faster than the patterns with a group per kind, and finds the same matches (every
 * trigger word is letters and digits, so at most one can end at a word boundary; a word never starts with a digit).
 * The word's kind is then looked up.
 */
const TRIGGER = new RegExp(
  `\\d+|\\b(?:${[...KIND_OF.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|')})\\b`,
  'g',
);

/**
 * All date findings in `text`, in text order, without overlaps. With the block's `triggers` (triggers.ts), the
 * trigger expression runs only where the shared pass cannot tell what it would find.
 */
export function scanDates(text: string, anchor: Anchor | undefined, triggers?: BlockTriggers): DateFinding[] {
  const scan: Scan = { text, anchor, out: [] };
  if (triggers) scanEntries(scan, triggers);
  else scanText(scan);
  return withoutOverlaps(scan.out);
}

function scanText(scan: Scan): void {
  // One shared regex: scans never nest (rules look around with their own sticky expressions).
  const re = TRIGGER;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(scan.text)) !== null) {
    const end = m.index + m[0].length;
    re.lastIndex = Math.max(dispatch(scan, m.index, end, m[0]), end);
  }
}

/**
 * What `scanText` finds, read from the block's trigger entries: a digit run or a date word is a match of TRIGGER
 * as it stands. The expression itself runs from where the scan resumes when that is inside a word (a digit run
 * may go on there) and at a word of another kind holding digits (`\d+` finds them inside it).
 */
function scanEntries(scan: Scan, t: BlockTriggers): void {
  const { text } = scan;
  const { start, word, bits } = t;
  const n = start.length;
  const re = TRIGGER;
  let from = 0;
  let k = 0;
  for (;;) {
    let pos: number;
    let w: string;
    if (from > 0 && isRegexWordChar(text.charCodeAt(from - 1)) && isRegexWordChar(text.charCodeAt(from))) {
      re.lastIndex = from;
      const m = re.exec(text);
      if (m === null) return;
      pos = m.index;
      w = m[0];
    } else {
      while (k < n && ((start[k] as number) < from || ((bits[k] as number) & (DATE | DIGITS | HIDES_DIGITS)) === 0)) k++;
      if (k === n) return;
      if ((bits[k] as number) & HIDES_DIGITS) {
        re.lastIndex = start[k] as number;
        const m = re.exec(text);
        if (m === null) return;
        pos = m.index;
        w = m[0];
      } else {
        pos = start[k] as number;
        w = word[k] as string;
      }
    }
    const end = pos + w.length;
    from = Math.max(dispatch(scan, pos, end, w), end);
  }
}

/** Hands the trigger `word` at text[pos, end) to its rule; returns where the scan continues. */
function dispatch(scan: Scan, pos: number, end: number, word: string): number {
  const c = scan.text.charCodeAt(pos);
  if (c >= 48 && c <= 57) return scanDigits(scan, pos, end);
  const kind = KIND_OF.get(word);
  if (kind === Kind.Month) return scanMonth(scan, pos, end);
  if (kind === Kind.Weekday) return scanWeekday(scan, pos, end);
  if (kind === Kind.CasualDay) return scanCasualDay(scan, pos, end);
  if (kind === Kind.Unit) return scanUnit(scan, pos, end);
  if (kind === Kind.Season) return scanSeason(scan, pos, end);
  if (kind === Kind.QuarterCode) return scanQuarterCode(scan, pos, end);
  return scanHoliday(scan, pos, end);
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
