/**
 * Transcript turn labels: `MS. PSAKI:`, `MR PATEL:`, `SECRETARY BLINKEN:`, `MODERATOR:`, `SENIOR ADMINISTRATION
 * OFFICIAL:`, or a mixed-case `Sergey Ryabkov:` / `Secretary Blinken:`. The span is the label without the colon.
 * A turn starts at a line start, after a sentence end (a transcript pasted from a web page loses its line breaks:
 * `…your intentions? Vladimir Putin: Does…`) or after a bracketed note (`[Applause] Anna Berg:`). Anonymous labels
 * (`Q`, `Question`, `Answer`, `Briefer`, `Operator`, `Participant`) are never speakers.
 */
import type { Found } from './attribution';
import { nameSpan, nameStartingAt } from './names';
import { isNonNameWord, PLACE_WORDS } from './nameWords';
import { memoized } from '../boundedMemo';
import type { SpeakerState } from './speakerState';
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { ASCII_MAX, ASTERISK, EXCLAMATION_MARK, FULL_STOP, QUESTION_MARK, QUOTATION_MARK, RIGHT_DOUBLE_QUOTE, RIGHT_PARENTHESIS, RIGHT_SINGLE_QUOTE, RIGHT_SQUARE_BRACKET, UNDERSCORE } =
  codes;
const { isAsciiLetter, isAsciiUpper, isWordSpace } = classes;
const HORIZONTAL_ELLIPSIS = 0x2026;

const CAPS_LABEL = /^((?:[A-Z][A-Z'’.-]*)(?:[ \t][A-Z][A-Z'’.-]*){0,4})$/;
/** A label's words: a name with its title, at most this many characters before the colon. */
const MAX_LABEL = 60;

/** Capitalised line openers that are headings or notes, not people. */
const NOT_SPEAKERS = new Set([
  'NOTE', 'NOTES', 'UPDATE', 'UPDATED', 'SOURCE', 'SOURCES', 'END', 'BACKGROUND',
  'TRANSCRIPT', 'EDITOR’S NOTE', "EDITOR'S NOTE", 'AS PREPARED FOR DELIVERY', 'AS DELIVERED', 'EMBARGOED',
  'CORRECTION', 'CONTACT', 'SUBJECT', 'RE', 'FROM', 'TO', 'CC', 'DATE', 'TIME', 'LOCATION', 'PLACE', 'WHERE',
  'WHEN', 'WHAT', 'WHO', 'ATTACHMENT', 'ATTACHMENTS', 'LINK', 'LINKS', 'PHOTO', 'VIDEO', 'AUDIO', 'KEY TREATIES',
  'BREAKING', 'EXCLUSIVE', 'ANALYSIS', 'OPINION', 'FACT SHEET', 'READOUT', 'STATEMENT', 'PRESS RELEASE', 'AGENDA',
  'PARTICIPANTS', 'TOPIC', 'TOPICS', 'SUMMARY', 'RELATED', 'TAGS', 'INTERFAX', 'TASS', 'REUTERS', 'AP', 'AFP',
]);

/**
 * Labels that stand for nobody in particular: the questioner and answerer of an interview, a briefer left
 * unnamed, the floor. Compared in upper case with single spaces. (`MODERATOR` and `SENIOR ADMINISTRATION
 * OFFICIAL` are speakers by the annotation guidelines and are not listed.)
 */
const ANONYMOUS = new Set([
  'Q', 'A', 'QUESTION', 'QUESTIONS', 'ANSWER', 'QUESTIONER', 'BRIEFER', 'BRIEFERS', 'DELEGATE', 'DELEGATES',
  'OPERATOR', 'THE OPERATOR', 'PARTICIPANT', 'PARTICIPANTS', 'AUDIENCE', 'AUDIENCE MEMBER', 'AUDIENCE MEMBERS',
  'REPORTER', 'REPORTERS', 'JOURNALIST', 'JOURNALISTS', 'INTERPRETER', 'TRANSLATOR', 'VOICE', 'VOICES',
  'UNIDENTIFIED', 'UNIDENTIFIED SPEAKER', 'MALE SPEAKER', 'FEMALE SPEAKER', 'CROSSTALK', 'GUEST', 'INTERVIEWEE',
  'THE PRESS', 'PRESS', 'IMAGE', 'PICTURE', 'CAPTION', 'CREDIT', 'PHOTO CREDIT', 'IMAGE CREDIT',
]);

/** Roles that speak in a transcript though they name nobody, in any case style ("The President:", "Moderator:"). */
const ROLE_SPEAKERS = new Set(['MODERATOR', 'THE MODERATOR', 'PRESIDENT', 'THE PRESIDENT', 'THE VICE PRESIDENT', 'INTERVIEWER']);

/**
 * Finds the turn labels of a block: every colon followed by a space (or a closing `**`) is a candidate end.
 * `state` keeps the verdict per label across the blocks of a document.
 */
export function findTurnLabels(block: string, out: Found[], state: SpeakerState): void {
  for (let colon = block.indexOf(':'); colon !== -1; colon = block.indexOf(':', colon + 1)) {
    if (endsLabel(block, colon)) matchLabel(block, colon, out, state);
  }
}

/** A label's colon follows a letter, a bold marker or a note's `)`, and comes before a space, a bold marker or the end. */
function endsLabel(s: string, colon: number): boolean {
  const prev = s.charCodeAt(colon - 1);
  if (!(isAsciiLetter(prev) || prev === ASTERISK || prev === UNDERSCORE || prev === RIGHT_PARENTHESIS || prev > ASCII_MAX)) return false;
  if (colon + 1 >= s.length) return true;
  const next = s.charCodeAt(colon + 1);
  return isWordSpace(next) || next === ASTERISK || next === UNDERSCORE;
}

/**
 * The label that ends at `colon`, tried from every turn start within MAX_LABEL characters of it on its line,
 * farthest first ("MR. HOLM:" after "Thanks." starts at "MR.", not at "HOLM").
 */
function matchLabel(block: string, colon: number, out: Found[], state: SpeakerState): void {
  const lineStart = block.lastIndexOf('\n', colon - 1) + 1;
  const from = Math.max(lineStart, colon - MAX_LABEL);
  for (let i = from; i < colon; i++) {
    // Labels open with a capital, possibly in bold: every other character is passed on its code alone.
    const c = block.charCodeAt(i);
    if (!(isAsciiUpper(c) || c === ASTERISK || c === UNDERSCORE || c > ASCII_MAX)) continue;
    if (i !== lineStart && !startsTurn(block, i)) continue;
    if (labelAt(block, i, colon, out, state)) return;
  }
}

/** A turn can start here: the first non-space after a sentence end or a closing bracket. */
function startsTurn(s: string, i: number): boolean {
  if (isWordSpace(s.charCodeAt(i)) || !isWordSpace(s.charCodeAt(i - 1))) return false;
  // Back over the spaces, then over closing quotes and parentheses after a stop (`…over.” Anna Berg:`), in one
  // loop: a second loop's step back, rarely taken, was code first met in optimized code.
  let spaces = true;
  for (let j = i - 1; j >= 0; j--) {
    const c = s.charCodeAt(j);
    if (spaces && isWordSpace(c)) continue;
    spaces = false;
    if (j > 0 && (c === RIGHT_DOUBLE_QUOTE || c === QUOTATION_MARK || c === RIGHT_SINGLE_QUOTE || c === RIGHT_PARENTHESIS)) continue;
    return c === FULL_STOP || c === QUESTION_MARK || c === EXCLAMATION_MARK || c === HORIZONTAL_ELLIPSIS || c === RIGHT_SQUARE_BRACKET;
  }
  return false;
}

/** Tries the label from `start` to `colon`; true when the text there is a label (a speaker's or not). */
function labelAt(block: string, start: number, colon: number, out: Found[], state: SpeakerState): boolean {
  let a = start;
  let b = colon;
  while (a < b && (block[a] === '*' || block[a] === '_' || block[a] === ' ' || block[a] === '\t')) a++;
  while (b > a && (block[b - 1] === '*' || block[b - 1] === '_')) b--;
  b = beforeNote(block, a, b);
  if (a >= b) return false;
  const text = block.slice(a, b);
  if (CAPS_LABEL.test(text)) {
    if (memoized(state.labelVerdicts, text, judgeLabel)) out.push({ name: nameSpan(a, b, a, false, undefined, undefined), rule: 'turn-label' });
    return true;
  }
  if (mayBeListed(block, a, b)) {
    const upper = normalised(text);
    if (ANONYMOUS.has(upper) || NOT_SPEAKERS.has(upper)) return true;
    if (ROLE_SPEAKERS.has(upper)) {
      out.push({ name: nameSpan(a, b, a, false, undefined, undefined), rule: 'turn-label' });
      return true;
    }
  }
  const n = nameStartingAt(block, a, b);
  if (!n || n.end !== b || n.possessive || n.outerStart !== a) return false;
  // Mixed case is running text: the span is the name, the title before it its role ("Foreign Minister ⟦Anna Berg⟧:").
  out.push({ name: nameSpan(n.start, n.end, n.outerStart, false, n.role, n.title), rule: 'turn-label' });
  return true;
}

/** The end of a label before a short lower-case note in parentheses: `Anna Berg (retranslated):`, `(via interpreter)`. */
function beforeNote(s: string, a: number, b: number): number {
  if (s[b - 1] !== ')') return b;
  const open = s.lastIndexOf('(', b - 1);
  if (open <= a || b - open > 30 || !/^\((?:[a-z][a-z ,.-]*)\)$/.test(s.slice(open, b))) return b;
  let e = open;
  while (e > a && isWordSpace(s.charCodeAt(e - 1))) e--;
  return e;
}

/** The longest label of the word lists above. */
const MAX_LISTED = Math.max(...[...NOT_SPEAKERS, ...ANONYMOUS, ...ROLE_SPEAKERS].map((w) => w.length));

/**
 * Whether {@link normalised} of the label [a, b) may be as short as a label of the lists, counted without making
 * it: most candidates are a line of prose up to a colon, longer than any listed label. Every ASCII character that
 * is not white space stays one character of the normalised label (upper-casing never drops a character).
 */
function mayBeListed(s: string, a: number, b: number): boolean {
  if (b - a <= MAX_LISTED) return true;
  let kept = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c < 127 && ++kept > MAX_LISTED) return false;
  }
  return true;
}

function normalised(label: string): string {
  return label.replace(/\s+/g, ' ').toUpperCase();
}

function judgeLabel(label: string): boolean {
  const norm = label.replace(/[ \t]+/g, ' ');
  if (NOT_SPEAKERS.has(norm) || ANONYMOUS.has(norm)) return false;
  const words = norm.split(' ');
  // Inside a label only a title abbreviation ends with a dot ("MR. HOLM"); "END. MR. HOLM" is two sentences.
  for (let k = 0; k < words.length - 1; k++) {
    const w = words[k] as string;
    if (w.endsWith('.') && !/^(?:MR|MS|MRS|DR|GEN|SEN|REP|AMB|LT|COL|ADM|GOV|PROF|[A-Z])\.$/.test(w)) return false;
  }
  if (words.length === 1) {
    const lower = norm.toLowerCase();
    if (lower.length < 2 || PLACE_WORDS.has(lower)) return false;
    // A lone word is a speaker when it is a role ("MODERATOR") or a surname, not a common word.
    return lower === 'moderator' || lower === 'president' || lower === 'interviewer' || !isNonNameWord(lower);
  }
  // All words places or calendar words ("NEW YORK", "MONDAY") are datelines.
  return !words.every((w) => PLACE_WORDS.has(w.toLowerCase()));
}
