/**
 * A rough tense cue for the sentence around a date, used to pick the year of "December 17" or the week of
 * "Wednesday" relative to the document date: a past-tense report means the last such day on or before the
 * document date, a future one the next on or after it. Cheap word tests, no parsing: the cue nearest before
 * the date wins ("He told reporters on Dec. 5 that talks would resume next year" is past for Dec. 5), else
 * the first one after it.
 */
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { COLON, LEFT_DOUBLE_QUOTE, LINE_FEED, QUOTATION_MARK, RIGHT_DOUBLE_QUOTE, SEMICOLON } = codes;
const { isRegexSpace, isSentenceStop } = classes;

/** The direction a partial date most likely points in, or undefined when the sentence gives no cue. */
export type Tense = 'past' | 'future' | undefined;

/**
 * Future cues include the future in the past of reported plans ("said the talks would take place", "agreed to
 * meet", "was scheduled for"): what was planned lies after the report, so near its date it points forward.
 * Irregular past forms count as past like "-ed" ones. A clause that refers back to a plan ("as it was previously
 * scheduled") is skipped: its tense is the plan's, not the event's.
 */
const CUE =
  /\b(?:(as (?:it |they )?(?:was |were |had been )?(?:previously |originally |earlier |already )?(?:scheduled|planned|agreed|announced|expected))|(will|won['’]t|shall|would|going to|plans? to|planned for|intends? to|scheduled|expected to|expects? to|agreed to|upcoming|until|ahead of|due to|next)|(was|were|had|did|said|told|says|ago|last|previous|earlier|already|since|made|took|gave|held|began|came|went|met|sent|spoke|wrote|knew|became|brought|thought|fought|struck|broke|chose|drew|fell|flew|grew|sold|stood|kept|led|paid|heard|\w{3,}ed))\b|(['’]ll)\b/gi;
const WINDOW = 160;
/** The end of the clause after a date (module-level: a literal in the function is a new object per call). */
const CLAUSE_END = /[.?!](?:\s|$)|[\n:;"“”]/;

/** Tense cue of the sentence containing [start, end) in `text`. */
export function tenseAround(text: string, start: number, end: number): Tense {
  const from = clauseStart(text, Math.max(0, start - WINDOW), start);
  // One shared expression (runs complete here, and `exec` to null leaves `lastIndex` at 0): a copy per call
  // was an allocation and a lookup of the compiled code for every date whose year or week is inferred.
  const re = CUE;
  re.lastIndex = 0;
  let last: Tense;
  const head = text.slice(from, start);
  let m: RegExpExecArray | null;
  while ((m = re.exec(head)) !== null) if (m[1] === undefined) last = cueTense(m);
  if (last) return last;
  let to = Math.min(text.length, end + WINDOW);
  const after = text.slice(end, to);
  const eos = CLAUSE_END.exec(after);
  if (eos) to = end + eos.index;
  re.lastIndex = 0;
  const tail = text.slice(end, to);
  let found: Tense;
  while (found === undefined && (m = re.exec(tail)) !== null) if (m[1] === undefined) found = cueTense(m);
  re.lastIndex = 0;
  return found;
}

function cueTense(m: RegExpExecArray): Tense {
  return m[3] ? 'past' : 'future';
}

/**
 * The clause holding `start` starts after a sentence end (`[.?!]` and a space), a line break, a colon or
 * semicolon, or a quotation mark, the last one in text[from, start): in 'she said: "Not by the end of the month"'
 * the reporting verb's tense is not the date's. Read backwards from `start`, so only the clause is visited
 * (a forward regex scan of the whole window found the same last boundary).
 */
function clauseStart(text: string, from: number, start: number): number {
  for (let i = start - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === LINE_FEED || c === COLON || c === SEMICOLON || c === QUOTATION_MARK || c === LEFT_DOUBLE_QUOTE || c === RIGHT_DOUBLE_QUOTE) return i + 1;
    if (i > from && isSentenceStop(text.charCodeAt(i - 1)) && isRegexSpace(c)) return i + 1;
  }
  return from;
}
