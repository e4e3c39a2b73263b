/**
 * A rough tense cue for the sentence around a date, used to pick the year of "December 17" or the week of
 * "Wednesday" relative to the document date: a past-tense report means the last such day on or before the
 * document date, a future one the next on or after it. Cheap word tests, no parsing.
 */

/** The direction a partial date most likely points in, or undefined when the sentence gives no cue. */
export type Tense = 'past' | 'future' | undefined;

const FUTURE = /\b(?:will|won['’]t|shall|going to|plans? to|planned for|intends? to|scheduled|expected to|expects? to|upcoming|until|ahead of|due to|next)\b|['’]ll\b/i;
const PAST = /\b(?:was|were|had|did|said|told|says|ago|last|previous|earlier|already|since|\w{3,}ed)\b/i;
const WINDOW = 160;

/** Tense cue of the sentence containing [start, end) in `text`. Future cues win: reported plans say "said ... will". */
export function tenseAround(text: string, start: number, end: number): Tense {
  let from = Math.max(0, start - WINDOW);
  const before = text.slice(from, start);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '), before.lastIndexOf('\n'));
  if (stop >= 0) from += stop + 1;
  let to = Math.min(text.length, end + WINDOW);
  const after = text.slice(end, to);
  const m = /[.?!](?:\s|$)|\n/.exec(after);
  if (m) to = end + m.index;
  const sentence = text.slice(from, start) + ' ' + text.slice(end, to);
  if (FUTURE.test(sentence)) return 'future';
  if (PAST.test(sentence)) return 'past';
  return undefined;
}
