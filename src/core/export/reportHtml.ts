/**
 * The report as one HTML page to send: the documents with their titles, a timeline picture (inline SVG, its
 * items links to their places) with the same items as a table, then the quotes by treaty and by person, each with
 * speaker, date and a link to its line. No script and no remote content (its Content Security Policy allows only
 * its own inline style); every document string is escaped.
 */
import { dateInWords, dateWithCode } from '../model/dateWords';
import { escapeHtml, TIMELINE_CSS, timelineSvg, timelineTable } from '../desk/timelineSvg';
import { ENGLISH, type Messages } from '../ports/messages';
import { prepareDocuments } from './prepare';
import { quotesOf } from './reportExport';
import { reportData, type ReportQuote } from './reportData';
import type { ExportDocument, ExportOptions, ExportResult } from './types';

export const REPORT_HTML_FILE = 'marginalia-report.html';

const PAGE_CSS = [
  'body{font:15px/1.5 system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;background:#fff}',
  '@media (prefers-color-scheme:dark){body{color:#ddd;background:#1e1e1e}a{color:#6cb6ff}.mg-tl text{fill:#ddd}}',
  'blockquote{margin:.3em 0 .8em 1em;padding-left:.8em;border-left:3px solid #999}',
  'table{border-collapse:collapse}td,th{text-align:left;padding:2px 8px;border-bottom:1px solid #ccc;vertical-align:top}',
  '.meta{color:#666}',
].join('\n');

function quoteItem(q: ReportQuote, withSpeaker: boolean, l10n: Messages): string {
  const who = withSpeaker ? `<strong>${escapeHtml(q.speaker)}</strong>, ` : '';
  const when = escapeHtml(q.date ? dateWithCode(q.date, undefined, l10n) : l10n.t('undated'));
  const about = q.treaties.length ? ` <span class="meta">${escapeHtml(l10n.t('(about {0})', q.treaties.join(', ')))}</span>` : '';
  return `<li>${who}${when}, <a href="${escapeHtml(q.href)}">${escapeHtml(l10n.t('{0}, line {1}', q.path, q.line))}</a>${about}<blockquote>${escapeHtml(q.text.replace(/\s+/g, ' ').trim())}</blockquote></li>`;
}

function unplaced(n: number, l10n: Messages): string {
  if (n === 0) return '';
  return ` ${n === 1 ? l10n.t('One date or quote without a known year is not on it.') : l10n.t('{0} dates and quotes without a known year are not on it.', n)}`;
}

/** Exports the workspace report as `marginalia-report.html`. */
export function exportReportHtml(documents: readonly ExportDocument[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const prepared = prepareDocuments(documents, options, warnings, true);
  const l10n = options.l10n ?? ENGLISH;
  const data = reportData(prepared, options.entities, options.linkBase ?? '', l10n);
  const quotes = data.byPerson.reduce((n, p) => n + p.quotes.length, 0);
  const documentCount = prepared.length === 1 ? l10n.t('1 document') : l10n.t('{0} documents', prepared.length);
  const quoteCount = quotes === 1 ? l10n.t('1 quote') : l10n.t('{0} quotes', quotes);
  const title = escapeHtml(l10n.t('Marginalia report'));
  const th = (header: string) => `<th scope="col">${escapeHtml(header)}</th>`;
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(options.language ?? 'en')}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${TIMELINE_CSS}\n${PAGE_CSS}</style></head><body>`,
    `<h1>${title}</h1>`,
    `<p>${escapeHtml(options.manualOnly ? l10n.t('{0}, {1}; manual annotations only.', documentCount, quoteCount) : l10n.t('{0}, {1}.', documentCount, quoteCount))}</p>`,
    `<h2>${escapeHtml(l10n.t('Documents'))}</h2>`,
    `<table><thead><tr>${th(l10n.t('Document'))}${th(l10n.t('Title'))}${th(l10n.t('Date'))}</tr></thead><tbody>`,
    ...data.documents.map((d) => `<tr><td><a href="${escapeHtml(d.href)}">${escapeHtml(d.path)}</a></td><td>${escapeHtml(d.title)}</td><td>${d.date ? escapeHtml(dateInWords(d.date, undefined, l10n)) : ''}</td></tr>`),
    '</tbody></table>',
    `<h2>${escapeHtml(l10n.t('Timeline'))}</h2>`,
    `<p class="meta">${escapeHtml(l10n.t('Dates are diamonds and quotes circles, in one lane per person.') + unplaced(data.timeline.unplaced, l10n))}</p>`,
  ];
  const markup = {
    colourBy: 'person' as const,
    treatyName: data.treatyName,
    documentName: (p: string) => p,
    href: (item: { places: Array<{ uri: string; start: number }> }) => data.hrefAt(item.places[0]?.uri ?? '', item.places[0]?.start ?? 0),
    say: l10n.t.bind(l10n),
  };
  out.push(`<figure>${timelineSvg(data.timeline, markup)}</figure>`);
  out.push(`<details><summary>${escapeHtml(l10n.t('The timeline as a table'))}</summary>${timelineTable(data.timeline, markup)}</details>`);
  out.push(`<h2>${escapeHtml(l10n.t('Quotes by treaty'))}</h2>`, `<p class="meta">${escapeHtml(l10n.t('A quote is about a treaty when the paragraph it stands in names the treaty.'))}</p>`);
  if (data.byTreaty.length === 0) out.push(`<p>${escapeHtml(l10n.t('No quote is about a treaty.'))}</p>`);
  for (const t of data.byTreaty) {
    out.push(`<h3>${quotesOf(escapeHtml(t.name), t.quotes.length, l10n)}</h3><ul>${t.quotes.map((q) => quoteItem(q, true, l10n)).join('')}</ul>`);
  }
  out.push(`<h2>${escapeHtml(l10n.t('Quotes by person'))}</h2>`);
  if (data.byPerson.length === 0) out.push(`<p>${escapeHtml(l10n.t('No quotes.'))}</p>`);
  for (const p of data.byPerson) {
    out.push(`<h3>${quotesOf(escapeHtml(p.name), p.quotes.length, l10n)}</h3><ul>${p.quotes.map((q) => quoteItem(q, false, l10n)).join('')}</ul>`);
  }
  out.push('</body></html>', '');
  return { files: [{ path: REPORT_HTML_FILE, content: out.join('\n') }], warnings };
}
