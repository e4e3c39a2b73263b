/**
 * The quotes of the whole workspace by person, for the Quotes view: each person (one across documents, as the
 * index groups a person's ids) with every quote the analysis attributed to them, in time order: by the date of
 * the document, then by position in it; documents without a date come last (by name).
 */
import { compareDatesInTime } from '../model/datePeriods';
import { entityKey, type WorkspaceIndex } from './workspaceIndex';

/** One quote of a person: where it is, its text and its document's date (ISO), if the document has one. */
export interface QuoteItem {
  uri: string;
  start: number;
  end: number;
  text: string;
  date: string | undefined;
}

/** A person and their quotes, in time order. */
export interface PersonQuotes {
  /** The person's key across the workspace (see {@link WorkspaceIndex.canonicalKey}). */
  key: string;
  name: string;
  /** The person's other names, for a filter by name. */
  aliases: readonly string[];
  quotes: QuoteItem[];
}

/** Every person who has quotes, by name, each with their quotes in time order. */
export function quotesByPerson(index: WorkspaceIndex): PersonQuotes[] {
  const people = new Map<string, QuoteItem[]>();
  for (const uri of index.uris()) {
    const doc = index.document(uri);
    if (!doc) continue;
    const date = doc.documentDate?.value;
    for (const q of doc.layered) {
      if (q.kind !== 'quote' || q.entityId === undefined) continue;
      const key = index.canonicalKey(entityKey(q));
      let list = people.get(key);
      if (!list) people.set(key, (list = []));
      list.push({ uri, start: q.start, end: q.end, text: q.text, date });
    }
  }
  const out: PersonQuotes[] = [];
  for (const [key, quotes] of people) {
    quotes.sort(inTimeOrder);
    out.push({ key, name: index.displayName(key), aliases: index.entity(key)?.aliases ?? [], quotes });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** By document date (undated last), then document, then position. */
function inTimeOrder(a: QuoteItem, b: QuoteItem): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    const byDate = compareDatesInTime(a.date, b.date);
    if (byDate !== 0) return byDate;
  }
  return (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) || a.start - b.start;
}

/** Whether a person's name or one of their aliases contains `text` (lower case); '' keeps everyone. */
export function matchesPerson(person: PersonQuotes, text: string): boolean {
  if (!text) return true;
  return person.name.toLowerCase().includes(text) || person.aliases.some((a) => a.toLowerCase().includes(text));
}

/** The first `words` words of a quote on one line, with an ellipsis when there are more. */
export function firstWords(text: string, words = 8): string {
  const all = text.replace(/\s+/g, ' ').trim().split(' ');
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')}\u2026`;
}
