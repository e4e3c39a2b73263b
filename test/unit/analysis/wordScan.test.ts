import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { sharedTriggerScanner } from '../../../src/core/recognizers/blockTriggers';
import { DATE_TRIGGERS } from '../../../src/core/recognizers/dates/scanner';
import type { Found } from '../../../src/core/recognizers/speakers/attribution';
import { SpeechHits } from '../../../src/core/recognizers/speakers/speechHits';
import { findTitledPeople } from '../../../src/core/recognizers/speakers/titledPeople';
import { BlockTokens } from '../../../src/core/recognizers/speakers/tokens';
import { TriggerTokens, type TriggerScanner } from '../../../src/core/recognizers/triggerTokens';
import { treatyTables } from '../../../src/core/recognizers/treaties/treatyTables';
import { itAgreesOnRealText } from '../../support/sampleParagraphs';

/** The tokens `scanner.regex` finds, as `start-end flags` (with the word for a treaty trigger). */
function regexTokens(block: string, scanner: TriggerScanner): string[] {
  const out: string[] = [];
  const re = new RegExp(scanner.regex.source, 'g');
  for (let m = re.exec(block); m !== null; m = re.exec(block)) {
    const w = m[0];
    const c = w.charCodeAt(0);
    let flags = 1;
    if (c < 48 || c > 57) flags = (scanner.dateKinds.get(w) ?? 0) | (scanner.treatyWords?.has(w) ? 16 : 0);
    out.push(`${m.index}-${m.index + w.length} ${flags}${flags & 16 ? ` ${w}` : ''}`);
  }
  return out;
}

function scanTokens(tokens: TriggerTokens): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.count; i++) {
    const flags = tokens.flags[i] as number;
    out.push(`${tokens.starts[i]}-${tokens.ends[i]} ${flags}${flags & 16 ? ` ${tokens.words[i]}` : ''}`);
  }
  return out;
}

const hitsOf = (h: SpeechHits): number[] => [...h.data.subarray(0, 3 * h.count)];

const shared = sharedTriggerScanner(treatyTables(BUILTIN_LEXICON)) as TriggerScanner;

/** The one loop finds what the two expressions found: the trigger tokens and the union's speech hits. */
function assertSame(block: string): void {
  for (const scanner of [shared, DATE_TRIGGERS]) {
    const hits = new SpeechHits();
    const tokens = new TriggerTokens().read(block, scanner, hits);
    const label = JSON.stringify(block.slice(0, 200));
    assert.deepEqual(scanTokens(tokens), regexTokens(block, scanner), `tokens of ${label}`);
    assert.deepEqual(hitsOf(hits), hitsOf(new SpeechHits().read(block)), `speech hits of ${label}`);
    const dates = scanTokens(tokens).filter((t) => Number(t.split(' ')[1]) & 15).length;
    assert.equal(tokens.dateCount, dates);
    const byRegex: Found[] = [];
    const byTitles: Found[] = [];
    findTitledPeople(block, byRegex, new BlockTokens());
    assert.ok(hits.titles);
    findTitledPeople(block, byTitles, new BlockTokens(), hits.titles);
    assert.deepEqual(byTitles, byRegex, `titled people of ${label}`);
  }
}

/** Words of every kind the loop tells apart, and the characters between words that `\b` and `\d` read. */
const WORDS = [
  '1990', '3rd', 'COVID19', 'Q1', 'Q12', 'CFE1A', 'A1B2', '_x1', '_May', 'May', 'May_', 'Mayor', 'today', 'Today', 'years', 'START',
  'New', 'Treaty', 'INF', 'said', 'says', 'saying', 'according', 'According', 'to', 'in', 'In', 'an', 'interview', 'op', 'ed', 'spoke',
  'out', 'made', 'clear', 'it', 'was', 'very', 'quoted', 'as', 'Berg', 'Ünited', 'é', 'said2', '2said', 'President', 'Presidents',
  'Vice', 'Mr.', 'Mr', 'Sen.', 'Gen', 'Putin', 'and', 'Joe', 'Biden', 'Émile', 'Foreign', 'Minister', 'Sergei', 'Lavrov',
  // Words that open phrases of several words, their second words, and words that follow them otherwise.
  'is', 'has', 'have', 'been', 'a', 'the', 'statement', 'his', 'remarks', 'called', 'calls', 'on', 'upon', 'for', 'point', 'made',
  'makes', 'plain', 'went', 'goes', 'say', 'expressed', 'hope', 'concern', 'set', 'not', 'In', 'an2', 'clearly',
];
const GAPS = [' ', '', '-', '\n', ', ', '  ', '\t', '’', "'", 'é', '_', '.', '\u00a0', '\u2028', ' \r\n '];
const text = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }), fc.array(fc.constantFrom(...GAPS), { maxLength: 30 }))
  .map(([words, gaps]) => words.map((w, i) => w + (gaps[i] ?? ' ')).join(''));

describe('analysis: one loop for the trigger tokens, the speech hits and the title words', () => {
  it('finds what the trigger expression, the speech union and the titles find, on shuffled words and joiners', () => {
    fc.assert(fc.property(text, (t) => assertSame(t)), { numRuns: 3000 });
  });

  itAgreesOnRealText(assertSame);

  it('reads a block once for the speech hits and the tokens, and again when the hits were not read with them', () => {
    const tokens = new TriggerTokens();
    const hits = new SpeechHits();
    const block = 'In May, Berg said the INF Treaty was over, according to TASS.';
    tokens.read(block, shared);
    assert.equal(hits.count, 0);
    tokens.read(block, shared, hits);
    assert.deepEqual(hitsOf(hits), hitsOf(new SpeechHits().read(block)));
    assert.equal(hits.count, 2);
  });
});
