import * as assert from 'node:assert/strict';
import { buildTimeline } from '../../../src/core/desk/timelineData';
import { quotesWithTopics } from '../../../src/core/desk/quoteTopics';
import { isoDay } from '../../../src/core/desk/timeSpan';
import { deskIndex } from './fixtures';

describe('desk: the timeline data', () => {
  for (const cold of [true, false]) {
    it(`places the dates and the dated quotes (one item per person and date) in time order, with their places (${cold ? 'closed' : 'open'})`, () => {
      const index = deskIndex(cold);
      const data = buildTimeline(index);
      assert.deepEqual(
        data.items.map((i) => [i.kind, isoDay(i.first), i.kind === 'quote' ? `${i.person?.name}: ${i.label}` : i.label]),
        [
          ['date', '2023-01-10', '10 January 2023'],
          ['quote', '2023-01-10', 'Helena Marsh: The first round went well,'],
          ['date', '2023-03-03', '3 March 2023'],
          ['date', '2024-05-01', '1 May 2024'],
          ['quote', '2024-05-01', 'Daniel Okafor: We will not discuss the INF Treaty,'],
          ['quote', '2024-05-01', 'Helena Marsh: New START still matters to us,'],
        ],
      );
      const marsh = data.items[5];
      assert.deepEqual(
        marsh.places.map((p) => index.document(p.uri)?.text.slice(p.start, p.end)),
        ['New START still matters to us,'],
      );
      assert.deepEqual(marsh.treaties, ['treaty:new-start']);
      // The undated document's quote is counted, not placed.
      assert.equal(data.unplaced, 1);
      const march = data.items[2];
      assert.deepEqual(march.places.map((p) => index.document(p.uri)?.text.slice(p.start, p.end)), ['March 3, 2023']);
      assert.deepEqual([marsh.count, marsh.documents, march.count, march.documents], [2, 1, 1, 1]);
      assert.deepEqual(data.people.map((p) => p.name), ['Daniel Okafor', 'Helena Marsh']);
      assert.deepEqual(data.treaties.map((t) => t.key), ['treaty:inf', 'treaty:new-start', 'treaty:open-skies']);
    });
  }

  it('narrows to the items about one treaty: quotes and dates whose paragraph names it', () => {
    const index = deskIndex();
    const data = buildTimeline(index, { treaty: 'treaty:new-start' });
    assert.equal(data.treaty, 'treaty:new-start');
    assert.deepEqual(
      data.items.map((i) => [i.kind, i.label]),
      [
        ['quote', 'The first round went well,'],
        ['quote', 'New START still matters to us,'],
      ],
    );
    const dated = buildTimeline(deskIndex(true, { 'file:///d.txt': 'Talks on New START resume on March 3, 2023.\n\nNothing else on March 9, 2023.\n' }), { treaty: 'treaty:new-start' });
    assert.deepEqual(dated.items.map((i) => [i.label, i.treaties]), [['3 March 2023', ['treaty:new-start']]]);
  });

  it('labels a quote by its first words, a long one read from its start only', () => {
    const long = `GENEVA, May 1, 2024 - Talks.\n\n"${'We  shall\nsee '.repeat(40)}the end," Helena Marsh said.\n`;
    const [item] = buildTimeline(deskIndex(true, { 'file:///l.txt': long })).items.filter((i) => i.kind === 'quote');
    assert.equal(item?.label, 'We shall see We shall see We shall\u2026');
  });

  it('is empty for an empty workspace', () => {
    const data = buildTimeline(deskIndex(true, {}));
    assert.deepEqual([data.items, data.people, data.treaties, data.unplaced], [[], [], [], 0]);
  });
});

describe('desk: the timeline data, given the quotes', () => {
  it('reads no treaty mention when the caller has the quotes with their treaties and no filter is set', () => {
    const index = deskIndex();
    const quotes = quotesWithTopics(index);
    const read: string[] = [];
    const mentionsOf = index.mentionsOf.bind(index);
    index.mentionsOf = (id: string) => {
      read.push(id);
      return mentionsOf(id);
    };
    const data = buildTimeline(index, { quotes });
    assert.deepEqual(read.filter((id) => id.startsWith('treaty:')), []);
    assert.deepEqual(data.items.map((i) => i.id), buildTimeline(deskIndex()).items.map((i) => i.id));
  });
});
