/**
 * For each entity key, the documents that mention it (with the key's slot in each document's {@link DocKeys})
 * and the key's running totals per kind: what the index answers workspace-wide questions from. Arrays rather than
 * a map per key keyed by URI: a scan adds a thousand documents' worth of keys, and those map insertions were the
 * index's costliest step. A document leaves a key's list by moving the list's last document into its place, so
 * the order of a list says nothing; callers sort.
 */
import { KIND_COUNT, type DocKeys } from './docKeys';

/** One indexed document's keys, and where it is in each key's list (by slot), to take it out. */
export interface DocEntry {
  uri: string;
  keys: DocKeys;
  at: Uint32Array;
}

/** A document mentioning a key, with the key's slot there. */
export interface Place {
  entry: DocEntry;
  slot: number;
}

interface KeyEntry {
  docs: DocEntry[];
  slots: number[];
  /** [count, documents] per kind (by kindCode) at [2k, 2k + 1]. */
  totals: Uint32Array;
}

export class KeyPostings {
  private readonly byKey = new Map<string, KeyEntry>();
  private readonly byDoc = new Map<string, DocEntry>();
  private keySetChanges = 0;

  /** Bumped whenever a key comes in or goes: what the workspace's person groups are computed from. */
  get keySetVersion(): number {
    return this.keySetChanges;
  }

  /** Adds a document's keys (the document must not be in already). */
  add(uri: string, keys: DocKeys): void {
    const entry: DocEntry = { uri, keys, at: new Uint32Array(keys.keys.length) };
    for (let slot = 0; slot < keys.keys.length; slot++) {
      const key = keys.keys[slot];
      let held = this.byKey.get(key);
      if (!held) {
        this.byKey.set(key, (held = { docs: [], slots: [], totals: new Uint32Array(2 * KIND_COUNT) }));
        this.keySetChanges++;
      }
      entry.at[slot] = held.docs.length;
      held.docs.push(entry);
      held.slots.push(slot);
      addToTotals(held.totals, keys, slot, 1);
    }
    this.byDoc.set(uri, entry);
  }

  /** Takes a document's keys out; returns them (undefined when it was not in). */
  remove(uri: string): DocKeys | undefined {
    const entry = this.byDoc.get(uri);
    if (!entry) return undefined;
    const keys = entry.keys;
    for (let slot = 0; slot < keys.keys.length; slot++) {
      const key = keys.keys[slot];
      const held = this.byKey.get(key);
      if (!held) continue;
      const at = entry.at[slot];
      const last = held.docs.length - 1;
      if (at !== last) {
        const moved = held.docs[last];
        const movedSlot = held.slots[last];
        held.docs[at] = moved;
        held.slots[at] = movedSlot;
        moved.at[movedSlot] = at;
      }
      held.docs.pop();
      held.slots.pop();
      if (held.docs.length === 0) {
        this.byKey.delete(key);
        this.keySetChanges++;
      }
      else addToTotals(held.totals, keys, slot, -1);
    }
    this.byDoc.delete(uri);
    return keys;
  }

  /** A document's keys. */
  keysOf(uri: string): DocKeys | undefined {
    return this.byDoc.get(uri)?.keys;
  }

  /**
   * Where a key is mentioned: each document (in URI order when `sorted`) with the key's slot there, or only the
   * one document `uri`.
   */
  places(key: string, uri?: string, sorted = true): Place[] {
    if (uri !== undefined) {
      const entry = this.byDoc.get(uri);
      // A document names some tens of keys: a search, rather than a map kept per document.
      const slot = entry ? entry.keys.keys.indexOf(key) : -1;
      return entry && slot >= 0 ? [{ entry, slot }] : [];
    }
    const held = this.byKey.get(key);
    if (!held) return [];
    const out = held.docs.map((entry, i) => ({ entry, slot: held.slots[i] }));
    return sorted ? out.sort((a, b) => (a.entry.uri < b.entry.uri ? -1 : 1)) : out;
  }

  /** Every key with its totals, in the order keys first came. */
  totals(): IterableIterator<[string, { totals: Uint32Array }]> {
    return this.byKey.entries();
  }

  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  clear(): void {
    this.keySetChanges++;
    this.byKey.clear();
    this.byDoc.clear();
  }
}

/** Adds (`sign` 1) or takes out (-1) the counts of the key in `slot` of a document. */
function addToTotals(totals: Uint32Array, keys: DocKeys, slot: number, sign: 1 | -1): void {
  for (let k = 0; k < KIND_COUNT; k++) {
    const count = keys.kindCounts[slot * KIND_COUNT + k];
    if (count > 0) {
      totals[2 * k] += sign * count;
      totals[2 * k + 1] += sign;
    }
  }
}
