/**
 * Date recognition for one block (a paragraph): every date expression of the annotation guidelines, absolute
 * and relative, normalised to ISO 8601 / TIMEX3 values. How the pieces fit:
 * - scanner.ts finds trigger tokens with one regex and dispatches them to the rules
 *   (numericRules, namedRules, relativeRules; calendarDates hands day-bearing windows to chrono-node);
 * - resolve.ts pins partial and relative dates to the document date, using tense.ts for the direction;
 * - documentDate.ts finds the document's own date in its header.
 *
 * Value conventions: `2022-12-01`, `2022-12`, `2022`, `2022-W49`, `2022-W49-WE`, `2013-Q1`, `2013-SU`, `198`
 * (the 1980s), `19` (the 20th century), intervals `2007-03-08/2007-03-09`. What the text and document date do
 * not pin down keeps X placeholders (`XXXX-12-22`, `XXXX-WXX-3` for a weekday) or a TIMEX3 reference
 * (`PAST_REF`, `PRESENT_REF`, `FUTURE_REF`) and has `resolution: 'unresolved'`; every mention has a value.
 */
import type { Mention } from '../../model/mention';
import type { BlockContext, DocumentDate } from '../context';
import { blockTriggers } from '../blockTriggers';
import { stateOf } from '../recognizerState';
import type { CalendarReader } from './chronoAdapter';
import { findDocumentDate } from './documentDate';
import type { DateFinding } from './finding';
import { scanDates } from './scanner';

/**
 * The date mentions of one block, offsets relative to the block, added to `out` when given (the block's other
 * mentions: no second array and no concatenation) and returned. Relative dates resolve against
 * `ctx.documentDate` when there is one. Attributes: `precision`, `resolution` (absolute | relative |
 * unresolved), `anchor` (the reference used for relative ones: the document date, or the earlier date of the block
 * "the day before" counts from), `rule`, and `mod` (START, MID, END,
 * FIRST_HALF, SECOND_HALF) for a part of a period.
 */
export function recognizeDates(block: string, ctx: BlockContext, out: Mention[] = []): Mention[] {
  const state = stateOf(ctx);
  const tokens = blockTriggers(block, ctx.lexicon, state);
  if (tokens.dateCount === 0) return out;
  const anchor = state.dates.anchorOf(ctx.documentDate?.value);
  for (const f of scanDates(block, anchor, tokens, state.cache.calendar)) {
    const attributes = dateAttributes(f, f.anchor ?? (f.resolution === 'relative' && anchor ? anchor.value : undefined));
    out.push({ kind: 'date', start: f.start, end: f.end, text: block.slice(f.start, f.end), value: f.value, attributes, source: 'auto' });
  }
  return out;
}

/**
 * A date mention's attributes, a literal for each set of keys (in the order they are listed): a key added to an
 * object after it is made moves it to another hidden class through the runtime.
 */
function dateAttributes(f: DateFinding, anchor: string | undefined): Record<string, string> {
  const { precision, resolution, rule, mod } = f;
  if (anchor) return mod ? { precision, resolution, rule, anchor, mod } : { precision, resolution, rule, anchor };
  return mod ? { precision, resolution, rule, mod } : { precision, resolution, rule };
}

/**
 * The document's own date from a dateline or header near the start ("12:55 - 29/11/2023", "Moscow. December
 * 22nd.", "Published: January 21, 2021", an ISO date on its own line). A month and day without a year give
 * `XXXX-MM-DD`: day arithmetic still works against it ("yesterday"), year-dependent resolution does not.
 */
export function detectDocumentDate(text: string, calendar?: CalendarReader): DocumentDate | undefined {
  return findDocumentDate(text, calendar);
}
