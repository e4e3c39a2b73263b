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
import { memoized } from '../boundedMemo';

interface NameKey {
  /** Name words without initials and suffixes, as written (labels title-cased). */
  words: string[];
  /** Folded full name, when there are two words or more. */
  full?: string;
  surname: string;
  firstInitial?: string;
  /** A label with no name in it (`MODERATOR`): the entity is the role. */
  roleOnly?: string;
  /** `person:<slug>` of the words, once computed (keys are shared by the mentions with the same text). */
  textId?: string;
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

interface Person {
  m: Mention;
  i: number;
  key: NameKey;
  b: Builder | undefined;
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

/**
 * Name keys by text, kept across calls: names repeat within a text (a surname dozens of times) and across the
 * documents of a workspace. Shared keys are never changed, except for their `textId`, which the key determines.
 */
const plainKeys = new Map<string, NameKey>();
const labelKeys = new Map<string, NameKey>();
const KEY_CACHE_LIMIT = 8192;

function cachedNameKey(text: string, isLabel: boolean): NameKey {
  return isLabel ? memoized(labelKeys, text, labelNameKey, KEY_CACHE_LIMIT) : memoized(plainKeys, text, plainNameKey, KEY_CACHE_LIMIT);
}

function labelNameKey(text: string): NameKey {
  return nameKey(text, true);
}

function plainNameKey(text: string): NameKey {
  return nameKey(text, false);
}

function isLabelMention(m: Mention): boolean {
  return m.attributes?.rule === 'turn-label' && !hasLowercase(m.text);
}

/** `/\p{Ll}/u.test(text)`, without the regex for ASCII text. */
function hasLowercase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128) return /\p{Ll}/u.test(text);
  }
  return false;
}

/** The builders of one linking pass, and the first of them per surname (and initial) that passes 1 and 2 look up. */
interface Found {
  builders: Map<string, Builder>;
  firstTextual: Map<string, Builder>;
  firstWithInitial: Map<string, Builder>;
}

/**
 * The builder for a person id, made on first use. A module-level function rather than a closure per call: the
 * bundle keeps function names, which costs a property definition on every closure made.
 */
function builderFor(found: Found, id: string, name: string, key: NameKey, entry?: PersonEntry): Builder {
  let b = found.builders.get(id);
  if (!b) {
    b = { id, name, surnameKey: key.surname, firstInitial: key.firstInitial, entry, surfaces: new Set(), roles: [], titles: [], mentions: 0, speaking: 0 };
    found.builders.set(id, b);
    const textualKey = `${b.surnameKey}\u0000${b.firstInitial ?? ''}`;
    if (!entry && !found.firstTextual.has(textualKey)) found.firstTextual.set(textualKey, b);
    if (b.firstInitial !== undefined && !found.firstWithInitial.has(b.surnameKey)) found.firstWithInitial.set(b.surnameKey, b);
  }
  return b;
}

/**
 * Links every speaker/person mention of a text (sorted, absolute offsets) to one person entity: lexicon people
 * first, then names met in the text; surnames, transliteration variants and turn labels join the full name.
 * Returns the people (the dash-turn layer is built after, see dashTurnLayer). A mention of the recognizers' own
 * shape is replaced in the array by a linked copy (see {@link linkedCopy}); any other is given `entityId` and
 * `value` in place.
 */
export function linkPeopleInText(mentions: Mention[], lexicon: Lexicon): Entity[] {
  const index = lexiconIndex(lexicon);
  const builders = new Map<string, Builder>();
  const byFull = new Map<string, Builder>();
  // Each name with its place in the array and the builder it is assigned to (no Map keyed by mention).
  const people: Person[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if ((m.kind !== 'speaker' && m.kind !== 'person') || m.layer) continue;
    const key = cachedNameKey(m.text, isLabelMention(m));
    people.push({ m, i, key, b: undefined });
  }
  // The first builder (in creation order) per surname and initial without a lexicon entry, and per surname with
  // an initial: what passes 1 and 2 look up for every name, kept as maps rather than found by a scan each time.
  const firstTextual = new Map<string, Builder>();
  const firstWithInitial = new Map<string, Builder>();
  const found: Found = { builders, firstTextual, firstWithInitial };

  // Pass 1: full names.
  for (const p of people) {
    const { m, key } = p;
    if (!key.full) continue;
    let b = byFull.get(key.full);
    if (!b) {
      const entry = index.byFull.get(key.full) ?? uniqueCompatible(index.bySurname.get(key.surname), key);
      if (entry) b = builderFor(found, entry.id, entry.name, cachedNameKey(entry.name, false), entry);
      else {
        b = firstTextual.get(`${key.surname}\u0000${key.firstInitial ?? ''}`);
        b ??= builderFor(found, uniqueId(builders, `person:${slugify(key.words.join(' '))}`), m.text.replace(/\s+/g, ' '), key);
      }
      byFull.set(key.full, b);
    }
    p.b = b;
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
        if (entry) b = builderFor(found, entry.id, entry.name, cachedNameKey(entry.name, false), entry);
      }
      b ??= builderFor(found, (key.textId ??= `person:${slugify(key.words.join(' '))}`), key.words.join(' '), key);
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

function uniqueCompatible(list: PersonEntry[] | undefined, key: NameKey): PersonEntry | undefined {
  if (!list) return undefined;
  const ok = list.filter((p) => cachedNameKey(p.name, false).firstInitial === key.firstInitial);
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
