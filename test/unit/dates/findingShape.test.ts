import * as assert from 'node:assert/strict';
import { EMPTY_LEXICON } from '../../../src/core/lexicon/lexicon';
import type { Mention } from '../../../src/core/model/mention';
import { recognizeDates } from '../../../src/core/recognizers/dates/dateRecognizer';
import { scanDates } from '../../../src/core/recognizers/dates/scanner';
import { parseAnchor } from '../../../src/core/recognizers/dates/calendar';

// Findings of every rule, with and without a period part ("early", "the end of") and a block anchor ("the day before").
const TEXT =
  'On 3 March 2021 talks began; the day before, in early 2020 and late December, during the 1980s, ' +
  'in Q3 2022, last Friday, 2019-2020, in the summer, at the end of the month, on 29/11/2023, on Christmas Day, ' +
  'on the 5th, yesterday, in 421 BC, and on Thursday, December 23, 2021.';

describe('dates: findings and mentions of one shape', () => {
  it('makes every finding with the same keys in the same order, whatever its rule', () => {
    const found = scanDates(TEXT, parseAnchor('2023-05-17'));
    assert.ok(new Set(found.map((f) => f.rule)).size >= 10, 'findings of many rules');
    assert.ok(found.some((f) => f.mod) && found.some((f) => f.anchor), 'with a period part and a block anchor');
    for (const f of found) assert.deepEqual(Object.keys(f), ['start', 'end', 'value', 'precision', 'resolution', 'rule', 'mod', 'anchor'], f.rule);
  });

  it("adds a block's date mentions to the array it is given, after what it holds", () => {
    const before: Mention = { kind: 'speaker', start: 0, end: 2, text: 'On', source: 'auto' };
    const out = [before];
    const returned = recognizeDates(TEXT, { lexicon: EMPTY_LEXICON }, out);
    assert.equal(returned, out);
    assert.equal(out[0], before);
    assert.deepEqual(out.slice(1), recognizeDates(TEXT, { lexicon: EMPTY_LEXICON }));
    assert.ok(out.length > 10);
  });
});
