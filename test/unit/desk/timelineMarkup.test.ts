import * as assert from 'node:assert/strict';
import { buildTimeline } from '../../../src/core/desk/timelineData';
import { timelineRows, timelineSvg, timelineTable, type TimelineMarkupOptions } from '../../../src/core/desk/timelineSvg';
import { deskIndex } from './fixtures';

const options = { colourBy: 'person' as const, treatyName: (k: string) => k, documentName: (u: string) => u.slice(u.lastIndexOf('/') + 1) };
const itemsIn = (html: string) => [...html.matchAll(/<tr><td>.*?data-item="(\d+)"/g)].map((m) => Number(m[1]));

describe('desk: the timeline as a table, a page at a time', () => {
  it('renders the first rows only, and the rest page by page, with no item lost or repeated', () => {
    const data = buildTimeline(deskIndex());
    const all = data.items.map((_, i) => i);
    assert.ok(all.length >= 5);
    assert.deepEqual(itemsIn(timelineTable(data, options)), all);
    const first = timelineTable(data, options, 2);
    assert.deepEqual(itemsIn(first), [0, 1]);
    assert.match(first, /<tbody id="mg-rows">/);
    const pages = [2, 4].map((from) => timelineRows(data, options, from, from + 2));
    assert.deepEqual([...itemsIn(first), ...pages.flatMap(itemsIn)], all);
    assert.equal(timelineRows(data, options, all.length, all.length + 2), '');
  });

  it('gives the report its links on every row', () => {
    const data = buildTimeline(deskIndex());
    const html = timelineTable(data, { ...options, href: (item) => `#${item.id}` });
    assert.equal(html.match(/<tr><td>/g)?.length, data.items.length);
    assert.doesNotMatch(html, /data-item|mg-rows/);
  });
});

describe('desk: the timeline markup in the reader\'s language', () => {
  // A translation that marks what it translated: every word of the markup's own must come through it.
  const say: NonNullable<TimelineMarkupOptions['say']> = (message, ...args) => `\u27e6${message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]))}\u27e7`;
  const translated = (s: string) => s.startsWith('\u27e6') && s.endsWith('\u27e7');

  for (const colourBy of ['person', 'treaty'] as const) {
    it(`says its labels, captions, headers and item descriptions through the options' say (coloured by ${colourBy})`, () => {
      const data = buildTimeline(deskIndex());
      assert.ok(data.items.some((i) => i.kind === 'date') && data.items.some((i) => i.kind === 'quote'));
      const o = { ...options, colourBy, say };
      const html = timelineSvg(data, o) + timelineTable(data, o);
      const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      const said = [
        ...[...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1] as string),
        ...[...html.matchAll(/<(?:title|caption|th scope="col")>([^<]*)</g)].map((m) => m[1] as string),
      ].map(unescape);
      assert.ok(said.length > data.items.length * 2);
      assert.deepEqual(said.filter((x) => !translated(x)), []);
      // The lanes named by the markup itself (not a person's or treaty's name), and the Who of a date.
      const lanes = [...html.matchAll(/<text x="18"[^>]*>([^<]*)</g)].map((m) => unescape(m[1] as string));
      assert.ok(lanes.some((l) => l === say('Dates')), lanes.join(', '));
      const who = [...html.matchAll(/<tr><td>[^<]*<\/td><td>([^<]*)</g)].map((m) => unescape(m[1] as string));
      assert.ok(who.includes(say('Date')), who.join(', '));
    });
  }

  it('says "no dated items" through it too', () => {
    const empty = { items: [], people: [], treaties: [], unplaced: 0 };
    const svg = timelineSvg(empty, { ...options, say });
    assert.match(svg, /<text[^>]*>\u27e6No dated items\.\u27e7<\/text>/);
    assert.match(svg, /aria-label="\u27e6Timeline of 0 items\u27e7"/);
  });
});
