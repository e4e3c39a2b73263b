/**
 * What the workspace index takes for one document (DocumentInput) and what it holds of it (IndexedDocument: the
 * mention objects of an open document, or a ColdDocument's typed arrays behind the same interface).
 */
import type { Entity } from '../model/entity';
import type { Mention } from '../model/mention';
import type { DocumentDate } from '../recognizers/context';
import type { ColdParts } from './coldDocument';
import type { DocKeys } from './docKeys';

/** What a host hands the index for one document: its text (read once, not kept) and its reconciled mentions. */
export interface DocumentInput {
  text: string;
  /** Every mention of the document (auto and manual, after reconciliation). Sorted or not: the index sorts. */
  mentions: readonly Mention[];
  /** Entities the mentions link to; lexicon facts for hover cards come from here. */
  entities: readonly Entity[];
  /** Reference date relative dates were resolved against, and where it came from, when known. */
  documentDate?: DocumentDate;
  /**
   * The document is not open in an editor (a scanned file): keep what the workspace views need rather than every
   * mention object (see ColdDocument; its mentions are then read back as light copies).
   */
  cold?: boolean;
  /** The UTF-8 bytes `text` was decoded from, which a cold document keeps instead of the text when given. */
  bytes?: Uint8Array;
}

/**
 * A closed document analysed elsewhere (the scan worker), already in the parts a closed document keeps:
 * `source` is its text or the UTF-8 bytes of it.
 */
export interface ScannedInput {
  parts: ColdParts;
  source: string | Uint8Array;
  entities: readonly Entity[];
}

/** One document as indexed. */
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
