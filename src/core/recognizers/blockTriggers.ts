/**
 * The trigger words of one block, found for the speaker, date and treaty recognisers together (see triggers.ts),
 * in text order. A recogniser reads the entries whose bit it owns instead of scanning the block with its own
 * expression; an entry is a place where its expression may match, which it confirms there.
 */

/** A word that may start a speech-verb phrase ("said", "according", "In"). */
export const SPEECH = 1;
/** A date word ("March", "today", "Q1"). */
export const DATE = 2;
/** A word that may start a treaty name or is a pattern's head noun ("New", "Treaty"). */
export const TREATY = 4;
/** A run of digits. */
export const DIGITS = 8;
/**
 * A word of the other kinds holding a digit: the date expression's `\d+` needs no word boundary, so the date scan
 * must look inside it.
 */
export const HIDES_DIGITS = 16;

export class BlockTriggers {
  /** Offset of each entry in the block. */
  readonly start: number[] = [];
  /** The entry as written: a whole word (letters, digits, `_`) or a digit run. */
  readonly word: string[] = [];
  /** What the entry may be, as bits above. */
  readonly bits: number[] = [];
  /** The treaty scan may use the entries (its expression has no alternative they miss). */
  constructor(readonly treaties: boolean) {}
}
