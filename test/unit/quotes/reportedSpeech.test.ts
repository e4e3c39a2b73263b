import * as assert from 'node:assert/strict';
import { quoteLines as quotes } from '../../support/quoteLines';

describe('quotes: more constructions of English reported speech', () => {
  it('takes a quotation after a short adverbial and a comma or colon (`said recently, "…"`)', () => {
    assert.deepEqual(quotes('As Secretary Dana Whitfield said recently, "Nobody wins an arms race."'), ['Dana Whitfield: Nobody wins an arms race.']);
    assert.deepEqual(quotes('Sergei Ryabkov told reporters in Moscow on Monday: "We are ready."'), ['Sergei Ryabkov: We are ready.']);
  });
});
