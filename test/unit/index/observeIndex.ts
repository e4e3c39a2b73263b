/** What the workspace views read of an index, to compare two indexes of the same documents built different ways. */
import type { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { ENTITY_KINDS, type Mention } from '../../../src/core/model/mention';

/** What a light copy of a mention keeps. */
export function span(m: Mention | undefined): unknown {
  return m && { kind: m.kind, start: m.start, end: m.end, text: m.text, entityId: m.entityId, value: m.value, source: m.source };
}

/** Everything a workspace view reads about the index, with mentions as spans (lists in an order of their own). */
export function observe(index: WorkspaceIndex): unknown {
  const keys = [...index.entityKeys()].sort();
  const uris = index.uris().sort();
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const counts = (m: Map<string, number>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return {
    keys: keys.map((k) => ({
      key: k,
      name: index.displayName(k),
      usage: index.usage(k),
      byKind: ENTITY_KINDS.map((kind) => index.usage(k, kind)),
      documents: index.documentsOf(k),
      refs: index.mentionsOf(k).map((r) => [r.uri, r.index, span(r.mention), index.snippet(r.uri, r.index), index.locate(r.uri, r.mention)]),
      first: span(index.firstMention(k)?.mention),
    })),
    kinds: ENTITY_KINDS.map((kind) => [index.entitiesOfKind(kind).sort(byId), ...uris.map((u) => index.entitiesOfKind(kind, u).sort(byId))]),
    counts: [counts(index.kindCounts()), ...uris.map((u) => counts(index.kindCounts(u)))],
    docs: uris.map((u) => {
      const doc = index.document(u);
      const at: unknown[] = [];
      for (let offset = 0; offset <= (doc?.length ?? 0); offset += 7) {
        const r = index.mentionAt(u, offset);
        at.push(r && [r.index, span(r.mention)]);
      }
      return { mentions: doc?.mentions.map(span), at, maxEnd: [...(doc?.maxEnd ?? [])], lines: [...(index.lineStarts(u) ?? [])] };
    }),
  };
}

