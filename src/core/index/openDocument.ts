/**
 * A document open in the editor as the index keeps it: its mention objects as the analysis made them, for the
 * features that read them on every keystroke. A closed document is a {@link ColdDocument} behind the same
 * interface, so the index asks either the same questions.
 */
import type { Mention } from '../model/mention';
import type { DocumentDate } from '../recognizers/context';
import { kindCode, type DocKeys } from './docKeys';
import type { IndexedDocument } from './indexedDocument';

export class OpenDocument implements IndexedDocument {
  constructor(
    readonly uri: string,
    readonly mentions: readonly Mention[],
    readonly layered: readonly Mention[],
    readonly text: string,
    readonly documentDate: DocumentDate | undefined,
    /** Computed when first needed (WorkspaceIndex.lineStarts). */
    public lineStarts: Uint32Array | undefined,
    readonly maxEnd: Uint32Array,
  ) {}

  get length(): number {
    return this.text.length;
  }

  get count(): number {
    return this.mentions.length;
  }

  mention(i: number): Mention {
    return this.mentions[i] as Mention;
  }

  kindCodeOf(i: number): number {
    return kindCode((this.mentions[i] as Mention).kind);
  }

  roleOf(slot: number, keys: DocKeys): string | undefined {
    for (let j = keys.offsets[slot] as number; j < (keys.offsets[slot + 1] as number); j++) {
      const role = (this.mentions[keys.order[j] as number] as Mention).attributes?.role;
      if (role !== undefined) return role;
    }
    return undefined;
  }

  renamed(uri: string): OpenDocument {
    return new OpenDocument(uri, this.mentions, this.layered, this.text, this.documentDate, this.lineStarts, this.maxEnd);
  }
}
