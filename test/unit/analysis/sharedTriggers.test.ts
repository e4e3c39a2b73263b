import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import type { Lexicon } from '../../../src/core/lexicon/lexicon';
import { sharedTriggerScanner } from '../../../src/core/recognizers/blockTriggers';
import { DATE_TRIGGERS, scanDates } from '../../../src/core/recognizers/dates/scanner';
import { RecognizerState } from '../../../src/core/recognizers/recognizerState';
import { TriggerTokens } from '../../../src/core/recognizers/triggerTokens';
import { recognizeTreaties } from '../../../src/core/recognizers/treaties/treatyRecognizer';
import { treatyTables } from '../../../src/core/recognizers/treaties/treatyTables';

/**
 * Date words, digits, treaty words (some holding digits: "CFE1A"), words that hold digits, and the joiners a rule
 * may end inside of: shuffled, they put a rule's end inside a token and a digit inside a treaty word.
 */
const WORDS = [
  '1990', '12', '3rd', '2020s', '2021-2022', '12/05/2023', '1550', 'May', 'March', 'Sept.', 'Monday', 'today', 'years', 'year',
  'ago', 'last', 'the', 'of', 'in', 'Q1', 'Q12', 'spring', 'Christmas', 'CFE1A', 'A1B2', 'X9', 'COVID19', 'START-3', 'New', 'START',
  'Treaty', 'INF', 'Act', 'Open', 'Skies', 'open', '-', '/', ',', '.', '—', 'Ünited', 'warheads',
];

const text = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }), fc.array(fc.constantFrom(' ', '', '-', '\n', ', '), { maxLength: 30 }))
  .map(([words, gaps]) => words.map((w, i) => w + (gaps[i] ?? ' ')).join(''));

describe('analysis: one trigger scan for dates and treaties', () => {
  it('finds the dates the date words alone find, digits inside treaty words and rule ends inside tokens included', () => {
    const shared = sharedTriggerScanner(treatyTables(BUILTIN_LEXICON));
    assert.ok(shared, 'the built-in lexicon is read in the shared scan');
    const anchor = { value: '2023-05-17' } as Parameters<typeof scanDates>[1];
    fc.assert(
      fc.property(text, (t) => {
        assert.deepEqual(scanDates(t, anchor, new TriggerTokens().read(t, shared)), scanDates(t, anchor, new TriggerTokens().read(t, DATE_TRIGGERS)), t);
      }),
      { numRuns: 3000 },
    );
    const t = 'the CFE1A 1990 talks; COVID19 of 1999 and START-3 in 2021-2022';
    assert.ok(scanDates(t, anchor, new TriggerTokens().read(t, shared)).length >= 3);
  });

  it('finds the treaties a lexicon whose words need their own scanner finds', () => {
    // A treaty whose first word starts past ASCII cannot be read with `\b`: that lexicon scans on its own.
    const own: Lexicon = { ...BUILTIN_LEXICON, treaties: [...BUILTIN_LEXICON.treaties, { id: 'treaty:elysee', name: 'Élysée Treaty', fullName: 'Élysée Treaty', abbreviations: [], aliases: [] }] };
    assert.equal(sharedTriggerScanner(treatyTables(own)), undefined);
    fc.assert(
      fc.property(text, (t) => {
        const state = new RecognizerState();
        assert.deepEqual(recognizeTreaties(t, { lexicon: own, state }), recognizeTreaties(t, { lexicon: BUILTIN_LEXICON, state }), t);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a block once for both recognizers, and again for another block or lexicon', () => {
    const tokens = new TriggerTokens();
    const shared = sharedTriggerScanner(treatyTables(BUILTIN_LEXICON));
    assert.ok(shared);
    tokens.read('In May 1990 the INF Treaty', shared);
    assert.deepEqual([...tokens.starts.subarray(0, tokens.count)], [3, 7, 16, 20]);
    assert.deepEqual([tokens.dateCount, tokens.treatyCount, tokens.readsTreaties], [2, 2, true]);
    tokens.read('In May 1990 the INF Treaty', DATE_TRIGGERS);
    assert.deepEqual([...tokens.starts.subarray(0, tokens.count)], [3, 7]);
    assert.deepEqual([tokens.dateCount, tokens.treatyCount, tokens.readsTreaties], [2, 0, false]);
    // Past the first arrays' size: they grow, and keep what they held.
    const long = Array.from({ length: 200 }, (_, i) => `${i}`).join(' ');
    tokens.read(long, shared);
    assert.equal(tokens.count, 200);
    assert.equal(tokens.ends[199], long.length);
  });
});
