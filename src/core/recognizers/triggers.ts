/**
 * One pass over a block finds the trigger words of three recognisers at once: the first word of every speech-verb
 * phrase, every date word and digit run, and the first word of every treaty form and head noun. Each of those
 * recognisers used to scan the whole block with its own expression; V8 spends most of such a scan deciding, at
 * every position, that no alternative starts there, so one expression over the union costs about as much as one
 * of the three. Each recogniser then confirms its own expression at its entries only (BlockTriggers).
 *
 * Every match of the three expressions starts at a word (letters, digits, `_`: what `\b` sees) equal to the first
 * word of one of their alternatives, or is a digit run; the union finds exactly those words, so reading the
 * entries finds what the three scans found.
 */
import type { Lexicon } from '../lexicon/lexicon';
import * as classes from '../text/charClasses';
import { BlockTriggers, DATE, DIGITS, HIDES_DIGITS, SPEECH, TREATY } from './blockTriggers';
import { dateTriggerWords } from './dates/scanner';
import { knownTriggers, trieSource } from './speakers/speechVerbs';
import { treatyTables, type TreatyTables } from './treaties/treatyTables';

// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { isAsciiDigit } = classes;

interface TriggerScanner {
  /** Digit runs and the trigger words, as whole words. */
  re: RegExp;
  bitsOf: Map<string, number>;
  treaties: boolean;
}

/** Built once per lexicon's treaty tables, which hold the treaty words. */
const scanners = new WeakMap<TreatyTables, TriggerScanner>();

const FIRST_WORD = /^\w+/;
const STARTS_WITH_DIGIT = /^\d/;
const HAS_DIGIT = /\d/;

function buildScanner(tables: TreatyTables): TriggerScanner {
  const bitsOf = new Map<string, number>();
  const add = (word: string, bit: number): boolean => {
    const first = FIRST_WORD.exec(word)?.[0];
    // A word that does not start with a word character, or starts with a digit (read as a digit run), cannot be
    // an entry: the kind that has one keeps its own scan.
    if (first === undefined || STARTS_WITH_DIGIT.test(first)) return false;
    bitsOf.set(first, (bitsOf.get(first) ?? 0) | bit);
    return true;
  };
  for (const phrase of knownTriggers().keys()) if (!add(phrase, SPEECH)) throw new Error(`speech trigger "${phrase}" does not start with a word`);
  for (const word of dateTriggerWords()) if (!add(word, DATE)) throw new Error(`date trigger "${word}" does not start with a word`);
  let treaties = tables.plainTriggers !== undefined;
  if (tables.plainTriggers) for (const word of tables.plainTriggers) if (!add(word, TREATY)) treaties = false;
  for (const [word, bits] of bitsOf) if (!(bits & DATE) && HAS_DIGIT.test(word)) bitsOf.set(word, bits | HIDES_DIGITS);
  const re = new RegExp(`\\d+|\\b${trieSource([...bitsOf.keys()])}\\b`, 'g');
  return { re, bitsOf, treaties };
}

/** The trigger words of `block` for the speaker, date and treaty recognisers. */
export function findTriggers(block: string, lexicon: Lexicon): BlockTriggers {
  const tables = treatyTables(lexicon);
  let scanner = scanners.get(tables);
  if (!scanner) scanners.set(tables, (scanner = buildScanner(tables)));
  const { re, bitsOf } = scanner;
  const out = new BlockTriggers(scanner.treaties);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(block)) !== null) {
    const word = m[0];
    const c = word.charCodeAt(0);
    out.start.push(m.index);
    out.word.push(word);
    out.bits.push(isAsciiDigit(c) ? DIGITS : (bitsOf.get(word) as number));
  }
  return out;
}
