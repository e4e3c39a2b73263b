/**
 * Entities crossing from a scanning thread to the index's, each sent once. A thousand documents name mostly the same
 * treaties, dates and people: sending every document's entities would copy the same objects a thousand times, and
 * the receiving thread (the editor's) would pay for each copy. The sender sends an entity the first time a
 * document names it, and again only when a document knows more about it (see {@link knowsMore}); otherwise its
 * id. The receiver resolves ids to the entities it was sent. Both live as long as the channel between them.
 */
import type { Entity } from '../model/entity';
import { knowsMore } from '../index/entityStore';

/** A document's entities as sent: every id, in order, and the entities among them the receiver lacks. */
export interface SentEntities {
  ids: string[];
  fresh: Entity[];
}

export class EntitySender {
  private readonly sent = new Map<string, Entity>();

  select(entities: readonly Entity[]): SentEntities {
    const ids: string[] = [];
    const fresh: Entity[] = [];
    for (const e of entities) {
      ids.push(e.id);
      const held = this.sent.get(e.id);
      if (held === undefined || (held !== e && knowsMore(e, held))) {
        this.sent.set(e.id, e);
        fresh.push(e);
      }
    }
    return { ids, fresh };
  }
}

export class EntityReceiver {
  private readonly known = new Map<string, Entity>();

  /** The document's entities; messages must be resolved in the order they were sent. */
  resolve(sent: SentEntities): Entity[] {
    for (const e of sent.fresh) this.known.set(e.id, e);
    return sent.ids.map((id) => {
      const e = this.known.get(id);
      if (e === undefined) throw new Error(`entity ${id} was named before it was sent`);
      return e;
    });
  }
}
