/**
 * The subject of a reporting verb, read backwards from the verb: the name, with its role, over auxiliaries and
 * adverbs ("has also repeatedly said"), an aside between commas ("Berg, the agency's envoy, said"), a party tag
 * in parentheses, "of <country or body>" ("Berg of Nordland noted") and coordination ("Berg and Holm", "Berg,
 * Holm and Sand", "Berg, Chair of …, and Holm, …, released").
 */
import type { Found } from './attribution';
import { nameEndingAt, nameSpan, type NameSpan } from './names';
import { CALENDAR_WORDS, ORG_WORDS, PLACE_WORDS, TITLE_WORDS } from './nameWords';
import * as classes from '../../text/charClasses';
import { tokAfter, type BlockTokens } from './tokens';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { isDoubleQuoteMark } = classes;

/** Words allowed between a subject and its verb: auxiliaries, adverbs, short time phrases. */
/** "thoroughly", "publicly", "discreetly": a manner adverb between a subject and its verb. */
export function isLyAdverb(lower: string): boolean {
  return lower.length > 4 && lower.charCodeAt(lower.length - 1) === 121 && lower.charCodeAt(lower.length - 2) === 108 && lower.charCodeAt(0) >= 97;
}

export const BETWEEN = new Set(
  `has have had was were is are be been also further again then later earlier previously formally publicly
  repeatedly recently once reportedly officially personally separately specifically explicitly firmly clearly
  would will could may might can did does do not never himself herself themselves today yesterday on this last
  week month year subsequently immediately quickly openly bluntly directly flatly categorically strongly frankly
  already just only even still ultimately similarly likewise first initially now in at during
  `.trim().split(/\s+/),
);

const MAX_STEPS = 14;
const MAX_PARENTHETICAL = 140;
/** The subject(s) of the verb starting at `verbStart`, pushed with `rule`; coordinated subjects included. */
export function pushSubjects(s: string, verbStart: number, rule: string, out: Found[], tokens: BlockTokens): void {
  const n = subjectBefore(s, verbStart, tokens);
  if (!n) return;
  out.push({ name: n, rule });
  // "President Bush and Russian president Boris Yeltsin declared": both speak; so do "Berg, Holm and Sand" and
  // "Berg, Chair of …, and Holm, …, released".
  let cur = n;
  let listed = false;
  for (let i = 0; i < 5; i++) {
    const sep = tokens.before(s, cur.outerStart);
    if (!sep || !(sep.lower === 'and' || (listed && sep.core === ','))) break;
    const prev = sep.lower === 'and' ? conjunctBefore(s, sep.start, tokens) : nameEndingAt(s, sep.start, tokens);
    if (!prev || prev.possessive) break;
    out.push({ name: prev, rule: 'coordinated-subject' });
    listed = true;
    cur = prev;
  }
}

/** The name before "and": right before it, or before ", and" past an apposition ("Berg, Chair of X, and"). */
function conjunctBefore(s: string, andStart: number, tokens: BlockTokens): NameSpan | undefined {
  const comma = tokens.before(s, andStart);
  if (!comma || !comma.punct || comma.core !== ',') return nameEndingAt(s, andStart, tokens);
  // An apposition first: in "Berg, Chair of the Committee on Energy, and" the word before the comma is no name.
  const open = openingComma(s, comma.start);
  const beforeAside = open < 0 ? undefined : nameEndingAt(s, open, tokens);
  return beforeAside ?? nameEndingAt(s, comma.start, tokens);
}

/**
 * "Berg of the Republic of Nordland| noted": the start of an "of" phrase (capitalised words, "the", inner "of")
 * that follows a name and ends at `pos`, or -1. The name's place or body is not part of the subject's span.
 */
function ofPhraseStart(s: string, pos: number, tokens: BlockTokens): number {
  let p = pos;
  for (let k = 0; k < 8; k++) {
    const t = tokens.before(s, p);
    if (!t || t.punct || t.sentenceEnd) return -1;
    if (t.lower === 'of' && k > 0) {
      const before = tokens.before(s, t.start);
      if (before && !before.punct && isCapitalised(before.core) && nameEndingAt(s, t.start, tokens)) return t.start;
    } else if (!(t.lower === 'the' || isCapitalised(t.core))) {
      return -1;
    }
    p = t.start;
  }
  return -1;
}

function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  return (c >= 65 && c <= 90) || c > 191;
}

export function subjectBefore(s: string, verbStart: number, tokens: BlockTokens): NameSpan | undefined {
  let p = verbStart;
  let aside: { from: number; to: number } | undefined;
  for (let step = 0; step < MAX_STEPS; step++) {
    const t = tokens.before(s, p);
    if (!t) return undefined;
    if (t.punct) {
      if (t.core === ')') {
        // "Representative Adam Smith (D-Wash.) said": step over a short parenthesis.
        const open = s.lastIndexOf('(', t.start);
        if (open === -1 || t.start - open > 60 || s.slice(open, t.start).indexOf('\n\n') !== -1) return undefined;
        p = open;
        continue;
      }
      if (t.core !== ',') return undefined;
      const direct = nameEndingAt(s, t.start, tokens);
      if (direct && afterArticle(s, direct, tokens)) return undefined;
      if (direct && !aside && insideAside(s, direct, t.start, tokens)) {
        // "Rachel Harvey, stationed in the capital Banda Aceh, reports": the name ends an aside, not the subject.
        p = openingComma(s, t.start);
        aside = { from: p + 1, to: t.start };
        continue;
      }
      if (direct) return direct.possessive || !isClauseSubject(s, direct, tokens) ? undefined : withAside(s, direct, aside);
      if (aside) return undefined;
      const open = openingComma(s, t.start);
      if (open < 0) return undefined;
      aside = { from: open + 1, to: t.start };
      p = open;
      continue;
    }
    if (t.sentenceEnd) return undefined;
    if (t.lower === 'he' || t.lower === 'she') return dislocated(s, t.start, tokens);
    if (BETWEEN.has(t.lower) || CALENDAR_WORDS.has(t.lower) || startsWithDigit(t.core) || isLyAdverb(t.core)) {
      p = t.start;
      continue;
    }
    const n = nameEndingAt(s, p, tokens) ?? surnameLikePlace(s, p, tokens);
    if (!n || !isClauseSubject(s, n, tokens)) {
      const of = ofPhraseStart(s, p, tokens);
      if (of < 0) return undefined;
      p = of;
      continue;
    }
    if (n.possessive || afterArticle(s, n, tokens)) return undefined;
    return withAside(s, n, aside);
  }
  return undefined;
}

const CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'whereas', 'then', 'meanwhile', 'later', 'today', 'yesterday']);

/** "Berg in a tweet called …" opens its clause; "They met Berg in a video call" does not. */
export function opensClause(s: string, n: NameSpan, tokens: BlockTokens): boolean {
  const t = tokens.before(s, n.outerStart);
  if (!t) return true;
  if (t.punct) return t.core !== '(';
  return t.sentenceEnd || CLAUSE_OPENERS.has(t.lower);
}

/** "And the head of NATO, Hoop Scheffer, he has explained": the name before ", he" is the subject. */
function dislocated(s: string, pronounStart: number, tokens: BlockTokens): NameSpan | undefined {
  const comma = tokens.before(s, pronounStart);
  if (!comma || !comma.punct || comma.core !== ',') return undefined;
  const n = nameEndingAt(s, comma.start, tokens);
  return n && !n.possessive && !afterArticle(s, n, tokens) && opensClause(s, n, tokens) ? n : undefined;
}

/** First words of place names: "New York said" is a city, "William Hague said" a person. */
const PLACE_PREFIXES = new Set(['new', 'san', 'santa', 'saint', 'st.', 'port', 'fort', 'los', 'las', 'hong', 'abu', 'sri', 'tel', 'rio', 'el', 'buenos', 'kuala', 'addis', 'cape', 'mount', 'lake', 'north', 'south', 'east', 'west']);

/**
 * "Foreign Minister William Hague says": a surname that is also a place ("Hague", "Washington", "Jordan")
 * after a given name, where the name reader stops at the place word.
 */
function surnameLikePlace(s: string, pos: number, tokens: BlockTokens): NameSpan | undefined {
  const last = tokens.before(s, pos);
  if (!last || last.punct || last.possessive || !PLACE_WORDS.has(last.lower) || ORG_WORDS.has(last.lower)) return undefined;
  if (!/^\p{Lu}\p{Ll}+$/u.test(last.core)) return undefined;
  const given = nameEndingAt(s, last.start, tokens);
  if (!given || given.possessive || PLACE_PREFIXES.has(s.slice(given.start, given.end).split(' ')[0]?.toLowerCase() ?? '')) return undefined;
  return nameSpan(given.start, last.end, given.outerStart, given.possessive, given.role, given.title);
}

/** A one-word name after "the" without a title is a body or a paper: "the Haaretz", "the NIEs". */
export function afterArticle(s: string, n: NameSpan, tokens: BlockTokens): boolean {
  if (n.role || n.outerStart !== n.start || s.slice(n.start, n.end).indexOf(' ') !== -1) return false;
  const t = tokens.before(s, n.start);
  return t !== undefined && t.lower === 'the';
}

/** The name before `comma` ends an aside that opened with lower-case words ("…, stationed in Banda Aceh,"). */
function insideAside(s: string, n: NameSpan, comma: number, tokens: BlockTokens): boolean {
  const open = openingComma(s, comma);
  if (open < 0) return false;
  const first = tokAfter(s, open + 1, comma);
  return first !== undefined && first.start < n.outerStart && nameEndingAt(s, open, tokens) !== undefined;
}

/** Prepositions that make the following name an object ("signed by Reagan", "a spokesman for Putin"). */
const OBJECT_MARKERS = new Set(
  'by with to from for of at about against between toward towards than like unlike via under over into onto upon'.split(' '),
);

/** False when the name is the object of a preposition ("…, signed by Reagan and Gorbachev, stated"). */
export function isClauseSubject(s: string, n: NameSpan, tokens: BlockTokens): boolean {
  const adjacent = tokens.before(s, n.start);
  if (adjacent && OBJECT_MARKERS.has(adjacent.core)) return false;
  let cur = n;
  for (let i = 0; i < 4; i++) {
    const before = tokens.before(s, cur.outerStart);
    // "…touched upon. Defence Minister Shoigu briefed": a preposition ending the last sentence governs nothing here.
    if (!before || before.punct || before.sentenceEnd) return true;
    if (OBJECT_MARKERS.has(before.lower)) return false;
    if (before.lower !== 'and') return true;
    const prev = nameEndingAt(s, before.start, tokens);
    if (!prev) return true;
    cur = prev;
  }
  return true;
}

/** "Jens Stoltenberg, NATO Secretary General, said": the aside gives the role when none came before the name. */
function withAside(s: string, n: NameSpan, aside: { from: number; to: number } | undefined): NameSpan {
  if (!aside || n.role || !hasTitleWord(s, aside.from, aside.to)) return n;
  const role = s.slice(aside.from, aside.to).trim().replace(/^(?:the|a|an)\s+/i, '').replace(/\s+/g, ' ');
  return nameSpan(n.start, n.end, n.outerStart, n.possessive, role, role);
}

/**
 * For a comma closing a parenthetical (", in a written statement,"), the offset of the comma that opens it, or
 * -1. The parenthetical must stay inside the sentence and start like an aside: a lower-case word, a title, a
 * date.
 */
function openingComma(s: string, close: number): number {
  const min = Math.max(0, close - MAX_PARENTHETICAL);
  for (let i = close - 1; i >= min; i--) {
    const ch = s[i] as string;
    if (ch === ',') {
      const first = tokAfter(s, i + 1, close);
      if (!first || first.punct) return -1;
      const c = first.core.charCodeAt(0);
      const lower = c >= 97 && c <= 122;
      if (lower || TITLE_WORDS.has(first.lower) || CALENDAR_WORDS.has(first.lower) || startsWithDigit(first.core)) return i;
      // "Jens Stoltenberg, NATO Secretary General, said"; "Bob Menendez, D-N.J., said".
      if (/^[DRI]-[A-Z]/.test(first.core) || hasTitleWord(s, i + 1, close)) return i;
      return -1;
    }
    if (ch === '.' || ch === '!' || ch === '?' || ch === ';' || ch === ':' || ch === '(' || ch === ')' || isDoubleQuoteMark(s.charCodeAt(i))) {
      if (ch === '.' && i > 0 && /\p{Lu}/u.test(s[i - 1] as string)) continue; // "U.S." inside the aside
      return -1;
    }
  }
  return -1;
}

/** `/^\d/.test(word)` without a regex object per call. */
function startsWithDigit(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function hasTitleWord(s: string, from: number, to: number): boolean {
  let p = from;
  for (let k = 0; k < 12; k++) {
    const t = tokAfter(s, p, to);
    if (!t) return false;
    if (!t.punct && TITLE_WORDS.has(t.lower) && !ORG_WORDS.has(t.lower)) return true;
    p = t.end;
  }
  return false;
}
