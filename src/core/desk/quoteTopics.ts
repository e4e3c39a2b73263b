/**
 * Which treaties a quote is about, for the Quotes view's treaty filter, the speaker x treaty view, the timeline
 * and the report. A quote is about a treaty when the treaty is named in the paragraph the quote stands in (the
 * text between blank lines around it, every such paragraph when the quote runs over several): the quote itself,
 * its attribution and the words around it, but not the rest of a long article, whose treaties the speaker may
 * never have talked about.
 */
import { quotesByPerson, type PersonQuotes, type QuoteItem } from '../index/quoteList';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { inDayRange, type DaySpan } from './timeSpan';

/** A treaty named at a place of a document. */
export interface TreatyPlace {
  key: string;
  start: number;
  end: number;
}

/** A quote with the treaties its paragraph names (keys, in order of first mention). */
export interface TopicQuote extends QuoteItem {
  treaties: readonly string[];
}

export interface PersonTopics extends PersonQuotes {
  quotes: TopicQuote[];
}

/** [start, end) of the paragraphs holding text[start, end): out to the blank lines (or the text's ends) around. */
export function paragraphBounds(text: string, start: number, end: number): [number, number] {
  let from = start;
  for (;;) {
    const nl = text.lastIndexOf('\n', from - 1);
    if (nl < 0) {
      from = 0;
      break;
    }
    const prev = text.lastIndexOf('\n', nl - 1);
    if (isBlank(text, prev + 1, nl)) {
      from = nl + 1;
      break;
    }
    from = nl;
  }
  let to = end;
  for (;;) {
    const nl = text.indexOf('\n', to);
    if (nl < 0) {
      to = text.length;
      break;
    }
    const next = text.indexOf('\n', nl + 1);
    if (isBlank(text, nl + 1, next < 0 ? text.length : next)) {
      to = nl;
      break;
    }
    to = nl + 1;
  }
  return [from, to];
}

/**
 * Whether text[from, to) is only white space, as `trim()` would leave it empty: read in place, since making a
 * string of every line looked at was a good part of finding the paragraphs of forty thousand quotes.
 */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128 || !WHITE_SPACE.test(text[i] as string)) return false;
  }
  return true;
}

const WHITE_SPACE = /\s/;

/** The treaties named in the paragraphs around text[start, end), by key, in order of first mention, once each. */
export function treatiesAround(text: string, places: readonly TreatyPlace[], start: number, end: number): string[] {
  if (places.length === 0) return [];
  const [from, to] = paragraphBounds(text, start, end);
  const out: string[] = [];
  for (const p of places) if (p.start >= from && p.end <= to && !out.includes(p.key)) out.push(p.key);
  return out;
}

/** Every treaty mention of the workspace, by document, in text order. */
export function treatyPlaces(index: WorkspaceIndex): Map<string, TreatyPlace[]> {
  const byUri = new Map<string, TreatyPlace[]>();
  for (const treaty of index.entitiesOfKind('treaty')) {
    for (const ref of index.mentionsOf(treaty.id)) {
      if (ref.mention.kind !== 'treaty') continue;
      let list = byUri.get(ref.uri);
      if (!list) byUri.set(ref.uri, (list = []));
      list.push({ key: treaty.id, start: ref.mention.start, end: ref.mention.end });
    }
  }
  for (const list of byUri.values()) list.sort((a, b) => a.start - b.start);
  return byUri;
}

/** Every person's quotes (see {@link quotesByPerson}), each with the treaties it is about. */
export function quotesWithTopics(index: WorkspaceIndex, places: Map<string, TreatyPlace[]> = treatyPlaces(index)): PersonTopics[] {
  return quotesByPerson(index).map((person) => ({
    ...person,
    quotes: person.quotes.map((q) => {
      const here = places.get(q.uri);
      const text = here ? index.document(q.uri)?.text : undefined;
      // Field by field, not `{ ...q, treaties }`: V8 copies a spread with an added property slowly, and the
      // objects it makes are slower to read in the timeline's pass over every quote.
      return { uri: q.uri, start: q.start, end: q.end, text: q.text, date: q.date, treaties: text && here ? treatiesAround(text, here, q.start, q.end) : [] };
    }),
  }));
}

/** What the Quotes view is narrowed to, besides a person: a treaty (key) and a range of days. */
export interface TopicFilter {
  treaty?: string;
  range?: DaySpan;
}

/** The people and quotes a filter keeps: a quote about the treaty, dated (by its document) within the range. */
export function filterTopics(people: readonly PersonTopics[], filter: TopicFilter): PersonTopics[] {
  const { treaty, range } = filter;
  if (treaty === undefined && range === undefined) return [...people];
  const out: PersonTopics[] = [];
  for (const person of people) {
    const quotes = person.quotes.filter((q) => (treaty === undefined || q.treaties.includes(treaty)) && (range === undefined || inDayRange(q.date, range)));
    if (quotes.length > 0) out.push({ ...person, quotes });
  }
  return out;
}

/** One cell of the speaker x treaty table: a person's quotes about one treaty. */
export interface TopicCell {
  treaty: string;
  quotes: TopicQuote[];
}

/** A person and the treaties they spoke about, most quotes first (then by key), with the quotes behind each. */
export interface SpeakerTopics {
  key: string;
  name: string;
  cells: TopicCell[];
}

/**
 * Who spoke about which treaty: every person with at least one quote about a treaty, by name; a quote about two
 * treaties counts in both cells.
 */
export function speakerTreatyTable(people: readonly PersonTopics[]): SpeakerTopics[] {
  const out: SpeakerTopics[] = [];
  for (const person of people) {
    const cells = new Map<string, TopicQuote[]>();
    for (const q of person.quotes) {
      for (const t of q.treaties) {
        let list = cells.get(t);
        if (!list) cells.set(t, (list = []));
        list.push(q);
      }
    }
    if (cells.size === 0) continue;
    const sorted = [...cells].map(([treaty, quotes]) => ({ treaty, quotes })).sort((a, b) => b.quotes.length - a.quotes.length || (a.treaty < b.treaty ? -1 : a.treaty > b.treaty ? 1 : 0));
    out.push({ key: person.key, name: person.name, cells: sorted });
  }
  return out;
}
