import type { Lexicon } from '../lexicon/lexicon';

/** The reference date relative expressions resolve against, and where it came from. */
export interface DocumentDate {
  /** ISO date `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when only that much is known). */
  value: string;
  /** How it was found: `dateline` (in the text), `metadata` (sidecar/front matter), `option` (caller). */
  source: 'dateline' | 'metadata' | 'option';
  /** UTF-16 range of the dateline in the text, when it came from the text. */
  start?: number;
  end?: number;
}

/** What a block recognizer may consult besides the block's own text. */
export interface BlockContext {
  lexicon: Lexicon;
  documentDate?: DocumentDate;
}
