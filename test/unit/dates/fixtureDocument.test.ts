import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { EMPTY_LEXICON } from '../../../src/core/lexicon/lexicon';
import { splitBlocks } from '../../../src/core/recognizers/blocks';
import { detectDocumentDate, recognizeDates } from '../../../src/core/recognizers/dates/dateRecognizer';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'dates');

interface Expected {
  documentDate: string;
  dates: { text: string; value: string; precision: string; resolution: string }[];
}

// A whole document of our own: dateline → document date → every block's dates resolved against it, as the
// analyzer runs them (blocks = paragraphs, offsets relative to the block).
describe('dates: a whole dispatch', () => {
  it('finds the dateline and every date, resolved against it', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'dispatch.txt'), 'utf8');
    const expected = parse(fs.readFileSync(path.join(FIXTURES, 'dispatch.expected.yaml'), 'utf8')) as Expected;
    const documentDate = detectDocumentDate(text);
    assert.equal(documentDate?.value, expected.documentDate);
    assert.equal(text.slice(documentDate.start, documentDate.end), 'Tuesday 14 March 2023');
    const found = splitBlocks(text).flatMap((b) =>
      recognizeDates(text.slice(b.start, b.end), { lexicon: EMPTY_LEXICON, documentDate }).map((m) => {
        assert.equal(text.slice(b.start + m.start, b.start + m.end), m.text);
        return { text: m.text, value: m.value, precision: m.attributes?.precision, resolution: m.attributes?.resolution };
      }),
    );
    assert.deepEqual(found, expected.dates);
  });
});
