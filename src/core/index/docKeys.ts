/**
 * One document's mentions grouped by entity key: what the index adds to its workspace-wide maps for a document,
 * and answers per-document questions from.
 */
import type { Mention, MentionKind } from '../model/mention';

/**
 * The key a mention is grouped under. Mentions without an entity (a manual annotation with a free label, a date
 * that could not be normalised) are grouped by kind and text, so the tree and references still gather them.
 */
export function entityKey(m: Mention): string {
  return m.entityId ?? `${m.kind}:~${(m.value ?? m.text).toLowerCase().replace(/\s+/g, ' ')}`;
}

/** The mention kinds, each with a code (its place here): a key's counts per kind are a row of a typed array. */
export const KINDS: readonly MentionKind[] = ['speaker', 'date', 'treaty', 'person', 'custom'];
export const KIND_COUNT = KINDS.length;

export function kindCode(kind: MentionKind): number {
  switch (kind) {
    case 'speaker':
      return 0;
    case 'date':
      return 1;
    case 'treaty':
      return 2;
    case 'person':
      return 3;
    default:
      return 4;
  }
}

/**
 * One document's mentions grouped by entity key, in typed arrays: a scanned workspace then holds a few objects
 * per document here rather than a list per key per document, which the garbage collector copied and visited
 * (most of what indexing a thousand documents cost beyond analysing them).
 */
export interface DocKeys {
  /** The distinct entity keys, in order of first mention; a key's index here is its slot. */
  keys: string[];
  /** The mentions of `keys[slot]` are `order[offsets[slot]]` to `order[offsets[slot + 1] - 1]`, ascending. */
  offsets: Uint32Array;
  /** Mention indexes grouped by slot. */
  order: Uint32Array;
  /** `kindCounts[slot * KIND_COUNT + kindCode(kind)]`: the key's mentions as that kind. */
  kindCounts: Uint32Array;
  /** The slot of each mention. */
  slotOf: Uint32Array;
  /** The kind of each mention, by {@link kindCode}. */
  kinds: Uint8Array;
}

/** Groups mentions by {@link entityKey}, each key computed once. */
export function groupByKey(mentions: readonly Mention[]): DocKeys {
  const slots = new Map<string, number>();
  const keys: string[] = [];
  const sizes: number[] = [];
  const slotOf = new Uint32Array(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    const key = entityKey(mentions[i]);
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = keys.length;
      slots.set(key, slot);
      keys.push(key);
      sizes.push(0);
    }
    slotOf[i] = slot;
    sizes[slot]++;
  }
  const offsets = new Uint32Array(keys.length + 1);
  for (let slot = 0; slot < keys.length; slot++) offsets[slot + 1] = offsets[slot] + sizes[slot];
  const next = offsets.slice(0, keys.length);
  const order = new Uint32Array(mentions.length);
  const kindCounts = new Uint32Array(keys.length * KIND_COUNT);
  const kinds = new Uint8Array(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    const slot = slotOf[i];
    order[next[slot]++] = i;
    const code = kindCode(mentions[i].kind);
    kinds[i] = code;
    kindCounts[slot * KIND_COUNT + code]++;
  }
  return { keys, offsets, order, kindCounts, slotOf, kinds };
}

/** True when two sorted mention lists name the same entities, as the same kinds, in the same order. */
export function sameKeys(a: readonly Mention[], b: readonly Mention[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x.kind !== y.kind || x.entityId !== y.entityId) return false;
    if (x.entityId === undefined && entityKey(x) !== entityKey(y)) return false;
  }
  return true;
}
