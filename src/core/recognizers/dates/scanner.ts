/**
 * One pass over a block: a single combined regular expression finds the cheap trigger tokens (digits, month and
 * weekday names, today/yesterday/tomorrow, unit nouns, seasons, Q1-Q4) and each is handed to the rule for its
 * kind, which looks at a few characters around it. Text without triggers costs only the regex scan; chrono-node
 * sees only the short windows of dates with a day number.
 */
import type { Anchor } from './calendar';
import type { DateFinding, Scan } from './finding';
import { scanMonth, scanWeekday } from './namedRules';
import { scanDigits } from './numericRules';
import { scanCasualDay, scanQuarterCode, scanSeason, scanUnit } from './relativeRules';
import { MONTH_PATTERN, WEEKDAY_PATTERN } from './vocabulary';

const TRIGGER = new RegExp(
  `(\\d+)|\\b(?:(${MONTH_PATTERN})|(${WEEKDAY_PATTERN})|([Tt]oday|TODAY|[Yy]esterday|YESTERDAY|[Tt]omorrow|TOMORROW)` +
    `|((?:week(?:end)?|month|year|quarter|decade|day)s?|century|centuries)|([Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)|(Q[1-4]))\\b`,
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
    let next: number;
    if (m[1] !== undefined) next = scanDigits(scan, pos, end);
    else if (m[2] !== undefined) next = scanMonth(scan, pos, end);
    else if (m[3] !== undefined) next = scanWeekday(scan, pos, end);
    else if (m[4] !== undefined) next = scanCasualDay(scan, pos, end);
    else if (m[5] !== undefined) next = scanUnit(scan, pos, end);
    else if (m[6] !== undefined) next = scanSeason(scan, pos, end);
    else next = scanQuarterCode(scan, pos, end);
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
