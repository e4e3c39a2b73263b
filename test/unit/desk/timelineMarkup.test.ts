import * as assert from 'node:assert/strict';
import { buildTimeline } from '../../../src/core/desk/timelineData';
import { timelineRows, timelineTable } from '../../../src/core/desk/timelineSvg';
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
