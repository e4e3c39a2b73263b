/**
 * The workspace-level linking pass: each document links its own people (see personLinker), and this pass makes
 * the people of all documents one list, one id per person. Two ids are one person when their names are the same
 * name (transliteration variants, a nickname, initials given on one side only), and a surname met alone in a
 * document joins the one person of that surname in the workspace, if there is exactly one. Lexicon people keep
 * their ids and never merge with each other. The answer depends only on the set of people given, not on their
 * order, so an index updated one document at a time reaches the one a batch would.
 */
import { NameKeys, type NameKey } from './nameKeys';
import { initialsAgree } from './personLinker';
import { sameFirstName } from './transliteration';

/** A person as one or more documents supply it. */
export interface WorkspacePerson {
  id: string;
  name: string;
  /** The person is a lexicon entry (its id wins and it merges with no other entry). */
  lexicon: boolean;
}

interface Group {
  members: WorkspacePerson[];
  key: NameKey;
  lexicon: boolean;
}

function byInitialsThenId(a: { p: WorkspacePerson; key: NameKey }, b: { p: WorkspacePerson; key: NameKey }): number {
  return Number(b.key.initials !== '') - Number(a.key.initials !== '') || Number(b.p.lexicon) - Number(a.p.lexicon) || (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0);
}

/** The group a full name belongs to, among those of its surname (see the module comment); undefined for a new one. */
function groupOf(groups: Group[] | undefined, key: NameKey, lexicon: boolean): Group | undefined {
  if (!groups) return undefined;
  const given = key.words[0] as string;
  let match: Group | undefined;
  let count = 0;
  for (const g of groups) {
    if (g.key.full === undefined || (lexicon && g.lexicon)) continue;
    if (!sameFirstName(g.key.words[0] as string, given) || !initialsAgree(g.key.initials, key.initials)) continue;
    if (key.initials !== '' && g.key.initials === key.initials) return g;
    match ??= g;
    count++;
  }
  return count === 1 ? match : undefined;
}

/**
 * For each id that is not its person's workspace id, that id and the person's name: ids absent from the answer
 * are their own person's. `names`: the name keys of the caller's people, kept between calls (see NameKeys).
 */
export function linkPeopleAcrossDocuments(people: Iterable<WorkspacePerson>, names = new NameKeys()): Map<string, { id: string; name: string }> {
  const keyed: { p: WorkspacePerson; key: NameKey }[] = [];
  for (const p of people) if (p.id.startsWith('person:')) keyed.push({ p, key: names.of(p.name, false) });
  keyed.sort(byInitialsThenId);
  const bySurname = new Map<string, Group[]>();
  const surnameOnly: { p: WorkspacePerson; key: NameKey }[] = [];
  const groups: Group[] = [];
  for (const k of keyed) {
    if (k.key.roleOnly !== undefined) continue;
    if (k.key.full === undefined) {
      surnameOnly.push(k);
      continue;
    }
    const list = bySurname.get(k.key.surname);
    const g = groupOf(list, k.key, k.p.lexicon);
    if (g) {
      g.members.push(k.p);
      g.lexicon ||= k.p.lexicon;
      continue;
    }
    const fresh: Group = { members: [k.p], key: k.key, lexicon: k.p.lexicon };
    groups.push(fresh);
    if (list) list.push(fresh);
    else bySurname.set(k.key.surname, [fresh]);
  }
  for (const k of surnameOnly) {
    const list = bySurname.get(k.key.surname);
    if (list && list.length === 1) (list[0] as Group).members.push(k.p);
  }
  const out = new Map<string, { id: string; name: string }>();
  for (const g of groups) {
    if (g.members.length < 2) continue;
    const head = headOf(g.members, names);
    for (const m of g.members) if (m.id !== head.id) out.set(m.id, { id: head.id, name: head.name });
  }
  return out;
}

/**
 * The id a group goes by: its lexicon entry's, else a full name's, the first in order. Not the most used one: the
 * answer must not change with counts, which change without the set of ids changing.
 */
function headOf(members: WorkspacePerson[], names: NameKeys): WorkspacePerson {
  let head = members[0] as WorkspacePerson;
  for (const m of members) {
    if (m.lexicon !== head.lexicon) {
      if (m.lexicon) head = m;
      continue;
    }
    const mFull = names.of(m.name, false).full !== undefined;
    const headFull = names.of(head.name, false).full !== undefined;
    if (mFull !== headFull) {
      if (mFull) head = m;
      continue;
    }
    if (m.id < head.id) head = m;
  }
  return head;
}
