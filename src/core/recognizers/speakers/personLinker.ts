/**
 * Document-level linking of speaker and person mentions to one entity per person. Full names are linked first
 * (to a lexicon person when the folded name or surname + first initial matches, else to a person of this
 * text); then surnames alone and transcript labels (`MS. PSAKI`) join the full name with that surname that
 * came last before them, or the only one; what is left becomes `person:<slug>` of its own.
 */
import type { Entity } from '../../model/entity';
import type { Mention } from '../../model/mention';
import type { Lexicon, PersonEntry } from '../../lexicon/lexicon';
import { sameFirstName, slugify } from './transliteration';
import { nameKey, NameKeys, textIdOf, type NameKey } from './nameKeys';
import { termsToFact } from '../../lexicon/personTerms';

interface Builder {
  id: string;
  name: string;
  surnameKey: string;
  firstInitial?: string;
  /** The given name as written, and the middle initials (see NameKey), for telling apart people who share a surname. */
  given?: string;
  initials: string;
  entry?: PersonEntry;
  surfaces: Set<string>;
  roles: string[];
  titles: string[];
  mentions: number;
  speaking: number;
}

interface Person {
  m: Mention;
  i: number;
  key: NameKey;
  b: Builder | undefined;
}

interface LexiconIndex {
  /** By folded full name and initials (`full|initials`). */
  byFull: Map<string, PersonEntry>;
  /** By folded full name, whatever the initials. */
  byFullAny: Map<string, PersonEntry[]>;
  bySurname: Map<string, PersonEntry[]>;
}

const indexCache = new WeakMap<Lexicon, LexiconIndex>();

function lexiconIndex(lexicon: Lexicon): LexiconIndex {
  const cached = indexCache.get(lexicon);
  if (cached) return cached;
  const byFull = new Map<string, PersonEntry>();
  const byFullAny = new Map<string, PersonEntry[]>();
  const bySurname = new Map<string, PersonEntry[]>();
  // Later entries first: a workspace lexicon comes after the built-in one, and the forms it claims are its own.
  for (let i = lexicon.people.length - 1; i >= 0; i--) {
    const p = lexicon.people[i] as PersonEntry;
    const keys = [p.name, ...p.aliases].map((form) => nameKey(form, false));
    const own = keys.filter((k) => !k.full || !byFull.has(`${k.full}|${k.initials}`));
    if (own.length === 0) continue;
    for (const k of own) {
      if (k.full) {
        byFull.set(`${k.full}|${k.initials}`, p);
        addTo(byFullAny, k.full, p);
      }
      addTo(bySurname, k.surname, p);
    }
  }
  const index = { byFull, byFullAny, bySurname };
  indexCache.set(lexicon, index);
  return index;
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function isLabelMention(m: Mention): boolean {
  return m.attributes?.rule === 'turn-label' && !hasLowercase(m.text);
}

/** `/\p{Ll}/u.test(text)`, the regex reading ASCII text not at all. */
function hasLowercase(text: string): boolean {
  // Every operation here runs on every label (the expression on nothing for ASCII ones): most labels are upper
  // case, and code that only mixed-case or non-ASCII labels ran deoptimized the linker when the first came.
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c - 97) >>> 0 < 26) return true;
    if (c >= 128) break;
  }
  return LOWER_LETTER.test(i < text.length ? text : '');
}

const LOWER_LETTER = /\p{Ll}/u;

/** The builders of one linking pass, and the lookups passes 1 and 2 make on them. */
interface Found {
  builders: Map<string, Builder>;
  /** Builders of names met in the text (not from the lexicon) that have a given name, by folded surname. */
  textual: Map<string, Builder[]>;
  /** The first builder with a given name, by folded surname. */
  firstWithInitial: Map<string, Builder>;
  /** The builder of a surname met alone, with no full name to join. */
  surnameOnly: Map<string, Builder>;
}

/**
 * The builder for a person id, made on first use. A module-level function rather than a closure per call: the
 * bundle keeps function names, which costs a property definition on every closure made.
 */
function builderFor(found: Found, id: string, name: string, key: NameKey, entry?: PersonEntry): Builder {
  let b = found.builders.get(id);
  if (!b) {
    const given = key.full ? key.words[0] : undefined;
    b = { id, name, surnameKey: key.surname, firstInitial: key.firstInitial, given, initials: key.initials, entry, surfaces: new Set(), roles: [], titles: [], mentions: 0, speaking: 0 };
    found.builders.set(id, b);
    if (!entry && given !== undefined) addTo(found.textual, b.surnameKey, b);
    if (b.firstInitial !== undefined && !found.firstWithInitial.has(b.surnameKey)) found.firstWithInitial.set(b.surnameKey, b);
  }
  return b;
}

/** Middle initials that can belong to one person: the same, or given on one side only. */
export function initialsAgree(a: string, b: string): boolean {
  return a === b || a === '' || b === '';
}

/**
 * The builder of a name met earlier in the text that this full name can be: same surname, the same given name
 * (or a variant or nickname of it) and agreeing initials. A name without initials that two builders could be
 * ("George Bush" beside George W. and George H. W. Bush) is nobody's.
 */
function textualMatch(found: Found, key: NameKey): Builder | undefined {
  const list = found.textual.get(key.surname);
  if (!list) return undefined;
  const given = key.words[0] as string;
  let match: Builder | undefined;
  for (const b of list) {
    if (b.given === undefined || !sameFirstName(b.given, given) || !initialsAgree(b.initials, key.initials)) continue;
    if (key.initials !== '' && b.initials === key.initials) return b;
    if (match) return key.initials === '' ? undefined : match;
    match = b;
  }
  return match;
}

/**
 * Links every speaker/person mention of a text (sorted, absolute offsets) to one person entity: lexicon people
 * first, then names met in the text; surnames, transliteration variants and turn labels join the full name.
 * Returns the people (the dash-turn layer is built after, see dashTurnLayer). A mention of the recognizers' own
 * shape is replaced in the array by a linked copy (see {@link linkedCopy}); any other is given `entityId` and
 * `value` in place. `names` are the name keys its host keeps across texts, or the call's own.
 */
export function linkPeopleInText(mentions: Mention[], lexicon: Lexicon, names = new NameKeys()): Entity[] {
  const index = lexiconIndex(lexicon);
  const builders = new Map<string, Builder>();
  const byFull = new Map<string, Builder>();
  // Each name with its place in the array and the builder it is assigned to (no Map keyed by mention).
  const people: Person[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if ((m.kind !== 'speaker' && m.kind !== 'person') || m.layer) continue;
    const key = names.of(m.text, isLabelMention(m));
    people.push({ m, i, key, b: undefined });
  }
  // Lookups passes 1 and 2 make for every name, kept as maps rather than found by a scan each time.
  const firstWithInitial = new Map<string, Builder>();
  const found: Found = { builders, textual: new Map(), firstWithInitial, surnameOnly: new Map() };

  // Pass 1: full names; those with middle initials first, so that a name without them finds whom it can be.
  for (let withInitials = 1; withInitials >= 0; withInitials--) {
    for (const p of people) {
      const { m, key } = p;
      if (!key.full || (key.initials !== '') !== (withInitials === 1)) continue;
      const fullKey = `${key.full}|${key.initials}`;
      let b = byFull.get(fullKey);
      if (!b) {
        const entry = lexiconMatch(index, key, names);
        if (entry) b = builderFor(found, entry.id, entry.name, names.of(entry.name, false), entry);
        else {
          b = textualMatch(found, key);
          b ??= builderFor(found, uniqueId(builders, (key.textId ??= textIdOf(key, m.text))), key.display ?? m.text.replace(/\s+/g, ' '), key);
        }
        byFull.set(fullKey, b);
      }
      p.b = b;
    }
  }

  // Pass 2: surnames alone and labels, in text order, to the nearest preceding full name with that surname.
  const lastBySurname = new Map<string, Builder>();
  for (const p of people) {
    const { key } = p;
    const done = p.b;
    if (done) {
      lastBySurname.set(done.surnameKey, done);
      continue;
    }
    let b: Builder | undefined;
    if (key.roleOnly) b = builderFor(found, `person:${slugify(key.roleOnly)}`, key.roleOnly, key);
    else {
      b = lastBySurname.get(key.surname) ?? firstWithInitial.get(key.surname);
      if (!b) {
        const list = index.bySurname.get(key.surname);
        const entry = list && list.length === 1 ? list[0] : undefined;
        if (entry) b = builderFor(found, entry.id, entry.name, names.of(entry.name, false), entry);
      }
      // Spellings of one surname alone ("Zelenskyy", "Zelensky") are one person.
      b ??= found.surnameOnly.get(key.surname);
      if (!b) {
        b = builderFor(found, (key.textId ??= textIdOf(key, p.m.text)), key.words.join(' '), key);
        found.surnameOnly.set(key.surname, b);
      }
    }
    p.b = b;
  }

  const surfaces = new Map<string, string>();
  for (const { m, i, b: assignedTo } of people) {
    const b = assignedTo as Builder;
    const linked = linkedCopy(m, b.id, b.name);
    if (linked) mentions[i] = linked;
    else {
      m.entityId = b.id;
      m.value = b.name;
    }
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

/**
 * The lexicon person a full name is: by folded name and initials, else the only entry with that name and agreeing
 * initials, else the only one with that surname whose given name is the same or a variant of it.
 */
function lexiconMatch(index: LexiconIndex, key: NameKey, names: NameKeys): PersonEntry | undefined {
  const exact = index.byFull.get(`${key.full}|${key.initials}`);
  if (exact) return exact;
  const sameName = index.byFullAny.get(key.full as string)?.filter((p) => initialsAgree(names.of(p.name, false).initials, key.initials));
  if (sameName && sameName.length > 0) return sameName.length === 1 ? sameName[0] : undefined;
  const list = index.bySurname.get(key.surname);
  if (!list) return undefined;
  const given = key.words[0] as string;
  const ok = list.filter((p) => {
    const k = names.of(p.name, false);
    return k.full !== undefined && sameFirstName(k.words[0] as string, given) && initialsAgree(k.initials, key.initials);
  });
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
      terms: b.entry?.terms && b.entry.terms.length > 0 ? termsToFact(b.entry.terms) : undefined,
    },
  };
}

const RECOGNIZED_KEYS = ['kind', 'start', 'end', 'text', 'attributes', 'source'];

/**
 * The mention with `entityId` and `value` added, as a new object with the same properties in the same order, when
 * it has exactly the recognizers' properties. Adding the two properties to the mention itself is ~10x slower in
 * V8 (Node 20): the analyzer copies mentions with object spread, whose copies get a map with no transitions, so
 * each added property makes a new map, through the runtime, and every later access to the mentions is megamorphic.
 */
function linkedCopy(m: Mention, entityId: string, value: string): Mention | undefined {
  const keys = Object.keys(m);
  if (keys.length !== 6) return undefined;
  for (let k = 0; k < 6; k++) if (keys[k] !== RECOGNIZED_KEYS[k]) return undefined;
  return { kind: m.kind, start: m.start, end: m.end, text: m.text, attributes: m.attributes, source: m.source, entityId, value };
}
