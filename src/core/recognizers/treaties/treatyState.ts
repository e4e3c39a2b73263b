import { LexiconReader } from './treatyLexiconMatch';

/** What a name links to; an abbreviation defined in parentheses after it links to the same. */
export interface Link {
  entityId: string;
  value: string;
}

/**
 * What the treaty recognizer reuses from one block to the next, owned by a recognizer state: the lexicon reader's
 * word arrays and first-word cache, and the abbreviations defined in the block being read, one map emptied by
 * every call (one runs to completion before the next starts, and the links are copied into mentions) so that a
 * block without any allocates no map.
 */
export class TreatyState {
  readonly reader = new LexiconReader();
  readonly defined = new Map<string, Link & { from: number }>();
}
