/**
 * A rough tense cue for the sentence around a date, used to pick the year of "December 17" or the week of
 * "Wednesday" relative to the document date: a past-tense report means the last such day on or before the
 * document date, a future one the next on or after it. Cheap word tests, no parsing: the cue nearest before
 * the date wins ("He told reporters on Dec. 5 that talks would resume next year" is past for Dec. 5), else
 * the first one after it.
 */

/** The direction a partial date most likely points in, or undefined when the sentence gives no cue. */
export type Tense = 'past' | 'future' | undefined;

const CUE =
  /\b(?:(will|won['’]t|shall|going to|plans? to|planned for|intends? to|scheduled|expected to|expects? to|upcoming|until|ahead of|due to|next)|(was|were|had|did|said|told|says|ago|last|previous|earlier|already|since|\w{3,}ed))\b|(['’]ll)\b/gi;
const WINDOW = 160;

/** Tense cue of the sentence containing [start, end) in `text`. */
export function tenseAround(text: string, start: number, end: number): Tense {
  let from = Math.max(0, start - WINDOW);
  const before = text.slice(from, start);
  // The clause starts after a sentence end, a line break, a colon or semicolon, or a quotation mark: in
  // 'she said: "Not by the end of the month"' the reporting verb's tense is not the date's.
  const boundary = /[.?!]\s|[\n:;"“”]/g;
  let stop = -1;
  let b: RegExpExecArray | null;
  while ((b = boundary.exec(before)) !== null) stop = b.index + b[0].length - 1;
  if (stop >= 0) from += stop + 1;
  let last: Tense;
  const re = new RegExp(CUE);
  const head = text.slice(from, start);
  let m: RegExpExecArray | null;
  while ((m = re.exec(head)) !== null) last = m[2] ? 'past' : 'future';
  if (last) return last;
  let to = Math.min(text.length, end + WINDOW);
  const after = text.slice(end, to);
  const eos = /[.?!](?:\s|$)|[\n:;"“”]/.exec(after);
  if (eos) to = end + eos.index;
  re.lastIndex = 0;
  m = re.exec(text.slice(end, to));
  return m ? (m[2] ? 'past' : 'future') : undefined;
}
