/**
 * How the workspace index stores one document (IndexedDocument): the mention objects of an open document
 * (openDocument.ts), or a ColdDocument's typed arrays (coldDocument.ts) behind the same interface. The index
 * takes a document's view (model/documentView.ts) or a closed document's parts through its one entry,
 * `WorkspaceIndex.setDocument`.
 */
import type { Mention } from '../model/mention';
import type { DocumentDate } from '../recognizers/context';
import type { DocKeys } from './docKeys';

/**
 * One document as the index stores it. Made by `WorkspaceIndex.setDocument` only; read by the index's own
 * questions (entityUsage.ts, the index's lookups) and, through `WorkspaceIndex.document`, by the features and the
 * model (a closed document's text, to index it again when its sidecar changes).
 */
export interface IndexedDocument {
  uri: string;
  mentions: readonly Mention[];
  /**
   * The text, kept so that snippets are made when a view asks for them (`WorkspaceIndex.snippet`) rather than for
   * every mention of every document at indexing time.
   */
  text: string;
  /**
   * Derived mentions that are not spans of the main layer (`layer` set: whole interview turns, quotes): kept
   * apart so they are neither highlighted nor counted, but hover cards can list a speaker's quotes.
   */
  layered: readonly Mention[];
  documentDate?: DocumentDate;
  /**
   * Offsets where lines start, computed when first needed (`WorkspaceIndex.lineStarts`): a scanned document's
   * mentions are located only when a view lists them.
   */
  lineStarts: Uint32Array | undefined;
  /** `maxEnd[i]` = the largest `end` among `mentions[0..i]`: lets `WorkspaceIndex.mentionAt` stop early. */
  maxEnd: Uint32Array;
  length: number;
  /** How many mentions the main layer has. */
  readonly count: number;
  /** Mention `i` of the main layer (0 <= i < count), without making a closed document's whole list. */
  mention(i: number): Mention;
  /** The kind code of mention `i` (see kindCode in docKeys.ts). */
  kindCodeOf(i: number): number;
  /** The first role the text gave at a mention of the key in `slot` of the document's `keys`, if any. */
  roleOf(slot: number, keys: DocKeys): string | undefined;
  /** The same document under another URI (a file moved). */
  renamed(uri: string): IndexedDocument;
}
