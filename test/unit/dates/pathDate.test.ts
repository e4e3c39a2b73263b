import * as assert from 'node:assert/strict';
import { dateFromPath } from '../../../src/core/recognizers/dates/pathDate';
import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';

describe('dates: a document date from its path', () => {
  it('reads a date in the file name, in the usual spellings', () => {
    assert.deepEqual(dateFromPath('/data/2021-12-30-readout.txt'), { value: '2021-12-30', source: 'file name' });
    assert.equal(dateFromPath('briefings/20211230_statement.md')?.value, '2021-12-30');
    assert.equal(dateFromPath('C:\\texts\\readout_2021_12_30.txt')?.value, '2021-12-30');
    assert.equal(dateFromPath('wh-kirby-briefing-2022.11.28.txt')?.value, '2022-11-28');
  });

  it('reads folders named by date, nearest the file first', () => {
    assert.deepEqual(dateFromPath('/news/2021/12/30/transcript.txt'), { value: '2021-12-30', source: 'folder' });
    assert.equal(dateFromPath('/news/2021/12-30/transcript.txt')?.value, '2021-12-30');
    assert.equal(dateFromPath('/archive/2020-01-01/2021-06-16/statement.txt')?.value, '2021-06-16');
  });

  it('does not read numbers that are not dates', () => {
    assert.equal(dateFromPath('/data/report-120211230.txt'), undefined, 'part of a longer number');
    assert.equal(dateFromPath('/data/2021-13-01.txt'), undefined, 'no 13th month');
    assert.equal(dateFromPath('/data/2021-02-30.txt'), undefined, 'no 30 February');
    assert.equal(dateFromPath('/data/2021-12_30.txt'), undefined, 'mixed separators');
    assert.equal(dateFromPath('/data/FY2021-budget.txt'), undefined);
    assert.equal(dateFromPath('/data/2021/notes.txt'), undefined, 'a year alone');
  });

  it('resolves relative dates in a text with no dateline, and a dateline still wins over the path', () => {
    const text = 'Yesterday the two presidents spoke by phone about New START.';
    const bare = analyze(text, { lexicon: BUILTIN_LEXICON }).mentions.find((m) => m.kind === 'date');
    assert.equal(bare?.attributes?.resolution, 'unresolved');
    const fallbackDate = dateFromPath('/briefings/2021-12-30-readout.txt');
    const dated = analyze(text, { lexicon: BUILTIN_LEXICON, fallbackDate });
    assert.equal(dated.mentions.find((m) => m.kind === 'date')?.value, '2021-12-29');
    assert.equal(dated.documentDate?.source, 'file name');
    const withDateline = analyze(`WASHINGTON, D.C., June 16, 2021 — ${text}`, { lexicon: BUILTIN_LEXICON, fallbackDate });
    assert.equal(withDateline.documentDate?.value, '2021-06-16');
    assert.equal(withDateline.mentions.find((m) => m.text === 'Yesterday')?.value, '2021-06-15');
  });

  it('gives a dateline without a year the year of the path date', () => {
    const r = analyze('MOSCOW, Feb 14 (TASS) - Ryabkov said today that talks would go on.', { lexicon: BUILTIN_LEXICON, fallbackDate: { value: '2022-02-14', source: 'file name' } });
    assert.equal(r.documentDate?.value, '2022-02-14');
    assert.equal(r.mentions.find((m) => m.text === 'today')?.value, '2022-02-14');
  });
});
