/**
 * Attribution rules in running prose: the subject of a speech verb ("Deputy Foreign Minister Sergei Ryabkov
 * said"), the name after a verb that follows a quotation (`"…," said Ryabkov`), "according to X", "quoted X as
 * saying", "X's remarks", "X in an interview", and "X released the following statement".
 */
import { nameEndingAt, nameStartingAt, type NameSpan } from './names';
import { afterArticle, BETWEEN, isClauseSubject, isLyAdverb, opensClause, pushSubjects, subjectBefore } from './subjects';
import { INVERTIBLE, MODAL_WORDS, OBJECTS, STATEMENT_RE, WITH_OBJECT, type TriggerKind } from './speechVerbs';
import { eachSpeakerTrigger } from './speakerTriggers';
import { readMarks } from './speakerMarks';
import type { SpeechHits } from './speechHits';
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
import { tokAfter, type BlockTokens } from './tokens';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { LOWER_T } = codes;
const { isDoubleQuoteMark, isWordSpace } = classes;

/** A speaker name found in a block, before it becomes a Mention. */
export interface Found {
  name: NameSpan;
  rule: string;
}

const PASSIVE_AS = /^[^.!?\n]{0,60}?\bas\s+(?:saying|telling|stating)\b/;
const QUOTED_AS = /^\s+as\s+(?:saying|telling|stating|calling|describing|warning|noting|asking)\b/;

/**
 * Runs every trigger-based rule over one block (whose speech hits `hits` holds), appending what it finds to `out`;
 * returns the block's other marks (speakerMarks.ts), read in the pass that finds its possessives ("X's remarks").
 */
export function findAttributions(block: string, out: Found[], hits: SpeechHits, tokens: BlockTokens): number {
  eachSpeakerTrigger(hits, (start, end, phrase, kind) => onTrigger(block, start, end, phrase, kind, out, tokens));
  const marks = readMarks(block, out, tokens);
  if (holdsStatement(block)) {
    const statements = STATEMENT_RE;
    statements.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = statements.exec(block)) !== null) pushSubjects(block, m.index, 'statement', out, tokens);
  }
  return marks;
}

/**
 * `block.indexOf('statement') !== -1`, searched by its rarest letter: indexOf of a long pattern in a two-byte
 * string builds a search table per call, which cost more than the search itself in most blocks.
 */
function holdsStatement(block: string): boolean {
  for (let at = block.indexOf('men'); at !== -1; at = block.indexOf('men', at + 3)) {
    if (at >= 5 && block.charCodeAt(at + 3) === LOWER_T && block.startsWith('state', at - 5)) return true;
  }
  return false;
}

/**
 * Whether the word before a verb can lead to its speaker: a capitalised word (the name), a word allowed between
 * a subject and its verb, a comma, bracket or quotation mark (an aside, an inverted `"…," said X`). Most verb
 * forms met in running text ("the state", "peace talks") fail here before any costlier rule runs.
 */
function speakerMayBeNear(s: string, at: number, tokens: BlockTokens): boolean {
  const t = tokens.before(s, at);
  if (!t) return false;
  if (t.punct) return t.core === ',' || t.core === ')' || isDoubleQuoteMark(t.core.charCodeAt(0)) || t.core === '’' || t.core === "'";
  const c = t.core.charCodeAt(0);
  return !(c >= 97 && c <= 122) || BETWEEN.has(t.lower) || MODAL_WORDS.has(t.lower) || isLyAdverb(t.lower) || t.lower === 'he' || t.lower === 'she' || t.core.indexOf('-') !== -1;
}

function onTrigger(block: string, at: number, after: number, phrase: string, kind: TriggerKind, out: Found[], tokens: BlockTokens): void {
  if ((kind === 'verb' || kind === 'weakVerb' || kind === 'baseVerb') && !speakerMayBeNear(block, at, tokens)) return;
  switch (kind) {
    case 'baseVerb':
      if (afterModal(block, at, tokens)) pushSubjects(block, at, 'speech-verb', out, tokens);
      else pushCoordinated(block, at, out, tokens);
      return;
    case 'verb':
    case 'weakVerb': {
      if (kind === 'weakVerb' && !introducesSpeech(block, after) && !(WITH_OBJECT.has(phrase) && spokenObject(block, after)) && !asClause(block, at, tokens)) return;
      if (isPassive(block, at, tokens)) return;
      if (INVERTIBLE.has(phrase)) {
        const inv = invertedName(block, at, after, tokens);
        if (inv) {
          out.push({ name: inv, rule: 'speech-verb-inverted' });
          return;
        }
      }
      pushSubjects(block, at, 'speech-verb', out, tokens);
      return;
    }
    case 'accordingTo': {
      const n = nameStartingAt(block, after);
      if (n && !n.possessive && n.outerStart - after < 60 && !afterArticle(block, n, tokens)) out.push({ name: n, rule: 'according-to' });
      else if (!n) pushApposed(block, after, out);
      return;
    }
    case 'quoted': {
      const n = nameStartingAt(block, after);
      if (n && !n.possessive && QUOTED_AS.test(block.slice(n.end, n.end + 24))) {
        out.push({ name: n, rule: 'quoted-as-saying' });
        return;
      }
      // Passive: "Ryabkov was cited by RIA Novosti as saying".
      const aux = tokens.before(block, at);
      if (aux && (aux.lower === 'was' || aux.lower === 'is' || aux.lower === 'were') && PASSIVE_AS.test(block.slice(after, after + 80))) {
        pushSubjects(block, at, 'quoted-as-saying', out, tokens);
      }
      return;
    }
    case 'participle': {
      const n = participleSubject(block, at, tokens);
      if (n) out.push({ name: n, rule: 'speech-participle' });
      return;
    }
    case 'framing': {
      const n = nameEndingAt(block, at, tokens);
      if (n && !n.possessive && opensClause(block, n, tokens)) out.push({ name: n, rule: 'framing' });
      return;
    }
    default:
      return;
  }
}

/** Prepositions after which a name still does what its participle says: "with Berg arguing", "about Berg saying";
 * after "from" or "by" the thing sent or written speaks ("a voice from Heaven saying", "a cable by Berg saying"). */
const ABSOLUTE_OPENERS = new Set(['with', 'about']);

/**
 * "what about Berg saying …": the name right before a speech participle, with nothing between them. A name after
 * "to" or "for" is an addressee ("a letter to Berg saying"), not the speaker.
 */
function participleSubject(s: string, at: number, tokens: BlockTokens): NameSpan | undefined {
  const n = nameEndingAt(s, at, tokens);
  if (!n || n.possessive || afterArticle(s, n, tokens) || s.slice(n.end, at).trim() !== '') return undefined;
  const before = tokens.before(s, n.outerStart);
  if (before && !before.punct && !ABSOLUTE_OPENERS.has(before.lower) && !isClauseSubject(s, n, tokens)) return undefined;
  return n;
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/** "Berg was criticized for", "Holm has been told": the subject of a passive is spoken to or about. */
function isPassive(s: string, verbStart: number, tokens: BlockTokens): boolean {
  let p = verbStart;
  for (let k = 0; k < 3; k++) {
    const t = tokens.before(s, p);
    if (!t || t.punct) return false;
    if (BE_FORMS.has(t.lower)) return true;
    // Adverbs between: "was widely criticized", "were also told".
    if (!(t.lower.endsWith('ly') || t.lower === 'also' || t.lower === 'not' || t.lower === 'never')) return false;
    p = t.start;
  }
  return false;
}

/** "would say", "did not say", "will also stress": a modal or `do` before a base form, `not`/`never`/`also` between. */
function afterModal(s: string, verbStart: number, tokens: BlockTokens): boolean {
  let p = verbStart;
  for (let k = 0; k < 3; k++) {
    const t = tokens.before(s, p);
    if (!t || t.punct) return false;
    if (MODAL_WORDS.has(t.lower) && t.lower !== 'also') return true;
    if (t.lower !== 'not' && t.lower !== 'never' && t.lower !== 'also') return false;
    p = t.start;
  }
  return false;
}

/** "Anna Berg and Olaf Holm say": a base form with a coordinated subject (one name alone would say "says"). */
function pushCoordinated(s: string, verbStart: number, out: Found[], tokens: BlockTokens): void {
  const last = subjectBefore(s, verbStart, tokens);
  if (!last) return;
  const and = tokens.before(s, last.outerStart);
  if (!and || and.lower !== 'and' || !nameEndingAt(s, and.start, tokens)) return;
  pushSubjects(s, verbStart, 'speech-verb', out, tokens);
}

/** "raised concerns", "shared his assessment", "voiced Moscow's objections": a word for something said follows. */
function spokenObject(s: string, from: number): boolean {
  let p = from;
  for (let k = 0; k < 3; k++) {
    const t = tokAfter(s, p, Math.min(s.length, from + 60));
    if (!t || t.punct) return false;
    if (OBJECTS.has(t.lower)) return true;
    if (t.sentenceEnd) return false;
    p = t.end;
  }
  return false;
}

/** A weak verb is speech when a quotation, a colon or a `that` clause follows in the same sentence. */
function introducesSpeech(s: string, from: number): boolean {
  const t = tokAfter(s, from, Math.min(s.length, from + 40));
  if (t && (t.lower === 'that' || t.core === ':' || isDoubleQuoteMark(t.core.charCodeAt(0)))) return true;
  const limit = Math.min(s.length, from + 200);
  for (let i = from; i < limit; i++) {
    const ch = s[i] as string;
    if (isDoubleQuoteMark(s.charCodeAt(i))) return true;
    if ((ch === '.' || ch === '!' || ch === '?') && (i + 1 >= s.length || isWordSpace(s.charCodeAt(i + 1)))) {
      // "U.S. officials" is not a sentence end; a lower-case letter after the stop (and its spaces, non-breaking
      // ones included) continues the sentence.
      let j = i + 1;
      while (j < s.length && isWordSpace(s.charCodeAt(j))) j++;
      // Read only inside the block: a read past its end deoptimized this loop.
      if (j === s.length) return false;
      const next = s.charCodeAt(j);
      if (!(next >= 97 && next <= 122)) return false;
    }
  }
  return false;
}

/** `"…," said Deputy Foreign Minister Ryabkov` / `…, says Ryabkov`: a name right after the verb. */
function invertedName(s: string, verbStart: number, verbEnd: number, tokens: BlockTokens): NameSpan | undefined {
  const before = tokens.before(s, verbStart);
  if (!before || !before.punct || !(before.core === ',' || isDoubleQuoteMark(before.core.charCodeAt(0)) || before.core === '’' || before.core === "'")) return undefined;
  const n = nameStartingAt(s, verbEnd);
  if (!n || n.possessive || n.outerStart - verbEnd > 50) return undefined;
  const next = tokAfter(s, n.end);
  if (next && !next.punct && !/^(?:in|on|at|during|after|before|from|to|of|as|when|while|who|and|last|this|yesterday|today)$/.test(next.lower)) {
    // "he said President Biden would…": the name is the subject of a reported clause, not the speaker.
    return undefined;
  }
  return n;
}

/** "According to the team's coach, Anna Berg, …": the name set off by commas after a description. */
function pushApposed(s: string, from: number, out: Found[]): void {
  const comma = s.indexOf(',', from);
  if (comma === -1 || comma - from > 60 || /[.!?]\s/.test(s.slice(from, comma))) return;
  const n = nameStartingAt(s, comma + 1, Math.min(s.length, comma + 80));
  if (!n || n.possessive || n.outerStart !== tokAfter(s, comma + 1)?.start) return;
  const next = tokAfter(s, n.end);
  if (next && next.punct && next.core === ',') out.push({ name: n, rule: 'according-to' });
}

/** "as Morgan indicated,": in a clause opened by "as", a weak verb reports what the subject said. */
function asClause(s: string, verbStart: number, tokens: BlockTokens): boolean {
  // Read the subject only when an "as" stands within a short name's reach before the verb.
  const as = s.lastIndexOf('as ', verbStart);
  if (as === -1 || verbStart - as > 50 || (as > 0 && s.charCodeAt(as - 1) !== 32)) return false;
  const n = subjectBefore(s, verbStart, tokens);
  if (!n) return false;
  const t = tokens.before(s, n.outerStart);
  return t !== undefined && t.lower === 'as';
}

