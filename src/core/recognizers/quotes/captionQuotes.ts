/**
 * Pull quotes and their captions: the quotation a caption line or name closes (the speaker recogniser's
 * `quote-caption` and `quote-attribution` rules), and the quotation a dash and a name follow (`quote-dash`).
 */
import type { Mention } from '../../model/mention';
import type { Candidate } from './blockQuotes';
import type { QuotedBlock } from './quoteMarks';
import { skipSpace, skipSpaceBack } from './words';

/** The pull quote a caption line or name closes: the block's text before it, without its quotation marks. */
export function caption(block: string, from: number, to: number, nameAt: number, out: Candidate[]): void {
  if (to <= from) return;
  let start = skipSpace(block, from, to);
  let end = skipSpaceBack(block, to, start);
  while (start < end && /["“”«»„\s*_]/.test(block[start] as string)) start++;
  while (end > start && /["“”«»„\s*_—–-]/.test(block[end - 1] as string)) end--;
  if (end - start > 3) out.push({ start, end, rule: 'caption', subject: { kind: 'name', at: nameAt } });
}

/** `"…" — Peres, on history`: the quotation a dash and the speaker's name follow (a pull quote's caption). */
export function dashCaption(block: string, q: QuotedBlock, m: Mention, out: Candidate[]): void {
  let j = skipSpaceBack(block, m.start) - 1;
  while (j > 0 && /[—–]/.test(block[j] as string)) j = skipSpaceBack(block, j) - 1;
  const pair = q.closing(j);
  if (!pair) return;
  const start = skipSpace(block, pair.open + 1, pair.close);
  const end = skipSpaceBack(block, pair.close, start);
  if (end - start > 3) out.push({ start, end, rule: 'caption', subject: { kind: 'name', at: m.start } });
}
