/**
 * What both reports (Markdown and HTML) say about quotes, built once from the export's documents: every quote
 * with its speaker, date, place and the treaties its paragraph names (the same rule as the editor's views: see
 * src/core/desk/quoteTopics.ts), grouped by person and by treaty, each document's title, and the timeline. The
 * documents go through a WorkspaceIndex of their own (keyed by path), so the report and the views agree.
 */
import { quotesWithTopics } from '../desk/quoteTopics';
import { compareDatesInTime } from '../model/datePeriods';
import { buildTimeline, type TimelineData } from '../desk/timelineData';
import { WorkspaceIndex } from '../index/workspaceIndex';
import type { Entity } from '../model/entity';
import type { Messages } from '../ports/messages';
import type { PreparedDocument } from './prepare';
import { TextIndex } from './textContext';

export interface ReportQuote {
  speaker: string;
  /** The document's date (ISO), if it has one. */
  date: string | undefined;
  path: string;
  line: number;
  /** A relative link to the quote's line: `<linkBase><path>#L<line>`. */
  href: string;
  text: string;
  /** Names of the treaties the quote's paragraph names. */
  treaties: string[];
}

export interface ReportDocument {
  path: string;
  href: string;
  title: string;
  date: string | undefined;
}

export interface ReportData {
  documents: ReportDocument[];
  /** People by name, each with their quotes in time order. */
  byPerson: Array<{ name: string; key: string; quotes: ReportQuote[] }>;
  /** Treaties by name, each with the quotes about it, in time order. */
  byTreaty: Array<{ name: string; key: string; quotes: ReportQuote[] }>;
  timeline: TimelineData;
  treatyName: (key: string) => string;
  /** A link to a document's place (`#L<line>`) by path and offset. */
  hrefAt: (path: string, offset: number) => string;
}

/** A path as a relative URL: each segment percent-encoded, `/` kept. */
export function pathHref(linkBase: string, path: string): string {
  return linkBase + path.split('/').map(encodeURIComponent).join('/');
}

/** A document's title: its metadata title, else its first line of text (cut to a readable length). */
export function documentTitle(p: PreparedDocument): string {
  if (p.doc.metadata?.title) return p.doc.metadata.title;
  const first = p.doc.text.split(/\r?\n|\r/).find((l) => l.trim() !== '')?.trim() ?? '';
  const cps = Array.from(first.replace(/^#+\s*/, ''));
  return cps.length <= 100 ? cps.join('') : `${cps.slice(0, 99).join('')}\u2026`;
}

export function reportData(prepared: readonly PreparedDocument[], entities: readonly Entity[] | undefined, linkBase = '', l10n?: Messages): ReportData {
  const index = new WorkspaceIndex();
  const texts = new Map<string, TextIndex>();
  const known = [...(entities ?? [])];
  for (const p of prepared) {
    const date = p.doc.metadata?.date;
    index.setDocument(p.doc.path, p.doc.text, { mentions: p.mentions, entities: known, documentDate: date ? { value: date, source: 'metadata' } : undefined });
    texts.set(p.doc.path, new TextIndex(p.doc.text));
  }
  const hrefAt = (path: string, offset: number) => `${pathHref(linkBase, path)}#L${texts.get(path)?.lineAt(offset) ?? 1}`;
  const treatyName = (key: string) => index.displayName(key, l10n);
  const people = quotesWithTopics(index);
  const byTreaty = new Map<string, ReportQuote[]>();
  const byPerson = people.map((person) => {
    const quotes = person.quotes.map((q): ReportQuote => {
      const line = texts.get(q.uri)?.lineAt(q.start) ?? 1;
      const rq = { speaker: person.name, date: q.date, path: q.uri, line, href: `${pathHref(linkBase, q.uri)}#L${line}`, text: q.text, treaties: q.treaties.map(treatyName) };
      for (const t of q.treaties) {
        let list = byTreaty.get(t);
        if (!list) byTreaty.set(t, (list = []));
        list.push(rq);
      }
      return rq;
    });
    return { name: person.name, key: person.key, quotes };
  });
  const inTime = (a: ReportQuote, b: ReportQuote) =>
    (a.date === b.date ? 0 : a.date === undefined ? 1 : b.date === undefined ? -1 : compareDatesInTime(a.date, b.date)) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line;
  for (const list of byTreaty.values()) list.sort(inTime);
  return {
    documents: prepared.map((p) => ({ path: p.doc.path, href: pathHref(linkBase, p.doc.path), title: documentTitle(p), date: p.doc.metadata?.date })),
    byPerson,
    byTreaty: [...byTreaty].map(([key, quotes]) => ({ key, name: treatyName(key), quotes })).sort((a, b) => a.name.localeCompare(b.name)),
    timeline: buildTimeline(index, { quotes: people, l10n }),
    treatyName,
    hrefAt,
  };
}
