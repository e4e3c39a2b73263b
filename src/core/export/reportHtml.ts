/**
 * The report as one HTML page to send: the documents with their titles, a timeline picture (inline SVG, its
 * items links to their places) with the same items as a table, then the quotes by treaty and by person, each with
 * speaker, date and a link to its line. No script and no remote content (its Content Security Policy allows only
 * its own inline style); every document string is escaped.
 */
import { dateInWords, dateWithCode } from '../model/dateWords';
import { escapeHtml, TIMELINE_CSS, timelineSvg, timelineTable } from '../desk/timelineSvg';
import { prepareDocuments } from './prepare';
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

function quoteItem(q: ReportQuote, withSpeaker: boolean): string {
  const who = withSpeaker ? `<strong>${escapeHtml(q.speaker)}</strong>, ` : '';
  const when = q.date ? escapeHtml(dateWithCode(q.date)) : 'undated';
  const about = q.treaties.length ? ` <span class="meta">(about ${escapeHtml(q.treaties.join(', '))})</span>` : '';
  return `<li>${who}${when}, <a href="${escapeHtml(q.href)}">${escapeHtml(q.path)}, line ${q.line}</a>${about}<blockquote>${escapeHtml(q.text.replace(/\s+/g, ' ').trim())}</blockquote></li>`;
}

function unplaced(n: number): string {
  if (n === 0) return '';
  return n === 1 ? ' One date or quote without a known year is not on it.' : ` ${n} dates and quotes without a known year are not on it.`;
}

/** Exports the workspace report as `marginalia-report.html`. */
export function exportReportHtml(documents: readonly ExportDocument[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const prepared = prepareDocuments(documents, options, warnings, true);
  const data = reportData(prepared, options.entities, options.linkBase ?? '');
  const quotes = data.byPerson.reduce((n, p) => n + p.quotes.length, 0);
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Marginalia report</title>',
    `<style>${TIMELINE_CSS}\n${PAGE_CSS}</style></head><body>`,
    '<h1>Marginalia report</h1>',
    `<p>${prepared.length} document${prepared.length === 1 ? '' : 's'}, ${quotes} quote${quotes === 1 ? '' : 's'}${options.manualOnly ? '; manual annotations only' : ''}.</p>`,
    '<h2>Documents</h2>',
    '<table><thead><tr><th scope="col">Document</th><th scope="col">Title</th><th scope="col">Date</th></tr></thead><tbody>',
    ...data.documents.map((d) => `<tr><td><a href="${escapeHtml(d.href)}">${escapeHtml(d.path)}</a></td><td>${escapeHtml(d.title)}</td><td>${d.date ? escapeHtml(dateInWords(d.date)) : ''}</td></tr>`),
    '</tbody></table>',
    '<h2>Timeline</h2>',
    `<p class="meta">Dates are diamonds and quotes circles, in one lane per person.${unplaced(data.timeline.unplaced)}</p>`,
  ];
  const markup = {
    colourBy: 'person' as const,
    treatyName: data.treatyName,
    documentName: (p: string) => p,
    href: (item: { places: Array<{ uri: string; start: number }> }) => data.hrefAt(item.places[0]?.uri ?? '', item.places[0]?.start ?? 0),
  };
  out.push(`<figure>${timelineSvg(data.timeline, markup)}</figure>`);
  out.push(`<details><summary>The timeline as a table</summary>${timelineTable(data.timeline, markup)}</details>`);
  out.push('<h2>Quotes by treaty</h2>', '<p class="meta">A quote is about a treaty when the paragraph it stands in names the treaty.</p>');
  if (data.byTreaty.length === 0) out.push('<p>No quote is about a treaty.</p>');
  for (const t of data.byTreaty) {
    out.push(`<h3>${escapeHtml(t.name)} (${t.quotes.length} quote${t.quotes.length === 1 ? '' : 's'})</h3><ul>${t.quotes.map((q) => quoteItem(q, true)).join('')}</ul>`);
  }
  out.push('<h2>Quotes by person</h2>');
  if (data.byPerson.length === 0) out.push('<p>No quotes.</p>');
  for (const p of data.byPerson) {
    out.push(`<h3>${escapeHtml(p.name)} (${p.quotes.length} quote${p.quotes.length === 1 ? '' : 's'})</h3><ul>${p.quotes.map((q) => quoteItem(q, false)).join('')}</ul>`);
  }
  out.push('</body></html>', '');
  return { files: [{ path: REPORT_HTML_FILE, content: out.join('\n') }], warnings };
}
