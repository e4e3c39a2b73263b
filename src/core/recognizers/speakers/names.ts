/**
 * Person names next to a trigger: the name that ends just before an offset ("… Sergei Ryabkov| said") or that
 * starts just after one ("according to| Deputy Foreign Minister Ryabkov"), with the role or title words beside
 * it. A name is a run of capitalised words, initials ("R."), particles ("von der", "al-") and a suffix
 * ("Jr."); titles, places, nationalities, organisations, calendar words and sentence words end the run.
 */
import { isNonNameWord, LOWER_ROLE_NOUNS, NAME_PARTICLES, NAME_SUFFIXES, NATIONALITY_WORDS, ORG_WORDS, PLACE_WORDS, TITLE_WORDS } from './nameWords';
import { tokAfter, type BlockTokens, type Tok } from './tokens';

export interface NameSpan {
  start: number;
  end: number;
  /** Role or title phrase beside the name ("Russian Deputy Foreign Minister"), when there is one. */
  role?: string;
  /** The role without leading nationality or place words ("Deputy Foreign Minister"). */
  title?: string;
  /** Start of the role phrase before the name (or the name's start when there is none). */
  outerStart: number;
  /** The name's last word carried a possessive `'s`. */
  possessive: boolean;
}

/**
 * A name span with every property, in one order (role and title undefined when there are none): spans of one
 * shape keep the rules that read them from being optimized for one shape and thrown away at the next.
 */
export function nameSpan(start: number, end: number, outerStart: number, possessive: boolean, role: string | undefined, title: string | undefined): NameSpan {
  return { start, end, role, title, outerStart, possessive };
}

const MAX_NAME_WORDS = 5;
const MAX_ROLE_WORDS = 12;
const CAPITALISED_WORD = /^\p{Lu}[\p{L}\p{M}'’-]*$/u;
const HAS_LOWER = /\p{Ll}/u;
/** "I’ll", "We’ve", "Don't": contractions are sentence words, not names ("O'Brien" is not one). */
const CONTRACTION = /['’](?:ll|ve|re|d|m|t)$|^I['’]/i;
const INITIALS = /^(?:\p{Lu}\.){1,3}$/u;
const PREFIXED_PARTICLE = /^(?:al|el|ad|as|ash|bin|abu|ibn|ul)-\p{Lu}/u;
const ROLE_CONNECTORS = new Set(['of', 'for', 'to', 'the', 'on', 'and', 'at', 'in']);

/** A hashtag or handle (`#Sergey Ryabkov`, `@Ryabkov`) is a label, not a person presented as speaking. */
function isTagged(s: string, start: number): boolean {
  const c = start > 0 ? s.charCodeAt(start - 1) : 0;
  return c === 35 || c === 64;
}

/** A capitalised word that can be part of a person's name. */
export function isNameWord(t: Tok): boolean {
  if (t.punct) return false;
  const w = t.core;
  const c = w.charCodeAt(0);
  // Fast path: most words near triggers are plain lower-case ASCII words.
  if (c >= 97 && c <= 122) return hasParticleHyphen(w) && PREFIXED_PARTICLE.test(w);
  if (c < 65 || (c > 90 && c < 0xc0)) return false;
  if (w.charCodeAt(w.length - 1) === 46) return INITIALS.test(w) && !isNonNameWord(t.lower);
  if (c > 127 ? !CAPITALISED_WORD.test(w) || !HAS_LOWER.test(w) : !asciiCapitalised(w)) return false;
  if (hasApostrophe(w) && CONTRACTION.test(w)) return false;
  return !isNonNameWord(t.lower) || (t.lower === 'un' && w === 'Un');
}

/**
 * PREFIXED_PARTICLE's particles have two or three letters, so its hyphen is the third or fourth character: most
 * lower-case words are turned down without the regex call (isNameWord reads every word beside a trigger).
 */
function hasParticleHyphen(w: string): boolean {
  // Read inside the word only: a read past a short word's end deoptimized the rules that read it.
  return (w.length > 2 && w.charCodeAt(2) === 45) || (w.length > 3 && w.charCodeAt(3) === 45);
}

/** `'` or `’` in a word, read from char codes: two indexOf calls per capitalised word cost more. */
function hasApostrophe(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 39 || c === 0x2019) return true;
  }
  return false;
}

/** `Ryabkov`, `Jean-Pierre`, `O'Brien`, `McCormack`: a capital, then letters with at least one lower case. */
function asciiCapitalised(w: string): boolean {
  let lower = false;
  for (let i = 1; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (!((c >= 65 && c <= 90) || c === 45 || c === 39 || c === 0x2019 || c >= 0xc0)) return false;
  }
  return lower;
}

/** An initial or two ("R.", "J.F."); every one ends in a dot, tested before the regex (run for every word). */
function isInitial(t: Tok): boolean {
  return !t.punct && t.core.charCodeAt(t.core.length - 1) === 46 && INITIALS.test(t.core);
}

function isParticle(t: Tok): boolean {
  return !t.punct && NAME_PARTICLES.has(t.core);
}

/** "Jr.", "Sr.", "III": capitalised (a regex literal here would be a new object on every call). */
function isSuffix(t: Tok): boolean {
  if (t.punct || !NAME_SUFFIXES.has(t.lower)) return false;
  const c = t.core.charCodeAt(0);
  return c === 74 || c === 83 || c === 73;
}

/** Some word of the run is a name word longer than an initial (a loop: an arrow here is a new closure per call). */
function hasFullNameWord(words: Tok[]): boolean {
  for (const w of words) if (isNameWord(w) && w.core.length > 1) return true;
  return false;
}

/**
 * "President of Nordland Anna Berg": after a role ending in "of" / "to" / "for", the first capitalised word is
 * the place or body of the role (when a name still follows), even if no word list knows it.
 */
function afterRoleConnector(t: Tok | undefined): boolean {
  return t !== undefined && !t.punct && (t.core === 'of' || t.core === 'to' || t.core === 'for');
}

/** A word that can belong to a role phrase before a name; `nameWord`, when given, is `isNameWord(t)`. */
function isRoleWord(t: Tok, nameWord?: boolean): boolean {
  if (t.punct || t.sentenceEnd) return false;
  if (ROLE_CONNECTORS.has(t.core)) return true;
  if (LOWER_ROLE_NOUNS.has(t.core)) return true;
  const c = t.core.charCodeAt(0);
  // An unknown capitalised word is a name, not a role: "President Arne Holm and Chancellor Mira Vogt".
  return c >= 65 && c <= 90 && !isCommonCapitalised(t) && !(nameWord ?? isNameWord(t));
}

function isCommonCapitalised(t: Tok): boolean {
  // Sentence words ("Earlier", "The" is allowed and trimmed later) end a role phrase.
  return t.lower !== 'the' && !TITLE_WORDS.has(t.lower) && !PLACE_WORDS.has(t.lower) && !NATIONALITY_WORDS.has(t.lower) && isNonNameWord(t.lower) && !ORGISH.has(t.lower);
}

/** Words of an organisation's name that may stand in a role phrase ("Foreign Ministry spokesperson"). */
const ORGISH = new Set(['ministry', 'department', 'office', 'council', 'committee', 'house', 'kremlin', 'pentagon', 'state', 'foreign', 'delegation', 'embassy', 'mission', 'administration', 'government', 'agency', 'service', 'forces', 'navy', 'army', 'staff', 'federation', 'republic', 'union', 'nations', 'kingdom', 'states']);

function isTitleish(t: Tok): boolean {
  return TITLE_WORDS.has(t.lower) || LOWER_ROLE_NOUNS.has(t.lower);
}

/** Trims connectors at the edges of a role phrase; returns role and title texts, or undefined without a title word. */
function roleFrom(s: string, toks: Tok[]): { role: string; title: string; start: number } | undefined {
  let a = 0;
  let b = toks.length;
  while (a < b && ROLE_CONNECTORS.has((toks[a] as Tok).lower)) a++;
  while (b > a && ROLE_CONNECTORS.has((toks[b - 1] as Tok).lower)) b--;
  if (a >= b) return undefined;
  const kept = toks.slice(a, b);
  if (!kept.some(isTitleish)) return undefined;
  const first = kept[0] as Tok;
  const last = kept[kept.length - 1] as Tok;
  const role = singleSpaced(s.slice(first.start, last.end));
  let t = 0;
  while (t < kept.length - 1 && (NATIONALITY_WORDS.has((kept[t] as Tok).lower) || PLACE_WORDS.has((kept[t] as Tok).lower))) t++;
  const title = singleSpaced(s.slice((kept[t] as Tok).start, last.end));
  return { role, title, start: first.start };
}

const SPACE_RUNS = /\s+/g;

/**
 * `text.replace(/\s+/g, ' ')`, without the regex call when every gap is already one plain space and the text is
 * ASCII (the usual role phrase).
 */
function singleSpaced(text: string): string {
  let prevSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || (c >= 9 && c <= 13) || (c === 32 && prevSpace)) return text.replace(SPACE_RUNS, ' ');
    prevSpace = c === 32;
  }
  return text;
}

/** Role words just before `pos` (backward), in text order. */
function roleBefore(s: string, pos: number, min: number, tokens: BlockTokens): Tok[] {
  const toks: Tok[] = [];
  let p = pos;
  for (let i = 0; i < MAX_ROLE_WORDS; i++) {
    const t = tokens.before(s, p, min);
    if (!t || !isRoleWord(t)) break;
    toks.unshift(t);
    p = t.start;
  }
  return toks;
}

/**
 * The name that ends at `pos` (spaces before `pos` skipped), with its role phrase before it. Undefined when the
 * words there are not a plausible person name.
 */
export function nameEndingAt(s: string, pos: number, tokens: BlockTokens, min = 0): NameSpan | undefined {
  let p = pos;
  let end = -1;
  let possessive = false;
  const words: Tok[] = [];
  let t = tokens.before(s, p, min);
  if (!t) return undefined;
  // "Joseph R. Biden, Jr." — the suffix after a comma belongs to the name.
  if (isSuffix(t)) {
    end = t.end;
    p = t.start;
    const comma = tokens.before(s, p, min);
    if (comma && comma.punct && comma.core === ',') p = comma.start;
    t = tokens.before(s, p, min);
    if (!t || !isNameWord(t)) return undefined;
  }
  while (t && words.length < MAX_NAME_WORDS) {
    if (t.sentenceEnd && words.length > 0) break;
    if (t.possessive && words.length > 0) break;
    const ok = isNameWord(t) || isInitial(t) || (words.length > 0 && isParticle(t));
    if (!ok) break;
    if (words.length === 0) {
      if (t.sentenceEnd) return undefined;
      possessive = t.possessive;
      if (end < 0) end = t.end;
    }
    words.unshift(t);
    p = t.start;
    t = tokens.before(s, p, min);
  }
  while (words.length > 0 && (isParticle(words[0] as Tok) || isInitial(words[0] as Tok))) words.shift();
  if (words.length === 0 || isTagged(s, (words[0] as Tok).start)) return undefined;
  // "President of Nordland Anna Berg": the word after "of" is the place when a full name still follows it; in
  // "an aide to Woodrow Wilson" two words are the name.
  if (words.length >= 3 && afterRoleConnector(tokens.before(s, (words[0] as Tok).start, min))) words.shift();
  if (!hasFullNameWord(words)) return undefined;
  const start = (words[0] as Tok).start;
  const roleToks = roleBefore(s, start, min, tokens);
  let role = roleFrom(s, roleToks);
  if (!role && roleToks.length === 0) {
    // "the official representative of the Russian Foreign Ministry, Maria Zakharova, announced"
    const comma = tokens.before(s, start, min);
    if (comma && comma.punct && comma.core === ',') {
      const before = roleBefore(s, comma.start, min, tokens);
      const r = roleFrom(s, before);
      if (r && before.length > 0 && isTitleish(before[before.length - 1] as Tok)) role = r;
    }
  }
  if (!role) return nameSpan(start, end, start, possessive, undefined, undefined);
  return nameSpan(start, end, role.start < start ? role.start : start, possessive, role.role, role.title);
}

/**
 * The name that starts after `pos`, past any role words ("Deputy Foreign Minister Ryabkov", "the Russian
 * president Vladimir Putin"). Stops at the first word that is neither role nor name. With `tokens`, the words of
 * a name found are remembered there for reading back ({@link BlockTokens.remember}).
 */
export function nameStartingAt(s: string, pos: number, max = s.length, tokens?: BlockTokens): NameSpan | undefined {
  let p = pos;
  const roleToks: Tok[] = [];
  let t = tokAfter(s, p, max);
  // isNameWord(t), asked once per word: the role loop, the role test and the name loop all want it.
  let nameWord = t !== undefined && isNameWord(t);
  while (t && roleToks.length < MAX_ROLE_WORDS && !nameWord && !isInitial(t) && isRoleWord(t, false)) {
    roleToks.push(t);
    p = t.end;
    if (t.sentenceEnd || t.possessive) return undefined;
    t = tokAfter(s, p, max);
    nameWord = t !== undefined && isNameWord(t);
  }
  const words: Tok[] = [];
  const placeFirst = afterRoleConnector(roleToks[roleToks.length - 1]);
  while (t && words.length < MAX_NAME_WORDS) {
    const ok = nameWord || isInitial(t) || (words.length > 0 && isParticle(t));
    if (!ok) break;
    words.push(t);
    p = t.end;
    if (t.sentenceEnd || t.possessive) break;
    t = tokAfter(s, p, max);
    nameWord = t !== undefined && isNameWord(t);
  }
  while (words.length > 0 && isParticle(words[words.length - 1] as Tok)) words.pop();
  const placeTaken = placeFirst && words.length >= 3 && isNameWord(words[0] as Tok);
  if (placeTaken) roleToks.push(words.shift() as Tok);
  if (words.length === 0 || !hasFullNameWord(words)) return undefined;
  if (isTagged(s, (words[0] as Tok).start)) return undefined;
  const last = words[words.length - 1] as Tok;
  let end = last.end;
  // The word after the name, read once: the suffix's comma or the suffix, else the follower below.
  let next: Tok | undefined;
  if (!last.sentenceEnd && !last.possessive) {
    // Suffix: "Biden, Jr." or "Biden Jr."
    next = tokAfter(s, end, max);
    let q = next;
    if (q && q.punct && q.core === ',') q = tokAfter(s, q.end, max);
    if (q && isSuffix(q)) {
      end = q.end;
      next = tokAfter(s, end, max);
    }
  }
  // "according to the Associated Press": a capitalised organisation word right after means no person.
  const follower = next;
  if (follower && !follower.punct && ORG_WORDS.has(follower.lower) && /^\p{Lu}/u.test(follower.core)) return undefined;
  const start = (words[0] as Tok).start;
  if (tokens !== undefined) {
    // Every word reads back as itself, each role word is one again (the place taken from the name is a name word)
    // and the end is the last word's: see readsBackAlike.
    const alike = rememberRead(s, tokens, roleToks, words) && roleToks.length > 0 && !placeTaken && end === last.end;
    tokens.readRoleStart = alike ? (roleToks[0] as Tok).start : -1;
    tokens.readEnd = alike ? end : -1;
  }
  const role = roleFrom(s, roleToks);
  if (!role) return nameSpan(start, end, start, last.possessive, undefined, undefined);
  return nameSpan(start, end, role.start, last.possessive, role.role, role.title);
}

/**
 * Each word read forward, remembered as the word before the next one, and the last as the word before its end.
 * True when every one is held (reads back as itself).
 */
function rememberRead(s: string, tokens: BlockTokens, roleToks: Tok[], words: Tok[]): boolean {
  let alike = true;
  let prev: Tok | undefined;
  for (const t of roleToks) {
    if (prev !== undefined) alike = tokens.remember(s, prev, t.start) && alike;
    prev = t;
  }
  for (const t of words) {
    if (prev !== undefined) alike = tokens.remember(s, prev, t.start) && alike;
    prev = t;
  }
  if (prev !== undefined) alike = tokens.remember(s, prev, prev.end) && alike;
  return alike;
}

/**
 * Whether reading back from the end of `n`, the name nameStartingAt just read with `tokens` after a role, finds
 * what `n` holds: the same end and, if it finds the same start, the same role and title (nameEndingAt). So it
 * does when every word of `n` and its role reads back as itself, `n` has no suffix, and the role words before
 * its role, if any, are connectors ("the", "and"), which roleFrom drops from the edge. Otherwise reading back may
 * find a longer role ("Foreign Minister Kuleba" read from "Minister") and must be done.
 */
export function readsBackAlike(s: string, n: NameSpan, tokens: BlockTokens): boolean {
  if (tokens.readRoleStart === -1 || tokens.readEnd !== n.end) return false;
  // Reading back takes at most MAX_ROLE_WORDS role words in all: this reads as many before the role, or more.
  let p = tokens.readRoleStart;
  for (let k = 0; k < MAX_ROLE_WORDS; k++) {
    const before = tokens.before(s, p);
    if (before === undefined || !isRoleWord(before)) return true;
    if (!ROLE_CONNECTORS.has(before.lower)) return false;
    p = before.start;
  }
  return true;
}
