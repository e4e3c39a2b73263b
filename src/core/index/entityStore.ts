/**
 * The entities the indexed documents supply: one per id, as supplied by the document that knew most about it,
 * kept while any document supplies it.
 */
import type { Entity } from '../model/entity';
import { detach } from './coldDocument';

export class EntityStore {
  /** id -> the entity and the number of documents that supplied it. One lookup per entity a document supplies. */
  private readonly entities = new Map<string, { entity: Entity; refs: number }>();
  private readonly byDoc = new Map<string, string[]>();

  /** Adds what a document supplies (the document must not be in already); `cold`: see {@link detachedEntity}. */
  add(uri: string, entities: readonly Entity[], cold: boolean): void {
    const ids: string[] = [];
    for (const e of entities) {
      const held = this.entities.get(e.id);
      if (!held) this.entities.set(e.id, { entity: cold ? detachedEntity(e) : e, refs: 1 });
      else {
        held.refs++;
        if (held.entity !== e && knowsMore(e, held.entity)) held.entity = cold ? detachedEntity(e) : e;
      }
      ids.push(e.id);
    }
    this.byDoc.set(uri, ids);
  }

  /** Takes out what a document supplied. */
  remove(uri: string): void {
    for (const id of this.byDoc.get(uri) ?? []) {
      const held = this.entities.get(id);
      if (held && --held.refs <= 0) this.entities.delete(id);
    }
    this.byDoc.delete(uri);
  }

  /** What `from` supplied now counts for `to` (which supplies nothing yet). */
  rename(from: string, to: string): void {
    const ids = this.byDoc.get(from);
    this.byDoc.delete(from);
    if (ids) this.byDoc.set(to, ids);
  }

  get(id: string): Entity | undefined {
    return this.entities.get(id)?.entity;
  }

  clear(): void {
    this.entities.clear();
    this.byDoc.clear();
  }
}

/**
 * An entity from a document that is not open, with its strings copied off the document's text (see
 * {@link detach}): the index keeps entities for as long as any document names them. A date entity's strings are
 * made, not cut from the text.
 */
function detachedEntity(e: Entity): Entity {
  if (e.type === 'date') return e;
  const facts: Entity['facts'] = {};
  for (const k in e.facts) {
    const v = e.facts[k];
    facts[k] = typeof v === 'string' ? detach(v) : Array.isArray(v) ? v.map(detach) : v;
  }
  return { ...e, name: detach(e.name), aliases: e.aliases.map(detach), facts };
}

/**
 * True when `e` has more aliases and facts than `held`. Most entities a document supplies are already held (every
 * document names the same treaties, and its dates share their facts object), so the counting is skipped when
 * both have the same facts object and as many aliases.
 */
export function knowsMore(e: Entity, held: Entity): boolean {
  if (e.facts === held.facts && e.aliases.length === held.aliases.length) return false;
  return factCount(e) > factCount(held);
}

function factCount(e: Entity): number {
  let n = e.aliases.length;
  for (const k in e.facts) if (e.facts[k] !== undefined) n++;
  return n;
}
