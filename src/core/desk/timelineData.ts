/**
 * What the timeline shows, built from the workspace index without any editor: each date of the workspace (one
 * item per value, with every place it is mentioned) and the dated quotes (dated by their document; one item per
 * person and date, with every quote as a place: a thousand transcripts hold tens of thousands of quotes, more marks
 * than a picture can show or a page draw quickly), placed on a day axis, with the person and the treaties each is about for colouring and filtering. Values without a known
 * span (no year, not resolved) and quotes of undated documents are counted, not placed.
 */
import { firstWords } from '../index/quoteList';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { dateInWords } from '../model/dateWords';
import type { Messages } from '../ports/messages';
import { quotesWithTopics, treatiesAround, treatyPlaces, type PersonTopics, type TreatyPlace } from './quoteTopics';
import { daySpan } from './timeSpan';

export interface Place {
  uri: string;
  start: number;
  end: number;
}

export interface TimelineItem {
  /** Stable across builds of the same index: `d:<value>` or `q:<uri>#<start>`. */
  id: string;
  kind: 'date' | 'quote';
  /** The ISO value placed: the date's, or the quote's document date. */
  value: string;
  /** First and last day covered (days since 1970-01-01). */
  first: number;
  last: number;
  /** What a reader sees: the date in words, or the first quote's first words. */
  label: string;
  /**
   * Where the item is; a click goes to the first. A quote item holds its first quote; a date its first mention (in
   * the first document by name), or, narrowed to a treaty, its first mention in each document about the treaty.
   */
  places: Place[];
  /** How many mentions (of a date) or quotes the item stands for. */
  count: number;
  /** In how many documents. */
  documents: number;
  /** The speaker of a quote. */
  person?: { key: string; name: string };
  /** Treaties named in the paragraph of the quote, or of any of the date's places (keys). */
  treaties: string[];
}

export interface TimelineData {
  /** In time order (first day, then dates before quotes, then id). */
  items: TimelineItem[];
  /** The people and treaties the items name, by name: the legend and the treaty filter's choices. */
  people: Array<{ key: string; name: string }>;
  treaties: Array<{ key: string; name: string }>;
  /** Dates and quotes that could not be placed (no year, unresolved, undated document). */
  unplaced: number;
  /** The treaty the data was narrowed to, if any. */
  treaty?: string;
}

export interface TimelineOptions {
  /** Keep only items about this treaty (key). */
  treaty?: string;
  /** Quotes with their treaties, when the caller already has them (the Quotes view's list). */
  quotes?: readonly PersonTopics[];
  /** The dates' labels in the reader's language (the timeline panel passes `vscode.l10n`); English without. */
  l10n?: Messages;
}

/** The timeline of the workspace in `index`. */
export function buildTimeline(index: WorkspaceIndex, options: TimelineOptions = {}): TimelineData {
  // The treaties' places are read only where they are needed (a filter, or quotes to find the treaties of): reading
  // every treaty mention of a large workspace is a good part of the timeline's cost.
  let placesRead: Map<string, TreatyPlace[]> | undefined;
  const places = () => (placesRead ??= treatyPlaces(index));
  const people = options.quotes ?? quotesWithTopics(index, places());
  const items: TimelineItem[] = [];
  // The filter's choices: every treaty a quote is about, not only those left after filtering.
  const treatyKeys = new Set<string>();
  let unplaced = 0;
  const wanted = options.treaty;

  for (const date of index.entitiesOfKind('date')) {
    if (!date.id.startsWith('date:') || date.id.startsWith('date:~')) continue;
    const value = date.id.slice('date:'.length);
    const span = daySpan(value);
    if (!span) {
      unplaced++;
      continue;
    }
    const item: TimelineItem = { id: `d:${value}`, kind: 'date', value, first: span.first, last: span.last, label: dateInWords(value, undefined, options.l10n), places: [], count: 0, documents: 0, treaties: [] };
    if (wanted === undefined) {
      // Without a filter, the counts the index keeps and one mention: no copy of every mention (each a slice of
      // its document's text, which a closed document decodes for it).
      const usage = index.usage(date.id, 'date');
      let first: { uri: string; first: number } | undefined;
      for (const d of usage.documents) if (!first || d.uri < first.uri) first = d;
      const m = first && index.mention(first.uri, first.first);
      if (first && m) item.places.push({ uri: first.uri, start: m.start, end: m.end });
      item.count = usage.count;
      item.documents = usage.documents.length;
    } else {
      // Under a filter each mention's paragraph is read: only those about the treaty are kept.
      for (const ref of index.mentionsOf(date.id)) {
        if (ref.mention.kind !== 'date') continue;
        const place = { uri: ref.uri, start: ref.mention.start, end: ref.mention.end };
        const about = treatiesOf(index, places(), place);
        if (!about.includes(wanted)) continue;
        for (const t of about) if (!item.treaties.includes(t)) item.treaties.push(t);
        if (!item.places.some((p) => p.uri === place.uri)) {
          item.places.push(place);
          item.documents++;
        }
        item.count++;
      }
    }
    if (item.places.length > 0) items.push(item);
  }

  for (const person of people) {
    // A person's quotes are in time order: those of one date are neighbours.
    let item: TimelineItem | undefined;
    let lastUri = '';
    for (const q of person.quotes) {
      for (let i = 0; i < q.treaties.length; i++) treatyKeys.add(q.treaties[i] as string);
      if (wanted !== undefined && !q.treaties.includes(wanted)) continue;
      if (item && item.value === q.date) {
        // One person's quotes of one date: a document's are neighbours, so a new URI is a new document.
        if (lastUri !== q.uri) item.documents++;
        lastUri = q.uri;
        item.count++;
        for (let i = 0; i < q.treaties.length; i++) if (!item.treaties.includes(q.treaties[i] as string)) item.treaties.push(q.treaties[i] as string);
        continue;
      }
      const span = q.date === undefined ? undefined : daySpan(q.date);
      if (!span || q.date === undefined) {
        unplaced++;
        continue;
      }
      item = {
        id: `q:${person.key}@${q.date}`,
        kind: 'quote',
        value: q.date,
        first: span.first,
        last: span.last,
        label: leadWords(q.text),
        places: [{ uri: q.uri, start: q.start, end: q.end }],
        count: 1,
        documents: 1,
        person: { key: person.key, name: person.name },
        treaties: [...q.treaties],
      };
      lastUri = q.uri;
      items.push(item);
    }
  }

  items.sort((a, b) => a.first - b.first || (a.kind === b.kind ? 0 : a.kind === 'date' ? -1 : 1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byName = (a: { name: string; key: string }, b: { name: string; key: string }) => a.name.localeCompare(b.name) || (a.key < b.key ? -1 : 1);
  const personKeys = new Map<string, string>();
  for (const item of items) {
    if (item.person) personKeys.set(item.person.key, item.person.name);
    for (const t of item.treaties) treatyKeys.add(t);
  }
  return {
    items,
    people: [...personKeys].map(([key, name]) => ({ key, name })).sort(byName),
    treaties: [...treatyKeys].map((key) => ({ key, name: index.displayName(key) })).sort(byName),
    unplaced,
    ...(wanted !== undefined ? { treaty: wanted } : {}),
  };
}

/** A quote's first words as {@link firstWords} gives them, read from its start only (it may be a whole speech). */
function leadWords(text: string, words = 8): string {
  if (text.length <= 200) return firstWords(text, words);
  const head = text.slice(0, 200).trim().split(/\s+/, words + 1);
  return `${head.slice(0, words).join(' ')}\u2026`;
}

function treatiesOf(index: WorkspaceIndex, places: Map<string, TreatyPlace[]>, place: Place): string[] {
  const here = places.get(place.uri);
  const text = here && index.document(place.uri)?.text;
  return here && text ? treatiesAround(text, here, place.start, place.end) : [];
}
