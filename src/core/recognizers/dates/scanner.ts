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

/** All date findings in `text`, in text order, without overlaps. */
export function scanDates(text: string, anchor: Anchor | undefined): DateFinding[] {
  const scan: Scan = { text, anchor, out: [] };
  // One shared regex: scans never nest (rules look around with their own sticky expressions).
  const re = TRIGGER;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const pos = m.index;
    const end = pos + m[0].length;
    const c = text.charCodeAt(pos);
    let next: number;
    if (c >= 48 && c <= 57) next = scanDigits(scan, pos, end);
    else {
      const kind = KIND_OF.get(m[0]);
      if (kind === Kind.Month) next = scanMonth(scan, pos, end);
      else if (kind === Kind.Weekday) next = scanWeekday(scan, pos, end);
      else if (kind === Kind.CasualDay) next = scanCasualDay(scan, pos, end);
      else if (kind === Kind.Unit) next = scanUnit(scan, pos, end);
      else if (kind === Kind.Season) next = scanSeason(scan, pos, end);
      else if (kind === Kind.QuarterCode) next = scanQuarterCode(scan, pos, end);
      else next = scanHoliday(scan, pos, end);
    }
    re.lastIndex = Math.max(next, end);
  }
  return withoutOverlaps(scan.out);
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
