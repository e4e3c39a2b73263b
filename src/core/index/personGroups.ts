/**
 * The people of the workspace as one list: the index keeps each document's person ids as the document gave them
 * (a document is indexed alone), and this groups the ids that are one person (see workspacePeople) so that the
 * index answers for the person under any of its ids. Recomputed only when the set of keys changes.
 */
import { NameKeys } from '../recognizers/speakers/nameKeys';
import { linkPeopleAcrossDocuments, type WorkspacePerson } from '../recognizers/speakers/workspacePeople';

export class PersonGroups {
  private version = -1;
  /** A merged id -> the id its person goes by. Ids that are their own person's are absent. */
  private readonly heads = new Map<string, string>();
  /** The id a merged person goes by -> every id of the person, that one first. */
  private readonly members = new Map<string, string[]>();
  /** The id a merged person goes by -> its name. */
  private readonly names = new Map<string, string>();
  /** The name keys of the workspace's people, kept between refreshes: most names stay when one document changes. */
  private readonly keys = new NameKeys();

  /** Brings the groups up to date with the index's keys, when `version` says they changed. */
  refresh(version: number, keys: Iterable<string>, describe: (key: string) => WorkspacePerson | undefined): void {
    if (version === this.version) return;
    this.version = version;
    this.heads.clear();
    this.members.clear();
    this.names.clear();
    const people: WorkspacePerson[] = [];
    for (const key of keys) {
      if (!key.startsWith('person:')) continue;
      const p = describe(key);
      if (p) people.push(p);
    }
    for (const [id, to] of linkPeopleAcrossDocuments(people, this.keys)) {
      this.heads.set(id, to.id);
      this.names.set(to.id, to.name);
      const list = this.members.get(to.id);
      if (list) list.push(id);
      else this.members.set(to.id, [to.id, id]);
    }
  }

  /** The id the person of `key` goes by (the key itself for anything but a merged person). */
  headOf(key: string): string {
    return this.heads.get(key) ?? key;
  }

  /** Every id of the person of `key`, or undefined when it has only the one. */
  membersOf(key: string): readonly string[] | undefined {
    return this.members.get(this.heads.get(key) ?? key);
  }

  /** The name of the person of `key` when it is merged (the name of the id it goes by), else undefined. */
  nameOf(key: string): string | undefined {
    return this.names.get(this.heads.get(key) ?? key);
  }

  /** True when `key` is an id that goes by another one. */
  isMerged(key: string): boolean {
    return this.heads.has(key);
  }
}
