/**
 * What a date rule produces before it becomes a Mention: the span, the normalised value and how it was
 * obtained, plus the scan state rules share.
 */
import type { DatePrecision } from '../../model/mention';
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
import type { Anchor } from './calendar';
import type { CalendarReader } from './chronoAdapter';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { HYPHEN_MINUS } = codes;
const { isAsciiLetter, isAsciiWordPart, isPlainSpace, isRegexSpace } = classes;

/** How the value was obtained: read from the text, computed from the document date, or not pinned down. */
export type Resolution = 'absolute' | 'relative' | 'unresolved';

/** TIMEX3-style modifier for part of a period ("early December" START, "the end of the month" END). */
export type PeriodMod = 'START' | 'MID' | 'END' | 'FIRST_HALF' | 'SECOND_HALF';

export interface DateFinding {
  start: number;
  end: number;
  /** ISO 8601 / TIMEX3 value; X placeholders or PAST_REF/PRESENT_REF/FUTURE_REF when not pinned down. */
  value: string;
  precision: DatePrecision;
  resolution: Resolution;
  /** Short rule name, kept as an attribute so a wrong result can be traced to its rule. */
  rule: string;
  mod: PeriodMod | undefined;
  /** The reference used when it is not the document date (an earlier date in the block: "the day before"). */
  anchor: string | undefined;
}

/**
 * A finding. Every finding is made here, with the same keys in the same order (`mod` and `anchor` undefined when
 * it has none): the rules, the overlap check and the mention copy then read findings of one hidden class, where
 * findings of several shapes (a key given to some, or added after) made their optimised code deoptimise, and be
 * compiled again, on the first finding of a rarer shape.
 */
export function dateFinding(
  start: number,
  end: number,
  value: string,
  precision: DatePrecision,
  resolution: Resolution,
  rule: string,
  mod?: PeriodMod,
  anchor?: string,
): DateFinding {
  return { start, end, value, precision, resolution, rule, mod, anchor };
}

/** The state one scan of a block shares between rules. */
export interface Scan {
  text: string;
  anchor: Anchor | undefined;
  out: DateFinding[];
  /** Reads the windows the rules hand to chrono-node, remembering what it read. */
  calendar: CalendarReader;
}

/** Runs `re` (which must end in `$`) on the `span` characters before `pos`; returns the match and its start. */
export function lookBehind(text: string, pos: number, re: RegExp, span = 48): { m: RegExpExecArray; start: number } | undefined {
  const from = Math.max(0, pos - span);
  const m = re.exec(text.slice(from, pos));
  return m ? { m, start: from + m.index } : undefined;
}

/**
 * `lookBehind` for an expression that ends in one of a few words and then whitespace (`\b(?:last|next)\s+$`; with
 * `dashes`, `[\s-]+$`). Such an expression can only match when the run of ASCII letters before that trailing
 * whitespace (lower-cased, within the same `span`) is one of `words`: that is checked first, so most calls cost a
 * few character reads instead of a slice and a regex tried at every position of it.
 */
export function lookBehindWord(
  text: string,
  pos: number,
  re: RegExp,
  words: ReadonlySet<string>,
  dashes = false,
): { m: RegExpExecArray; start: number } | undefined {
  const from = Math.max(0, pos - 48);
  let end = pos;
  while (end > from && (isRegexSpace(text.charCodeAt(end - 1)) || (dashes && text.charCodeAt(end - 1) === HYPHEN_MINUS))) end--;
  if (end === pos) return undefined;
  let start = end;
  while (start > from && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  if (start === end || !words.has(text.slice(start, end).toLowerCase())) return undefined;
  return lookBehind(text, pos, re);
}

/** Runs the sticky regular expression `re` at `pos`. */
export function lookAhead(text: string, pos: number, re: RegExp): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/**
 * The word (letters, dots, apostrophes, hyphens) ending right before `pos` after optional spaces, lower-cased.
 * A manual scan: it runs for most digits in a text, where a slice and a regular expression would cost more.
 */
export function wordBefore(text: string, pos: number): string {
  let end = pos;
  while (end > 0 && isPlainSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && end - start < 24 && isAsciiWordPart(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end).toLowerCase();
}
