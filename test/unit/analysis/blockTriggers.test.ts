import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { splitBlocks } from '../../../src/core/recognizers/blocks';
import { scanDates } from '../../../src/core/recognizers/dates/scanner';
import { scanTriggers } from '../../../src/core/recognizers/speakers/speechVerbs';
import { recognizeTreaties } from '../../../src/core/recognizers/treaties/treatyRecognizer';
import { findTriggers } from '../../../src/core/recognizers/triggers';
import { requireShared } from '../../support/sharedData';

/** Each recogniser's own scan of a block against the same scan read from the block's shared trigger pass. */
function assertSameScans(block: string, where: string): void {
  const triggers = findTriggers(block, BUILTIN_LEXICON);
  const speech = (t?: ReturnType<typeof findTriggers>): string[] => {
    const out: string[] = [];
    scanTriggers(block, (start, end, phrase, kind) => out.push(`${start}-${end} ${phrase} ${kind}`), t);
    return out;
  };
  assert.deepEqual(speech(triggers), speech(), `speech triggers in ${where}`);
  assert.deepEqual(scanDates(block, undefined, triggers), scanDates(block, undefined), `dates in ${where}`);
  const ctx = { lexicon: BUILTIN_LEXICON };
  assert.deepEqual(recognizeTreaties(block, ctx, triggers), recognizeTreaties(block, ctx), `treaties in ${where}`);
}

describe('the shared trigger pass of a block', () => {
  it('finds what each recogniser finds with its own scan, in words that hide digits and scans resumed inside words', () => {
    const cases = [
      'The CFE1A talks of 1992, the F16 order, Q1 2023 and Q12 results; abc123def on 12/05/2021.',
      'In 2021-22 the INF Treaty (INF) said 3,000; 1990s and ’90s; March 3-5, 2020 and 20210304 today.',
      'According\nto Berg, who was quoted as saying "no", said the START-3 treaty and New START_1 were 2x10.',
      'x1 1x 1_2 _1 Year2020 YEAR 2020s CFE1A2020 in an interview on Monday, 5 June.',
    ];
    for (const c of cases) assertSameScans(c, JSON.stringify(c));
  });

  it('finds what each recogniser finds with its own scan, on every block of the samples', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'samples');
    for (const name of fs.readdirSync(dir).filter((n) => /\.(?:txt|md)$/.test(n))) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      for (const b of splitBlocks(text)) assertSameScans(text.slice(b.start, b.end), `${name} at ${b.start}`);
    }
  });

  it('finds what each recogniser finds with its own scan, on every block of the distinct benchmark megabyte', function () {
    this.timeout(60_000);
    const dir = requireShared(this, 'corpus', 'bench');
    const text = fs.readFileSync(path.join(dir, 'distinct-1mb.txt'), 'utf8');
    for (const b of splitBlocks(text)) assertSameScans(text.slice(b.start, b.end), `distinct-1mb.txt at ${b.start}`);
  });
});
