import * as assert from 'node:assert/strict';
import { filterTopics, paragraphBounds, quotesWithTopics, speakerTreatyTable, treatiesAround } from '../../../src/core/desk/quoteTopics';
import { daySpan, inDayRange, isoDay, parseDayRange } from '../../../src/core/desk/timeSpan';
import { deskIndex } from './fixtures';

describe('desk: the treaties a quote is about', () => {
  it('takes the paragraph between blank lines around a span, over several when the span runs on', () => {
    const text = 'One.\n\nTwo a\ntwo b.\n  \nThree.';
    assert.deepEqual(paragraphBounds(text, text.indexOf('two b'), text.indexOf('two b') + 2), [6, 18]);
    assert.deepEqual(paragraphBounds(text, 0, 2), [0, 4]);
    assert.deepEqual(paragraphBounds(text, 1, text.indexOf('Three') + 1), [0, text.length]);
    const places = [{ key: 'treaty:a', start: 0, end: 3 }, { key: 'treaty:b', start: 6, end: 9 }, { key: 'treaty:b', start: 12, end: 15 }];
    assert.deepEqual(treatiesAround(text, places, 13, 14), ['treaty:b']);
    assert.deepEqual(treatiesAround(text, places, 2, 8), ['treaty:a', 'treaty:b']);
  });

  for (const cold of [true, false]) {
    it(`finds the treaties named in each quote's paragraph, not elsewhere in its document (${cold ? 'closed' : 'open'})`, () => {
      const people = quotesWithTopics(deskIndex(cold));
      const marsh = people.find((p) => p.name === 'Helena Marsh');
      assert.ok(marsh, people.map((p) => p.name).join(', '));
      assert.deepEqual(
        marsh.quotes.map((q) => [q.text, q.treaties]),
        [
          ['The first round went well,', ['treaty:new-start', 'treaty:open-skies']],
          ['New START still matters to us,', ['treaty:new-start']],
          ['The weather was fine,', []],
          ['Undated words about New START,', ['treaty:new-start']],
        ],
      );
    });
  }

  it('filters by treaty and by a range of document dates; an undated quote is outside any range', () => {
    const people = quotesWithTopics(deskIndex());
    const inf = filterTopics(people, { treaty: 'treaty:inf' });
    assert.deepEqual(inf.map((p) => [p.name, p.quotes.map((q) => q.text)]), [['Daniel Okafor', ['We will not discuss the INF Treaty,']]]);
    const in2023 = filterTopics(people, { range: parseDayRange('2023', '2023-12') });
    assert.deepEqual(in2023.map((p) => [p.name, p.quotes.map((q) => q.date)]), [['Helena Marsh', ['2023-01-10']]]);
    const both = filterTopics(people, { treaty: 'treaty:new-start', range: parseDayRange('2024-05-01', undefined) });
    assert.deepEqual(both.map((p) => [p.name, p.quotes.map((q) => q.text)]), [['Helena Marsh', ['New START still matters to us,']]]);
    assert.equal(filterTopics(people, {}).length, people.length);
  });

  it('counts who spoke about which treaty, with the quotes behind each cell', () => {
    const table = speakerTreatyTable(quotesWithTopics(deskIndex()));
    assert.deepEqual(
      table.map((row) => [row.name, row.cells.map((c) => [c.treaty, c.quotes.length])]),
      [
        ['Daniel Okafor', [['treaty:inf', 1]]],
        ['Helena Marsh', [['treaty:new-start', 3], ['treaty:open-skies', 1]]],
      ],
    );
    assert.equal(table[1].cells[1].quotes[0].text, 'The first round went well,');
  });
});

describe('desk: spans of dates', () => {
  it('gives each kind of value its first and last day', () => {
    const iso = (v: string) => {
      const s = daySpan(v);
      return s && [isoDay(s.first), isoDay(s.last)];
    };
    assert.deepEqual(iso('2023-11-29'), ['2023-11-29', '2023-11-29']);
    assert.deepEqual(iso('2024-02'), ['2024-02-01', '2024-02-29']);
    assert.deepEqual(iso('2023'), ['2023-01-01', '2023-12-31']);
    assert.deepEqual(iso('2023-W01'), ['2023-01-02', '2023-01-08']);
    assert.deepEqual(iso('2023-Q4'), ['2023-10-01', '2023-12-31']);
    assert.deepEqual(iso('2023-H1'), ['2023-01-01', '2023-06-30']);
    assert.deepEqual(iso('2023-WI'), ['2023-12-01', '2024-02-29']);
    assert.deepEqual(iso('198'), ['1980-01-01', '1989-12-31']);
    assert.deepEqual(iso('2021-12/2022-02'), ['2021-12-01', '2022-02-28']);
    assert.equal(daySpan('XXXX-12-22'), undefined);
    assert.equal(daySpan('PAST_REF'), undefined);
  });

  it('reads a typed range, refusing what is not a date, and tests overlap', () => {
    const r = parseDayRange('2023-11', '2023-11');
    assert.ok(inDayRange('2023-11-30', r) && inDayRange('2023', r) && !inDayRange('2023-12-01', r) && !inDayRange(undefined, r));
    assert.ok(inDayRange(undefined, parseDayRange('', undefined)));
    assert.throws(() => parseDayRange('Nov 2023', undefined), /"Nov 2023" is not a date: write 2023/);
    assert.throws(() => parseDayRange('2023-13', undefined), /"2023-13" is not a date/);
    assert.throws(() => parseDayRange('2024', '2023'), /ends before it starts/);
  });
});
