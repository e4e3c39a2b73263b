/**
 * The entities mentioned as one kind, as list rows (`WorkspaceIndex.entitiesOfKind`): the Entities views and the
 * CLI's summaries read these. A person known by several ids across the workspace (see personGroups.ts) is one row
 * under the id it goes by, with the counts of all its ids.
 */
import type { MentionKind } from '../model/mention';
import { kindCode, KIND_COUNT } from './docKeys';
import type { EntitySummary } from './entityUsage';
import type { KeyPostings } from './keyPostings';
import type { PersonGroups } from './personGroups';

/**
 * The entities mentioned as `kind`, with counts of those mentions, across the workspace or in one document (`uri`).
 * Workspace-wide it reads the running totals (linear in the entities, not in their mentions); for one document,
 * linear in that document's keys. `displayName` is the name a list shows for a key.
 */
export function entitiesOfKind(
  postings: KeyPostings,
  groups: PersonGroups,
  displayName: (key: string) => string,
  kind: MentionKind,
  uri?: string,
): EntitySummary[] {
  const out: EntitySummary[] = [];
  const code = kindCode(kind);
  const merged = new Map<string, EntitySummary>();
  const add = (key: string, count: number, documents: number) => {
    const id = groups.headOf(key);
    if (!groups.membersOf(id)) {
      out.push({ id, name: displayName(id), kind, count, documents });
      return;
    }
    const held = merged.get(id);
    if (held) held.count += count;
    else {
      const summary = { id, name: displayName(id), kind, count, documents };
      merged.set(id, summary);
      out.push(summary);
    }
  };
  if (uri === undefined) {
    for (const [key, { totals }] of postings.totals()) {
      const count = totals[2 * code];
      if (count > 0) add(key, count, totals[2 * code + 1]);
    }
    for (const summary of merged.values()) summary.documents = documentCountOf(postings, groups, summary.id, code);
    return out;
  }
  const keys = postings.keysOf(uri);
  if (!keys) return out;
  for (let slot = 0; slot < keys.keys.length; slot++) {
    const count = keys.kindCounts[slot * KIND_COUNT + code];
    if (count > 0) add(keys.keys[slot], count, 1);
  }
  return out;
}

/** How many documents mention any id of a merged person as the kind with `code`. */
function documentCountOf(postings: KeyPostings, groups: PersonGroups, id: string, code: number): number {
  const uris = new Set<string>();
  for (const k of groups.membersOf(id) ?? [id]) {
    for (const { entry, slot } of postings.places(k, undefined, false)) if (entry.keys.kindCounts[slot * KIND_COUNT + code] > 0) uris.add(entry.uri);
  }
  return uris.size;
}
