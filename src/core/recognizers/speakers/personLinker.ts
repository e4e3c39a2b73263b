/**
 * Document-level linking of speaker and person mentions to one entity per person. Full names are linked first
 * (to a lexicon person when the folded name or surname + first initial matches, else to a person of this
 * text); then surnames alone and transcript labels (`MS. PSAKI`) join the full name with that surname that
 * came last before them, or the only one; what is left becomes `person:<slug>` of its own.
 */
import type { Entity } from '../../model/entity';
import type { Mention } from '../../model/mention';
import type { Lexicon, PersonEntry } from '../../lexicon/lexicon';
import { NAME_PARTICLES, NAME_SUFFIXES, TITLE_WORDS } from './nameWords';
import { foldName, foldWord, slugify } from './transliteration';

interface NameKey {
  /** Name words without initials and suffixes, as written (labels title-cased). */
  words: string[];
  /** Folded full name, when there are two words or more. */
  full?: string;
  surname: string;
  firstInitial?: string;
  /** A label with no name in it (`MODERATOR`): the entity is the role. */
  roleOnly?: string;
}

interface Builder {
  id: string;
  name: string;
  surnameKey: string;
  firstInitial?: string;
  entry?: PersonEntry;
  surfaces: Set<string>;
  roles: string[];
  titles: string[];
  mentions: number;
  speaking: number;
}

interface LexiconIndex {
  byFull: Map<string, PersonEntry>;
  bySurname: Map<string, PersonEntry[]>;
}

const indexCache = new WeakMap<Lexicon, LexiconIndex>();

function lexiconIndex(lexicon: Lexicon): LexiconIndex {
  const cached = indexCache.get(lexicon);
  if (cached) return cached;
  const byFull = new Map<string, PersonEntry>();
  const bySurname = new Map<string, PersonEntry[]>();
  for (const p of lexicon.people) {
    for (const form of [p.name, ...p.aliases]) {
      const k = nameKey(form, false);
      if (k.full && !byFull.has(k.full)) byFull.set(k.full, p);
      const list = bySurname.get(k.surname) ?? [];
      if (!list.includes(p)) list.push(p);
      bySurname.set(k.surname, list);
    }
  }
  const index = { byFull, bySurname };
  indexCache.set(lexicon, index);
  return index;
}

function titleCase(w: string): string {
  return w.toLowerCase().replace(/(^|[-'’\s])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

/** Splits a mention's text into the words that identify the person. */
export function nameKey(text: string, isLabel: boolean): NameKey {
  let raw = text.replace(/,/g, ' ').split(/\s+/).filter((w) => w.length > 0);
  if (isLabel) {
    const rest = raw.filter((w) => !TITLE_WORDS.has(w.toLowerCase()) && !TITLE_WORDS.has(`${w.toLowerCase()}.`) && w.toLowerCase() !== 'the');
    if (rest.length === 0) return { words: [], surname: foldWord(text), roleOnly: titleCase(text.replace(/\s+/g, ' ')) };
    raw = rest.map(titleCase);
  }
  const words = raw.filter((w) => !NAME_SUFFIXES.has(w.toLowerCase()) && !/^(?:\p{Lu}\.)+$/u.test(w));
  const core = words.length > 0 ? words : raw;
  const surnameWords = core.filter((w) => !NAME_PARTICLES.has(w));
  const surname = foldWord(surnameWords[surnameWords.length - 1] ?? core[core.length - 1] ?? text);
  const key: NameKey = { words: core, surname };
  if (core.length >= 2) {
    key.full = foldName(core);
    key.firstInitial = foldWord(core[0] as string).charAt(0);
  }
  return key;
}

function isLabelMention(m: Mention): boolean {
  return m.attributes?.rule === 'turn-label' && !/\p{Ll}/u.test(m.text);
}

/** See {@link linkPeople} in speakerRecognizer.ts. */
export function linkPeopleInText(mentions: Mention[], lexicon: Lexicon): Entity[] {
  const index = lexiconIndex(lexicon);
  const builders = new Map<string, Builder>();
  const byFull = new Map<string, Builder>();
  const people: { m: Mention; key: NameKey }[] = [];
  // Names repeat (a surname dozens of times): fold each distinct text once.
  const keys = new Map<string, NameKey>();
  for (const m of mentions) {
    if ((m.kind !== 'speaker' && m.kind !== 'person') || m.layer) continue;
    const label = isLabelMention(m);
    const cacheKey = label ? `L${m.text}` : m.text;
    let key = keys.get(cacheKey);
    if (!key) {
      key = nameKey(m.text, label);
      keys.set(cacheKey, key);
    }
    people.push({ m, key });
  }
  // The first builder (in creation order) per surname and initial without a lexicon entry, and per surname with
  // an initial: what passes 1 and 2 look up for every name, kept as maps rather than found by a scan each time.
  const firstTextual = new Map<string, Builder>();
  const firstWithInitial = new Map<string, Builder>();
  const builderFor = (id: string, name: string, key: NameKey, entry?: PersonEntry): Builder => {
    let b = builders.get(id);
    if (!b) {
      b = { id, name, surnameKey: key.surname, firstInitial: key.firstInitial, entry, surfaces: new Set(), roles: [], titles: [], mentions: 0, speaking: 0 };
      builders.set(id, b);
      const textualKey = `${b.surnameKey}\u0000${b.firstInitial ?? ''}`;
      if (!entry && !firstTextual.has(textualKey)) firstTextual.set(textualKey, b);
      if (b.firstInitial !== undefined && !firstWithInitial.has(b.surnameKey)) firstWithInitial.set(b.surnameKey, b);
    }
    return b;
  };
  const assigned = new Map<Mention, Builder>();

  // Pass 1: full names.
  for (const { m, key } of people) {
    if (!key.full) continue;
    let b = byFull.get(key.full);
    if (!b) {
      const entry = index.byFull.get(key.full) ?? uniqueCompatible(index.bySurname.get(key.surname), key);
      if (entry) b = builderFor(entry.id, entry.name, nameKey(entry.name, false), entry);
      else {
        b = firstTextual.get(`${key.surname}\u0000${key.firstInitial ?? ''}`);
        b ??= builderFor(uniqueId(builders, `person:${slugify(key.words.join(' '))}`), m.text.replace(/\s+/g, ' '), key);
      }
      byFull.set(key.full, b);
    }
    assigned.set(m, b);
  }

  // Pass 2: surnames alone and labels, in text order, to the nearest preceding full name with that surname.
  const lastBySurname = new Map<string, Builder>();
  for (const { m, key } of people) {
    const done = assigned.get(m);
    if (done) {
      lastBySurname.set(done.surnameKey, done);
      continue;
    }
    let b: Builder | undefined;
    if (key.roleOnly) b = builderFor(`person:${slugify(key.roleOnly)}`, key.roleOnly, key);
    else {
      b = lastBySurname.get(key.surname) ?? firstWithInitial.get(key.surname);
      if (!b) {
        const list = index.bySurname.get(key.surname);
        const entry = list && list.length === 1 ? list[0] : undefined;
        if (entry) b = builderFor(entry.id, entry.name, nameKey(entry.name, false), entry);
      }
      b ??= builderFor(`person:${slugify(key.words.join(' '))}`, key.words.join(' '), key);
    }
    assigned.set(m, b);
  }

  const surfaces = new Map<string, string>();
  for (const { m } of people) {
    const b = assigned.get(m) as Builder;
    m.entityId = b.id;
    m.value = b.name;
    b.mentions++;
    if (m.kind === 'speaker') b.speaking++;
    let surface = surfaces.get(m.text);
    if (surface === undefined) surfaces.set(m.text, (surface = m.text.replace(/\s+/g, ' ')));
    b.surfaces.add(surface);
    const role = m.attributes?.role;
    if (role && !b.roles.includes(role)) b.roles.push(role);
    const title = m.attributes?.title;
    if (title && !b.titles.includes(title)) b.titles.push(title);
  }

  return [...builders.values()].map(toEntity);
}

function uniqueCompatible(list: PersonEntry[] | undefined, key: NameKey): PersonEntry | undefined {
  if (!list) return undefined;
  const ok = list.filter((p) => nameKey(p.name, false).firstInitial === key.firstInitial);
  return ok.length === 1 ? ok[0] : undefined;
}

function uniqueId(builders: Map<string, Builder>, id: string): string {
  if (!builders.has(id)) return id;
  let n = 2;
  while (builders.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

function toEntity(b: Builder): Entity {
  const roles = b.entry?.role ? [b.entry.role, ...b.roles.filter((r) => r !== b.entry?.role)] : b.roles;
  // The most informative role read in the text is the longest one ("Russian Deputy Foreign Minister").
  const longest = [...roles].sort((x, y) => y.length - x.length)[0];
  return {
    id: b.id,
    type: 'person',
    name: b.name,
    aliases: [...b.surfaces].filter((s) => s !== b.name),
    facts: {
      role: b.entry?.role ?? longest,
      roles: roles.length > 1 ? roles : undefined,
      titles: b.titles.length > 0 ? b.titles : undefined,
      mentions: String(b.mentions),
      speaks: String(b.speaking),
      source: b.entry ? 'lexicon' : 'text',
    },
  };
}
