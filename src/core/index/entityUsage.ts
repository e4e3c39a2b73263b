/**
 * What lists and hover cards ask the workspace index about entities (a mention's place, an entity as a list row,
 * its mentions counted per document), and how one document's mentions of an entity are counted (through the
 * document's own questions: an open document answers from its mention objects, a closed one from typed arrays).
 */
import type { Mention, MentionKind } from '../model/mention';
import { kindCode, type DocKeys } from './docKeys';
import type { IndexedDocument } from './indexedDocument';

/** A mention with the document it is in. */
export interface MentionRef {
  uri: string;
  /** Index into the document's `mentions` (and `snippets`). */
  index: number;
  mention: Mention;
}

/** An entity as a list shows it: id, display name, how often it is mentioned (in the scope asked for). */
export interface EntitySummary {
  id: string;
  name: string;
  kind: MentionKind;
  count: number;
  /** Number of documents it is mentioned in (within the scope asked for). */
  documents: number;
}

/** An entity's mentions counted per document (see `WorkspaceIndex.usage`). */
export interface EntityUsage {
  count: number;
  /** Most mentions first; `first` indexes the document's first such mention. */
  documents: ReadonlyArray<{ uri: string; count: number; first: number }>;
  /** A role the text gave at one of its mentions (any kind), for a person's card. */
  role: string | undefined;
}

/**
 * The mentions of the key in `slot` of one document (as `kind`, or as any kind): how many, the first one's index,
 * and a role the text gave at any of them.
 */
export function usageInDocument(doc: IndexedDocument, keys: DocKeys, slot: number, kind: MentionKind | undefined): { n: number; first: number; role: string | undefined } {
  const role = doc.roleOf(slot, keys);
  const code = kind === undefined ? -1 : kindCode(kind);
  let n = 0;
  let first = -1;
  for (let j = keys.offsets[slot]; j < keys.offsets[slot + 1]; j++) {
    const i = keys.order[j];
    if (code >= 0 && doc.kindCodeOf(i) !== code) continue;
    n++;
    if (first < 0) first = i;
  }
  return { n, first, role };
}
