/**
 * The timeline as markup, made from {@link TimelineData} alone: an SVG picture (one lane per person or treaty,
 * named at its left, so a reader needs no colour to tell them apart; dates are diamonds, quotes circles) and a
 * table of the same items as its text alternative. The timeline webview shows both with a small script for
 * clicks and keys; the HTML report inlines them without any script (its items are plain links). Colours are the
 * theme's chart colours (`--vscode-charts-*`), with fixed fallbacks outside VS Code.
 */
import { ENGLISH } from '../ports/messages';
import { isoDay } from './timeSpan';
import type { TimelineData, TimelineItem } from './timelineData';

export type ColourBy = 'person' | 'treaty';

export interface TimelineMarkupOptions {
  colourBy: ColourBy;
  /** A treaty's name by key. */
  treatyName: (key: string) => string;
  /** A document's name (for the table and tooltips) by URI. */
  documentName: (uri: string) => string;
  /** Items are links (the report): the address of an item's first place. Without it, items are focusable buttons. */
  href?: (item: TimelineItem) => string;
  /**
   * The markup's own words in the reader's language: a message with `{0}`-style places and its arguments (the
   * webview passes `vscode.l10n.t`); English without it (the report).
   */
  say?: Say;
}

export type Say = (message: string, ...args: Array<string | number>) => string;

const english: Say = ENGLISH.t;

const PALETTE = [
  ['blue', '#3794ff'],
  ['orange', '#d18616'],
  ['green', '#388a34'],
  ['purple', '#a35fd1'],
  ['red', '#e51400'],
  ['yellow', '#b89500'],
] as const;

/** The stylesheet the markup needs (classes only: a strict Content Security Policy refuses inline styles). */
export const TIMELINE_CSS = [
  ...PALETTE.map(([name, hex], i) => `.mg-c${i}{fill:var(--vscode-charts-${name},${hex});stroke:var(--vscode-charts-${name},${hex})}`),
  '.mg-tl{font:12px var(--vscode-font-family,sans-serif);color:var(--vscode-foreground,#333)}',
  '.mg-tl text{fill:var(--vscode-foreground,#333)}',
  '.mg-axis{stroke:var(--vscode-foreground,#333);stroke-opacity:.4}',
  '.mg-lane{stroke:var(--vscode-foreground,#333);stroke-opacity:.12}',
  '.mg-date{fill:var(--vscode-foreground,#333);stroke:none;opacity:.75}',
  '.mg-item{cursor:pointer;stroke-width:1}',
  '.mg-item:focus{outline:none}',
  '.mg-item:focus>.mg-mark,.mg-item:hover>.mg-mark{stroke:var(--vscode-focusBorder,#0078d4);stroke-width:3}',
  '.mg-table{border-collapse:collapse;margin-top:1em}',
  '.mg-table th,.mg-table td{text-align:left;padding:2px 8px;border-bottom:1px solid var(--vscode-widget-border,#ccc);vertical-align:top}',
  '.mg-swatch{display:inline-block;width:.8em;height:.8em;margin-right:.4em}',
].join('\n');

/** Rows of the table a page shows at first; the rest come a page at a time when asked for. */
export const TABLE_PAGE_ROWS = 200;

const WIDTH = 960;
const LEFT = 170;
const RIGHT = 20;
const TOP = 26;
const ROW = 14;
const SUBROWS = 3;
const LANE = ROW * SUBROWS + 8;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

interface Lane {
  key: string;
  name: string;
  colour: number;
}

/** The lanes of the picture: dates first, then each person (or treaty) by name, then quotes about no treaty. */
export function timelineLanes(data: TimelineData, options: Pick<TimelineMarkupOptions, 'colourBy' | 'treatyName' | 'say'>): Lane[] {
  const say = options.say ?? english;
  const lanes: Lane[] = [];
  if (data.items.some((i) => i.kind === 'date')) lanes.push({ key: '#dates', name: say('Dates'), colour: -1 });
  const groups = options.colourBy === 'person' ? data.people : data.treaties.map((t) => ({ key: t.key, name: options.treatyName(t.key) }));
  groups.forEach((g, i) => lanes.push({ key: g.key, name: g.name, colour: i % PALETTE.length }));
  if (options.colourBy === 'treaty' && data.items.some((i) => i.kind === 'quote' && i.treaties.length === 0)) lanes.push({ key: '#none', name: say('About no treaty'), colour: -1 });
  return lanes;
}

/** The lane an item goes in. */
export function laneOf(item: TimelineItem, colourBy: ColourBy): string {
  if (item.kind === 'date') return '#dates';
  if (colourBy === 'person') return item.person?.key ?? '#none';
  return item.treaties[0] ?? '#none';
}

/** What an item is, in words: for tooltips, screen readers and the table. */
export function describeItem(item: TimelineItem, options: Pick<TimelineMarkupOptions, 'treatyName' | 'documentName' | 'say'>): string {
  const say = options.say ?? english;
  const docs = item.documents;
  const where = docs === 1 ? options.documentName(item.places[0].uri) : say('{0} documents', docs);
  const about = item.treaties.map(options.treatyName).join(', ');
  if (item.kind === 'date') {
    const said = item.count === 1 ? say('Date {0}, mentioned once in {1}', item.label, where) : say('Date {0}, mentioned {1} times in {2}', item.label, item.count, where);
    return about ? say('{0}, about {1}', said, about) : said;
  }
  const who = item.person?.name ?? say('Someone');
  const quote =
    item.count === 1
      ? say('{0}, {1}: \u201c{2}\u201d', who, dateOf(item, say), item.label)
      : item.count === 2
        ? say('{0}, {1}: \u201c{2}\u201d and 1 more quote', who, dateOf(item, say), item.label)
        : say('{0}, {1}: \u201c{2}\u201d and {3} more quotes', who, dateOf(item, say), item.label, item.count - 1);
  return say('{0} ({1})', quote, about ? say('{0}, about {1}', where, about) : where);
}

function dateOf(item: TimelineItem, say: Say): string {
  return item.first === item.last ? isoDay(item.first) : say('{0} to {1}', isoDay(item.first), isoDay(item.last));
}

/** Axis ticks: years, or months when the whole span is short. */
function ticks(first: number, last: number): Array<{ day: number; label: string }> {
  const from = new Date(first * 86_400_000);
  const to = new Date(last * 86_400_000);
  const years = to.getUTCFullYear() - from.getUTCFullYear();
  const out: Array<{ day: number; label: string }> = [];
  if (years >= 2) {
    const step = Math.max(1, Math.ceil(years / 10));
    for (let y = from.getUTCFullYear() + 1; y <= to.getUTCFullYear(); y += step) out.push({ day: Date.UTC(y, 0, 1) / 86_400_000, label: String(y) });
    return out;
  }
  const months = years * 12 + to.getUTCMonth() - from.getUTCMonth();
  const step = Math.max(1, Math.ceil(months / 10));
  for (let m = 1; m <= months; m += step) {
    const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + m, 1));
    out.push({ day: d.getTime() / 86_400_000, label: d.toISOString().slice(0, 7) });
  }
  return out;
}

/** The picture: an SVG element (no script; with `href`, items are links). */
export function timelineSvg(data: TimelineData, options: TimelineMarkupOptions): string {
  const lanes = timelineLanes(data, options);
  const height = TOP + lanes.length * LANE + 24;
  const say = options.say ?? english;
  const title = data.items.length === 1 ? say('Timeline of 1 item') : say('Timeline of {0} items', data.items.length);
  const out = [`<svg class="mg-tl" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="group" aria-label="${escapeHtml(title)}">`];
  if (data.items.length === 0) return `${out[0]}<text x="10" y="20">${escapeHtml(say('No dated items.'))}</text></svg>`;
  const first = Math.min(...data.items.map((i) => i.first));
  const last = Math.max(...data.items.map((i) => i.last));
  const pad = Math.max(1, Math.round((last - first) * 0.03));
  const [lo, hi] = [first - pad, last + pad];
  const x = (d: number) => LEFT + ((d - lo) / (hi - lo)) * (WIDTH - LEFT - RIGHT);
  const axisY = TOP + lanes.length * LANE;
  lanes.forEach((lane, i) => {
    const y = TOP + i * LANE;
    out.push(`<line class="mg-lane" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y + LANE}" y2="${y + LANE}"/>`);
    const swatch = lane.colour >= 0 ? `<rect class="mg-c${lane.colour}" x="4" y="${y + LANE / 2 - 5}" width="10" height="10"/>` : '';
    out.push(`${swatch}<text x="18" y="${y + LANE / 2 + 4}">${escapeHtml(clip(lane.name, 24))}</text>`);
  });
  out.push(`<line class="mg-axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${axisY}" y2="${axisY}"/>`);
  for (const t of ticks(lo, hi)) {
    const tx = x(t.day).toFixed(1);
    out.push(`<line class="mg-axis" x1="${tx}" x2="${tx}" y1="${TOP}" y2="${axisY + 4}"/><text x="${tx}" y="${axisY + 16}" text-anchor="middle">${t.label}</text>`);
  }
  const laneIndex = new Map(lanes.map((l, i) => [l.key, i]));
  // Items close together in a lane are stacked in a few sub-rows, so neighbours stay apart where they can.
  const lastX = lanes.map(() => new Array<number>(SUBROWS).fill(-Infinity));
  data.items.forEach((item, i) => {
    const li = laneIndex.get(laneOf(item, options.colourBy)) ?? 0;
    const lane = lanes[li] as Lane;
    const x1 = x(item.first);
    const x2 = Math.max(x(item.last), x1);
    const rows = lastX[li] as number[];
    let row = rows.findIndex((r) => x1 - r >= ROW);
    if (row < 0) row = rows.indexOf(Math.min(...rows));
    rows[row] = x2;
    const cy = TOP + li * LANE + 4 + row * ROW + ROW / 2;
    const cls = item.kind === 'date' ? 'mg-date' : lane.colour >= 0 ? `mg-c${lane.colour}` : 'mg-date';
    const span = x2 - x1 >= 3 ? `<rect class="mg-mark ${cls}" x="${x1.toFixed(1)}" y="${cy - 2}" width="${(x2 - x1).toFixed(1)}" height="4" rx="2"/>` : '';
    const mark =
      item.kind === 'date'
        ? `<path class="mg-mark ${cls}" d="M${x1.toFixed(1)} ${cy - 5}l5 5l-5 5l-5 -5z"/>`
        : `<circle class="mg-mark ${cls}" cx="${x1.toFixed(1)}" cy="${cy}" r="5"/>`;
    const label = escapeHtml(describeItem(item, options));
    const body = `<title>${label}</title>${span}${mark}`;
    if (options.href) out.push(`<a class="mg-item" href="${escapeHtml(options.href(item))}" aria-label="${label}">${body}</a>`);
    else out.push(`<g class="mg-item" tabindex="0" role="button" data-item="${i}" aria-label="${label}">${body}</g>`);
  });
  out.push('</svg>');
  return out.join('');
}

/**
 * The text alternative: the same items as a table, in the same order (with `href`, links; else buttons). With
 * `rows`, only the first rows: a page shows the rest on demand ({@link timelineRows} into the body `#mg-rows`), as
 * the markup of every row of a large workspace is slow to build and to lay out.
 */
export function timelineTable(data: TimelineData, options: TimelineMarkupOptions, rows = data.items.length): string {
  const say = options.say ?? english;
  const headers = [say('When'), say('Who'), say('What'), say('Treaties'), say('Where')].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  return [
    `<table class="mg-table"><caption>${escapeHtml(say('The timeline as a table'))}</caption>`,
    `<thead><tr>${headers}</tr></thead>`,
    // The page's script adds rows to the body it names; a report (links) has every row and no script.
    `${options.href ? '<tbody>' : '<tbody id="mg-rows">'}${timelineRows(data, options, 0, rows)}</tbody></table>`,
  ].join('');
}

/** The table's rows for the items from `from` up to (not including) `to`. */
export function timelineRows(data: TimelineData, options: TimelineMarkupOptions, from: number, to: number): string {
  const say = options.say ?? english;
  const rows: string[] = [];
  const end = Math.min(to, data.items.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const item = data.items[i] as TimelineItem;
    const who = item.kind === 'quote' ? (item.person?.name ?? '') : say('Date');
    const label = item.kind === 'quote' ? `\u201c${item.label}\u201d` : item.label;
    const what = item.count === 1 ? label : item.kind === 'quote' ? say('{0} ({1} quotes)', label, item.count) : say('{0} ({1} mentions)', label, item.count);
    const docs = item.documents;
    const first = options.documentName(item.places[0].uri);
    const where = docs === 1 ? first : say('{0} and {1} more', first, docs - 1);
    const go = options.href ? `<a href="${escapeHtml(options.href(item))}">${escapeHtml(where)}</a>` : `<button type="button" data-item="${i}">${escapeHtml(where)}</button>`;
    rows.push(`<tr><td>${dateOf(item, say)}</td><td>${escapeHtml(who)}</td><td>${escapeHtml(what)}</td><td>${escapeHtml(item.treaties.map(options.treatyName).join(', '))}</td><td>${go}</td></tr>`);
  }
  return rows.join('');
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}\u2026`;
}
