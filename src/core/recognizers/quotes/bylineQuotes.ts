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

/** The body of a bylined statement as quotes of its author, or none. */
export function bylineQuotes(text: string, people: readonly Entity[], newPeople: Entity[]): ResolvedQuote[] {
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
    if (!m) continue;
    const next = lines[k + 1];
    const role = m[2] ?? (next ? text.slice(next.start, next.end) : '');
    if (!ROLE_LINE.test(role)) continue;
    const bodyStart = firstProse(text, lines, k + 1);
    if (bodyStart < 0 || !FIRST_PERSON.test(text.slice(bodyStart, bodyStart + 600))) return [];
    const who = personNamed(m[1] as string, people, newPeople);
    return bodySpans(text, bodyStart).map(([start, end]) => ({ start, end, rule: 'byline', speakerId: who.id, speaker: who.name }));
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

/** The body from `start` to the end of the text, in spans between paragraphs that are only a question. */
function bodySpans(text: string, start: number): [number, number][] {
  const spans: [number, number][] = [];
  let from = start;
  let at = start;
  while (at < text.length) {
    let end = text.indexOf('\n\n', at);
    if (end < 0) end = text.length;
    const para = text.slice(at, end).trim();
    if (para !== '' && para.indexOf('\n') < 0 && para.endsWith('?') && para.length < 200) {
      if (at > from) spans.push([from, at]);
      from = end;
    }
    at = end + 2;
  }
  if (from < text.length) spans.push([from, text.length]);
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
