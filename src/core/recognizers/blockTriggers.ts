import type { Lexicon } from '../lexicon/lexicon';
import { DATE_TRIGGERS, DATE_WORD_KINDS } from './dates/scanner';
import type { RecognizerState } from './recognizerState';
import type { SpeechHits } from './speakers/speechHits';
import { PLAIN_WORD, triggerScanner, type TriggerScanner, type TriggerTokens } from './triggerTokens';
import { treatyTables, type TreatyTables } from './treaties/treatyTables';

/** Per lexicon's treaty tables: the scanner of date and treaty words together, or null when they cannot share one. */
const shared = new WeakMap<TreatyTables, TriggerScanner | null>();

/**
 * The scanner that reads a block's date and treaty triggers in one pass, or undefined when the lexicon's treaty
 * words need their own scanner: a word with a letter past ASCII or a leading digit (where `\b` and `\d+` read
 * differently), or a lexicon so large that its scanner finds every capitalised word.
 */
export function sharedTriggerScanner(tables: TreatyTables): TriggerScanner | undefined {
  let scanner = shared.get(tables);
  if (scanner === undefined) {
    const plain = !tables.checkTriggers && [...tables.triggers].every((w) => PLAIN_WORD.test(w));
    scanner = plain ? triggerScanner(DATE_WORD_KINDS, tables.triggers) : null;
    shared.set(tables, scanner);
  }
  return scanner ?? undefined;
}

/** The block's trigger tokens, read once for the date and the treaty recognizer (with the date words at least). */
export function blockTriggers(block: string, lexicon: Lexicon, state: RecognizerState): TriggerTokens {
  const tokens = state.triggers;
  return tokens.read(block, tokens.scannerFor(lexicon, scannerOf));
}

/**
 * The block's speech hits (speechHits.ts), read in the pass that reads its trigger tokens: the date and treaty
 * recognizers then find the block read.
 */
export function blockSpeechHits(block: string, lexicon: Lexicon, state: RecognizerState): SpeechHits {
  const tokens = state.triggers;
  const hits = state.speakers.hits;
  tokens.read(block, tokens.scannerFor(lexicon, scannerOf), hits);
  return hits;
}

function scannerOf(lexicon: Lexicon): TriggerScanner {
  return sharedTriggerScanner(treatyTables(lexicon)) ?? DATE_TRIGGERS;
}
