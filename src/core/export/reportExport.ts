/**
 * A readable Markdown report of a workspace: the documents with their titles, who said what and when (speakers
 * with the quotes the analysis attributed to them, or the words around each mention where there are none), the
 * quotes about each treaty (see reportData.ts), every mention of every treaty, and a timeline of the dates
 * mentioned. Every place is a relative link to its line (`path#L12`), which VS Code's Markdown preview opens.
 * Document text is escaped so nothing in a source (HTML, links, Markdown) becomes active in a renderer.
 */
import { dateInWords, dateWithCode } from '../model/dateWords';
import type { Entity } from '../model/entity';
import { ENGLISH, type Messages } from '../ports/messages';
import { canonicalName, entityIndex, mentionLabel, prepareDocuments, type PreparedDocument } from './prepare';
import { pathHref, reportData } from './reportData';
import { TextIndex } from './textContext';
import type { ExportDocument, ExportMention, ExportOptions, ExportResult } from './types';

/** File name of the report. */
export const REPORT_FILE = 'marginalia-report.md';

const QUOTE_LIMIT = 280;

/** Escapes Markdown and HTML syntax in one line of document text. */
export function mdEscape(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/([\\`*_{}[\]|~#])/g, '\\$1')
    .replace(/^([-+>])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A file path as inline code (readable, nothing inside is Markdown); escaped text if it holds a backtick. */
export function mdPath(p: string): string {
  return /[`|\r\n]/.test(p) ? mdEscape(p) : `\`${p}\``;
}

/** At most `limit` code points, cut at a word boundary with an ellipsis. */
function shorten(s: string, limit = QUOTE_LIMIT): string {
  const cps = Array.from(s.trim());
  if (cps.length <= limit) return cps.join('');
  const cut = cps.slice(0, limit).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > limit / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * What a speaker said: the `quote` attribute when a recognizer or the user set one; in a transcript turn
 * (`NAME: words`) the words after the label; otherwise the sentence the name stands in, with the sentence
 * before it when the name's own sentence is only an attribution (`"We will not sign." Ryabkov said.`).
 */
export function speakerQuote(text: string, m: ExportMention, index: TextIndex = new TextIndex(text)): string {
  if (m.attributes?.quote) return m.attributes.quote;
  const [s, e] = quoteRange(text, m, index);
  return text.slice(s, e);
}

/** Where {@link speakerQuote} takes its words from, as [start, end) of the text. */
export function quoteRange(text: string, m: ExportMention, index: TextIndex): [number, number] {
  const para = index.paragraphAt(m.start);
  const turn = /^[ \t]*:[ \t]*/.exec(text.slice(m.end, para.end));
  if (turn && m.start === para.start) return [m.end + turn[0].length, para.end];
  const sentences = sentenceRanges(text, para.start, para.end);
  const k = Math.max(0, sentences.findIndex(([, e]) => e > m.start));
  const [s, e] = sentences[k] as [number, number];
  const rest = (text.slice(s, m.start) + text.slice(m.end, e)).trim().split(/\s+/).filter(Boolean);
  const from = rest.length < 5 && k > 0 ? (sentences[k - 1] as [number, number])[0] : s;
  return [from, e];
}

/**
 * When a statement was made: the document's date when known; otherwise a date named in the quoted words
 * ("On December 1, Zakharova announced..."), marked as such because it may date the event, not the words.
 */
function whenSaid(o: Occurrence, index: TextIndex, l10n: Messages): string {
  if (o.p.doc.metadata?.date) return dateWithCode(o.p.doc.metadata.date, undefined, l10n);
  const [s, e] = o.m.kind === 'quote' ? [o.m.start, o.m.end] : quoteRange(o.p.doc.text, o.m, index);
  const date = o.p.mentions.find((d) => d.kind === 'date' && d.value && d.start >= s && d.end <= e);
  return date?.value ? l10n.t('{0}, a date in the text', dateWithCode(date.value, undefined, l10n)) : l10n.t('undated');
}

/** Sentence ranges in [from, to): a break after . ! ? (and a closing quote) before whitespace and a capital or quote. */
function sentenceRanges(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  const re = /[.!?]["\u201d\u2019)]*\s+(?=["\u201c\u2018(]?\p{Lu})/gu;
  re.lastIndex = from;
  let start = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const end = m.index + m[0].trimEnd().length;
    out.push([start, end]);
    start = m.index + m[0].length;
  }
  out.push([start, to]);
  return out;
}

interface Occurrence {
  p: PreparedDocument;
  m: ExportMention;
}

function group(prepared: PreparedDocument[], keep: (m: ExportMention) => boolean, entities: Map<string, Entity>): Map<string, Occurrence[]> {
  const out = new Map<string, Occurrence[]>();
  for (const p of prepared) {
    for (const m of p.mentions) {
      if (!keep(m)) continue;
      const key = canonicalName(m, entities) ?? m.text;
      const list = out.get(key) ?? [];
      list.push({ p, m });
      out.set(key, list);
    }
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** One {@link TextIndex} per document, built on first use. */
const indexes = new WeakMap<PreparedDocument, TextIndex>();
function indexOf(p: PreparedDocument): TextIndex {
  let index = indexes.get(p);
  if (!index) {
    index = new TextIndex(p.doc.text);
    indexes.set(p, index);
  }
  return index;
}

/** The place of a mention as a link to its line, relative to the report (see `ExportOptions.linkBase`). */
function where(o: Occurrence, base: string, l10n: Messages): string {
  const line = indexOf(o.p).lineAt(o.m.start);
  return mdLink(l10n.t('{0}, line {1}', mdPath(o.p.doc.path), line), `${pathHref(base, o.p.doc.path)}#L${line}`);
}

/** A Markdown link; the target in angle brackets, so parentheses and spaces in it need no escaping. */
function mdLink(label: string, href: string): string {
  return `[${label}](<${href.replace(/[<>]/g, encodeURIComponent)}>)`;
}

/** `name (n quotes)`, as both reports head a person's or a treaty's quotes. */
export function quotesOf(name: string, n: number, l10n: Messages): string {
  return n === 1 ? l10n.t('{0} (1 quote)', name) : l10n.t('{0} ({1} quotes)', name, n);
}

/** Exports the workspace report as `marginalia-report.md`. */
export function exportReport(documents: readonly ExportDocument[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const entities = entityIndex(options.entities);
  const prepared = prepareDocuments(documents, options, warnings, true);
  const base = options.linkBase ?? '';
  const l10n = options.l10n ?? ENGLISH;
  const data = reportData(prepared, options.entities, base, l10n);
  const all = prepared.flatMap((p) => p.mentions.filter((m) => m.kind !== 'quote'));
  const manual = all.filter((m) => m.source === 'manual').length;
  const documentCount = prepared.length === 1 ? l10n.t('1 document') : l10n.t('{0} documents', prepared.length);
  const annotationCount = all.length === 1 ? l10n.t('1 annotation') : l10n.t('{0} annotations', all.length);
  const out: string[] = [`# ${l10n.t('Marginalia report')}`, ''];
  out.push(
    options.manualOnly
      ? l10n.t('{0}, {1} ({2} manual, {3} automatic); manual annotations only.', documentCount, annotationCount, manual, all.length - manual)
      : l10n.t('{0}, {1} ({2} manual, {3} automatic).', documentCount, annotationCount, manual, all.length - manual),
    '',
    `## ${l10n.t('Documents')}`,
    '',
    `| ${[l10n.t('Document'), l10n.t('Title'), l10n.t('Date'), l10n.t('Speakers'), l10n.t('Dates'), l10n.t('Treaties'), l10n.t('Other')].join(' | ')} |`,
    '|---|---|---|---|---|---|---|',
  );
  const quotes = group(prepared, (m) => m.kind === 'quote', entities);
  for (const [i, p] of prepared.entries()) {
    const count = (k: string) => p.mentions.filter((m) => m.kind === k).length;
    const other = p.mentions.filter((m) => m.kind === 'person' || m.kind === 'custom').length;
    const d = data.documents[i];
    out.push(`| ${mdLink(mdPath(p.doc.path), d?.href ?? '')} | ${mdEscape(d?.title ?? '')} | ${mdEscape(p.doc.metadata?.date ? dateInWords(p.doc.metadata.date, undefined, l10n) : '')} | ${count('speaker')} | ${count('date')} | ${count('treaty')} | ${other} |`);
  }

  out.push('', `## ${l10n.t('Speakers: who said what, when')}`, '');
  const speakers = group(prepared, (m) => m.kind === 'speaker', entities);
  if (speakers.size === 0) out.push(l10n.t('No speakers.'), '');
  for (const [name, occurrences] of speakers) {
    const first = occurrences[0] as Occurrence;
    const role = first.m.entityId ? entities.get(first.m.entityId)?.facts.role : undefined;
    out.push(`### ${mdEscape(name)}`, '');
    if (typeof role === 'string') out.push(`*${mdEscape(role)}*`, '');
    const said = quotes.get(name);
    if (said) {
      // The spans the analysis attributed to this person: what they said, where, when.
      for (const o of said) {
        out.push(`- ${mdEscape(whenSaid(o, indexOf(o.p), l10n))}, ${where(o, base, l10n)}:`);
        out.push(`  > ${mdEscape(shorten(o.m.text))}`);
      }
      // The user's notes on the speaker's mentions stay in the report.
      for (const o of occurrences) if (o.m.note) out.push(`- ${l10n.t('Note at {0}: {1}', where(o, base, l10n), mdEscape(o.m.note))}`);
    }
    for (const o of said ? [] : occurrences) {
      const when = whenSaid(o, indexOf(o.p), l10n);
      out.push(`- ${mdEscape(when)}, ${where(o, base, l10n)}${o.m.text !== name ? ` ${l10n.t('(as “{0}”)', mdEscape(o.m.text))}` : ''}:`);
      out.push(`  > ${mdEscape(shorten(speakerQuote(o.p.doc.text, o.m, indexOf(o.p))))}`);
      if (o.m.note) out.push(`  ${l10n.t('Note: {0}', mdEscape(o.m.note))}`);
    }
    out.push('');
  }

  out.push(`## ${l10n.t('Quotes by treaty')}`, '', l10n.t('A quote is about a treaty when the paragraph it stands in names the treaty.'), '');
  if (data.byTreaty.length === 0) out.push(l10n.t('No quote is about a treaty.'), '');
  for (const treaty of data.byTreaty) {
    out.push(`### ${quotesOf(mdEscape(treaty.name), treaty.quotes.length, l10n)}`, '');
    for (const q of treaty.quotes) {
      out.push(`- **${mdEscape(q.speaker)}**, ${mdEscape(q.date ? dateWithCode(q.date, undefined, l10n) : l10n.t('undated'))}, ${mdLink(l10n.t('{0}, line {1}', mdPath(q.path), q.line), q.href)}:`);
      out.push(`  > ${mdEscape(shorten(q.text))}`);
    }
    out.push('');
  }

  out.push(`## ${l10n.t('Treaties')}`, '');
  const treaties = group(prepared, (m) => m.kind === 'treaty', entities);
  if (treaties.size === 0) out.push(l10n.t('No treaties.'), '');
  for (const [name, occurrences] of treaties) {
    const first = occurrences[0] as Occurrence;
    const full = first.m.entityId ? entities.get(first.m.entityId)?.facts.fullName : undefined;
    out.push(`### ${occurrences.length === 1 ? l10n.t('{0} (1 mention)', mdEscape(name)) : l10n.t('{0} ({1} mentions)', mdEscape(name), occurrences.length)}`, '');
    if (typeof full === 'string') out.push(`*${mdEscape(full)}*`, '');
    for (const o of occurrences) {
      out.push(`- ${where(o, base, l10n)}: “${mdEscape(o.m.text)}”${o.m.note ? `. ${l10n.t('Note: {0}', mdEscape(o.m.note))}` : ''}`);
    }
    out.push('');
  }

  out.push(`## ${l10n.t('Timeline')}`, '');
  const dates = all.length === 0 ? [] : prepared.flatMap((p) => p.mentions.filter((m) => m.kind === 'date').map((m) => ({ p, m })));
  if (dates.length === 0) out.push(l10n.t('No dates.'), '');
  else {
    // ISO values sort chronologically as strings within a precision; unresolved expressions go last.
    dates.sort((a, b) => (a.m.value ?? '\uffff').localeCompare(b.m.value ?? '\uffff') || a.p.doc.path.localeCompare(b.p.doc.path) || a.m.start - b.m.start);
    out.push(`| ${l10n.t('Date')} | ${l10n.t('Expression')} | ${l10n.t('Where')} |`, '|---|---|---|');
    for (const o of dates) out.push(`| ${mdEscape(o.m.value ? dateWithCode(o.m.value, o.m.attributes?.mod, l10n) : l10n.t('no value'))} | ${mdEscape(o.m.text)} | ${where(o, base, l10n)} |`);
    out.push('');
  }

  const others = all.filter((m) => m.kind === 'custom' || m.kind === 'person');
  if (others.length > 0) {
    out.push(`## ${l10n.t('Other annotations')}`, '');
    for (const p of prepared) {
      for (const m of p.mentions.filter((x) => x.kind === 'custom' || x.kind === 'person')) {
        const label = m.kind === 'custom' && m.label ? mentionLabel(m) : m.kind === 'person' ? l10n.t('person') : l10n.t('custom');
        out.push(`- ${mdEscape(label)}: “${mdEscape(m.text)}” (${where({ p, m }, base, l10n)})${m.note ? `. ${l10n.t('Note: {0}', mdEscape(m.note))}` : ''}`);
      }
    }
    out.push('');
  }
  return { files: [{ path: REPORT_FILE, content: out.join('\n') }], warnings };
}
