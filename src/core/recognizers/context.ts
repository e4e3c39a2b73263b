import type { Lexicon } from '../lexicon/lexicon';
import type { RecognizerState } from './recognizerState';

/** The reference date relative expressions resolve against, and where it came from. */
export interface DocumentDate {
  /** ISO date `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when only that much is known). */
  value: string;
  /** Where it came from (see {@link DocumentDateSource}). */
  source: DocumentDateSource;
  /** UTF-16 range of the dateline or title date in the text, when it came from the text. */
  start?: number;
  end?: number;
}

/**
 * Where a document's date came from, in the order they are trusted: what the user wrote in the sidecar
 * (`metadata`) or gave the CLI (`option`), a dateline or title line in the text, a date in the file's name or
 * in its folders' names, and the file's modification time or last git commit when the user turned that on.
 */
export type DocumentDateSource = 'metadata' | 'option' | 'dateline' | 'title' | 'file name' | 'folder' | 'file time' | 'git commit';

/** What a block recognizer may consult besides the block's own text. */
export interface BlockContext {
  lexicon: Lexicon;
  documentDate?: DocumentDate;
  /** The caches the recognizers reuse across blocks; without one (a single call), a fresh one serves that call. */
  state?: RecognizerState;
}
