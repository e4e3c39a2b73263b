/**
 * Statements published under their speaker's byline (a UN or State Department statement, remarks "as prepared"):
 * a header naming a person on a line of its own, then their role, place and date on the lines after, and a body
 * in the first person. The body is the named person's words: one quote to the end of the text, cut around
 * paragraphs that are only a question (an "Ask the Under Secretary" page answers questions it prints unattributed).
 */
import type { Entity } from '../../model/entity';
import { personNamed, type ResolvedQuote } from './turnQuotes';
import { skipSpace, skipSpaceBack } from './words';

/** How far into a text its header may run. */
const HEADER_LINES = 14;

/** Words of the role line under a byline: what tells a statement's author from a journalist's byline. */
const ROLE_LINE = /\b(?:Secretary|Ambassador|Representative|Minister|Spokesperson|Spokesman|Spokeswoman|Director|President|Deputy|Assistant|Envoy|Adviser|Advisor|Chairman|Chair|Counselor|Counsellor|Permanent|Coordinator|Chief|Commissioner|Administrator)\b/;
const NAME_LINE = /^(?:(?:Ambassador|Secretary|Minister|Senator|Dr\.|Mr\.|Ms\.|Mrs\.|General|Admiral)\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+)){1,3})(?:,\s*([^\n]*?))?:?$/u;
const FIRST_PERSON = /(?:^|[\s“"])(?:I|We|we|my|our|Thank you|thank you)\b/;

/** A header line that names an office, not a person (`The White House`, `Office of the Spokesperson`). */
const OFFICE = /^(?:The|Office|Department|Ministry|Mission|Bureau|Embassy|Permanent|United|U\.S\.)\b|\b(?:House|Office|Department|Ministry|Mission|Bureau|Embassy|Nations|Council|Committee|Press|Room)$/;

/**
 * The body of a bylined statement as quotes of its author, or none. Remarks are often followed by questions and
 * answers: the body ends where the first turn (`turnsFrom`, its line start) begins.
 */
export function bylineQuotes(text: string, people: readonly Entity[], newPeople: Entity[], turnsFrom: () => number = () => text.length): ResolvedQuote[] {
  const lines: { start: number; end: number }[] = [];
  for (let at = 0; lines.length < HEADER_LINES && at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    lines.push({ start: at, end });
    at = end + 1;
  }
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as { start: number; end: number };
    const m = NAME_LINE.exec(text.slice(line.start, line.end).trim());
    if (!m || OFFICE.test(m[1] as string)) continue;
    // The role line may follow after a blank line.
    const next = lines.slice(k + 1).find((l) => text.slice(l.start, l.end).trim() !== '');
    const role = m[2] ?? (next ? text.slice(next.start, next.end) : '');
    if (!ROLE_LINE.test(role)) continue;
    const bodyStart = firstProse(text, lines, k + 1);
    const bodyEnd = bodyStart < 0 ? bodyStart : turnsFrom();
    if (bodyEnd <= bodyStart || !FIRST_PERSON.test(text.slice(bodyStart, Math.min(bodyEnd, bodyStart + 600)))) return [];
    const who = personNamed(m[1] as string, people, newPeople);
    return bodySpans(text, bodyStart, bodyEnd).map(([start, end]) => ({ start, end, rule: 'byline', speakerId: who.id, speaker: who.name }));
  }
  return [];
}

/** Where the body starts: the first paragraph after the header that reads as prose (not a note like "As prepared"). */
function firstProse(text: string, lines: readonly { start: number; end: number }[], from: number): number {
  let blank = false;
  for (let k = from; k < lines.length; k++) {
    const { start, end } = lines[k] as { start: number; end: number };
    const line = text.slice(start, end).trim();
    if (line === '') {
      blank = true;
      continue;
    }
    if (blank && line.split(/\s+/).length >= 5) return skipSpace(text, start);
  }
  return -1;
}

/** The body from `start` to `limit`, in spans between paragraphs that are only a question. */
function bodySpans(text: string, start: number, limit: number): [number, number][] {
  const spans: [number, number][] = [];
  let from = start;
  let at = start;
  while (at < limit) {
    let end = text.indexOf('\n\n', at);
    if (end < 0 || end > limit) end = limit;
    const para = text.slice(at, end).trim();
    if (para !== '' && para.indexOf('\n') < 0 && para.endsWith('?') && para.length < 200) {
      if (at > from) spans.push([from, at]);
      from = end;
    }
    at = end + 2;
  }
  if (from < limit) spans.push([from, limit]);
  return spans
    .map(([s, e]): [number, number] => {
      let a = skipSpace(text, s, e);
      let b = skipSpaceBack(text, e, a);
      // A statement printed inside quotation marks: the words without them.
      if (/["“]/.test(text[a] ?? '') && /["”]/.test(text[b - 1] ?? '')) {
        a++;
        b--;
      }
      return [a, b];
    })
    .filter(([s, e]) => e - s > 2);
}
