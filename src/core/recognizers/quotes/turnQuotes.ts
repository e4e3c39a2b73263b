/**
 * Quotes that are whole turns of a transcript or interview: the body of a turn after a label naming a person
 * (`MR. KIRBY: …`, to the next turn or the end of the text), and the answers of an interview whose turns are
 * anonymous (`Q:`/`A:`, `Question:`/`Answer:`, `**Q:**`/`**A:**`, or dash-marked turns), which are the words of
 * the interviewee named in the lead or in a header (`Presenter: X. Guest: Y`). Questions are never quotes, nor
 * are the turns of labels that name only a role (`MODERATOR`, `OPERATOR`).
 */
import type { Entity } from '../../model/entity';
import type { Mention } from '../../model/mention';
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
import { memoized } from '../boundedMemo';
import { slugify } from '../speakers/transliteration';
import { skipSpace, skipSpaceBack } from './words';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { ASTERISK, UNDERSCORE, UPPER_A, UPPER_I, UPPER_J, UPPER_M, UPPER_O, UPPER_Q, UPPER_R } = codes;
const { isBlank } = classes;

/** A quote found at document level, with its speaker resolved. */
export interface ResolvedQuote {
  start: number;
  end: number;
  rule: string;
  speakerId: string;
  speaker: string;
}

/** Labels that name a role, not a person: their turns are nobody's quotes. */
const ROLE_LABELS = new Set([
  ...`moderator presenter host interviewer operator question questions answer q a briefer official participant
  reporter journalist audience staff narrator announcer anchor correspondent guest chair interpreter translator`.split(/\s+/),
  'senior administration official',
  'senior state department official',
  'senior defense official',
  'audience member',
  'unidentified speaker',
  'unknown speaker',
]);

/**
 * True when a label or name only names a role. Names repeat through a text: `verdicts` keeps the verdict per name
 * for the call of the quote layer that owns it (quoteLayer.ts).
 */
export function isRoleOnly(name: string, verdicts: Map<string, boolean>): boolean {
  return memoized(verdicts, name, judgeRole);
}

function judgeRole(name: string): boolean {
  const lower = name.toLowerCase();
  if (ROLE_LABELS.has(lower)) return true;
  return lower.length <= 40 && /[.\s]/.test(lower) && ROLE_LABELS.has(lower.replace(/[.\s]+/g, ' ').trim());
}

/** Anonymous turn labels at a line start: the questioner's and the answerer's. */
const ANON_LABEL =
  /[ \t]*(?:\*\*|__)?(Q|A|QUESTION|ANSWER|Question|Answer|MODERATOR|Moderator|OPERATOR|Operator|REPORTER|Reporter|JOURNALIST|Journalist|INTERVIEWER|Interviewer)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*/y;

/** Any turn label at a line start, named or anonymous (`MR. KIRBY:`, `Question:`, `Reporter:`). */
const ANY_LABEL_LINE =
  /^[ \t]*(?:\*\*|__)?(?:Q|A|QUESTION|ANSWER|Question|Answer|MODERATOR|Moderator|OPERATOR|Operator|REPORTER|Reporter|JOURNALIST|Journalist|INTERVIEWER|Interviewer)(?:\*\*|__)?[ \t]*:/m;

/** Where the first turn of a text begins (its line start), or the text's length when it has none. */
export function firstTurnAt(text: string, main: readonly Mention[]): number {
  const label = main.find((m) => m.kind === 'speaker' && m.attributes?.rule === 'turn-label');
  const anon = ANY_LABEL_LINE.exec(text);
  const at = Math.min(label ? label.start : text.length, anon ? anon.index : text.length);
  return at < text.length ? text.lastIndexOf('\n', at) + 1 : at;
}

interface TurnStart {
  /** Where the turn opens (its label). */
  at: number;
  /** Where its body starts. */
  body: number;
  answer: boolean;
  label: Mention | undefined;
}

/**
 * The quotes of labelled turns and anonymous interview answers. `main` is the linked main layer, sorted; `turns`
 * the dash-turn layer (each turn `question` or `answer`).
 */
export function turnQuotes(
  text: string,
  main: readonly Mention[],
  turns: readonly Mention[],
  people: readonly Entity[],
  newPeople: Entity[],
  roles: Map<string, boolean>,
): ResolvedQuote[] {
  const labels = main.filter((m) => m.kind === 'speaker' && m.attributes?.rule === 'turn-label');
  const starts: TurnStart[] = labels.map((m) => ({ at: m.start, body: bodyStart(text, m.end), answer: false, label: m }));
  // Needed only without labels: a text with labels is read for anonymous ones anyway, so these four searches of
  // the whole text would decide nothing.
  const mayHaveAnon = labels.length === 0 && (text.indexOf('Q:') >= 0 || text.indexOf('Q**:') >= 0 || text.indexOf('Question:') >= 0 || text.indexOf('QUESTION:') >= 0);
  if (labels.length === 0 && !mayHaveAnon && turns.length === 0) return [];
  // Labels by the line they open, for the anonymous labels the speaker recogniser also read as names.
  const byLine = new Map<number, number>();
  starts.forEach((s, k) => byLine.set(text.lastIndexOf('\n', s.at) + 1, k));
  if (labels.length > 0 || mayHaveAnon) {
    // Tried at line starts only: a regex searching the whole text read every character. A label ends in the first
    // colon of its line, so only lines holding a colon are tried (found with indexOf): most lines hold none.
    for (let colon = text.indexOf(':'); colon >= 0; ) {
      const lineStart = text.lastIndexOf('\n', colon) + 1;
      const nl = text.indexOf('\n', colon);
      ANON_LABEL.lastIndex = lineStart;
      const m = mayOpenAnonLabel(text.charCodeAt(lineStart)) ? ANON_LABEL.exec(text) : null;
      colon = nl < 0 ? -1 : text.indexOf(':', nl + 1);
      if (!m) continue;
      const which = (m[1] as string).toLowerCase();
      const turn: TurnStart = { at: lineStart, body: lineStart + m[0].length, answer: which === 'a' || which === 'answer', label: undefined };
      // The speaker recogniser may have taken the label for a name (`Answer:`): the anonymous reading wins.
      const k = byLine.get(lineStart) ?? -1;
      if (k < 0 || (starts[k] as TurnStart).at >= turn.body) starts.push(turn);
      else if (isRoleOnly((starts[k] as TurnStart).label?.text ?? '', roles)) starts[k] = turn;
    }
  }
  starts.sort((a, b) => a.at - b.at);
  const out: ResolvedQuote[] = [];
  const anyAnswer = starts.some((s) => s.answer) || turns.some((t) => t.attributes?.turn === 'answer');
  // The lead ends where the conversation starts: a header labelled with a role (`Presenter: X. Guest: Y`) is lead.
  const firstTurn = starts.find((s) => !s.label || !isRoleOnly(s.label.text, roles));
  const leadEnd = Math.min(firstTurn?.at ?? text.length, turns[0]?.start ?? text.length);
  const guest = anyAnswer ? interviewee(text, main, people, newPeople, leadEnd, roles) : undefined;
  const holders = new Map<string, Mention | undefined>();
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k] as TurnStart;
    const limit = k + 1 < starts.length ? (starts[k + 1] as TurnStart).at : text.length;
    const end = skipSpaceBack(text, limit, s.body);
    if (end - s.body < 2) continue;
    if (s.label) {
      const name = s.label.value ?? s.label.text;
      if (!s.label.entityId || isRoleOnly(name, roles) || isRoleOnly(s.label.text, roles)) continue;
      const person = roleHolder(s.label, main, holders, (m) => inTurnOf(starts, s.label as Mention, m.start, text.length));
      out.push({ start: s.body, end, rule: 'turn', speakerId: person?.entityId ?? s.label.entityId, speaker: person?.value ?? name });
    } else if (s.answer && guest) {
      out.push({ start: s.body, end, rule: 'interview-answer', speakerId: guest.id, speaker: guest.name });
    }
  }
  if (guest) {
    for (const t of turns) {
      if (t.attributes?.turn !== 'answer') continue;
      let start = t.start;
      while (start < t.end && /[\s\u2014\u2013-]/.test(text[start] as string)) start++;
      if (t.end - start >= 2) out.push({ start, end: t.end, rule: 'interview-answer', speakerId: guest.id, speaker: guest.name });
    }
  }
  return out;
}

/** Whether `offset` lies in the body of a turn whose label reads as `label`'s. */
function inTurnOf(starts: readonly TurnStart[], label: Mention, offset: number, textEnd: number): boolean {
  const k = lastStartBefore(starts, offset);
  const s = starts[k];
  return s !== undefined && s.body <= offset && offset < ((starts[k + 1] as TurnStart | undefined)?.at ?? textEnd) && s.label?.text.toLowerCase() === label.text.toLowerCase();
}

/** Index of the last turn starting at or before `offset`, or -1 (turns sorted by start). */
function lastStartBefore(starts: readonly TurnStart[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as TurnStart).at <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The person a label naming a role refers to (`THE PRESIDENT:` -> the President the text names, `President
 * Biden`): the first named mention whose title holds the role. A speaker does not name themself by title in
 * their own turns (`THE PRESIDENT: I just spoke with President Medvedev`): a mention inside a turn of the same
 * label (`ownTurn`) is someone else, and with no other holder the label names its speaker itself.
 */
function roleHolder(label: Mention, main: readonly Mention[], known: Map<string, Mention | undefined>, ownTurn: (m: Mention) => boolean): Mention | undefined {
  const m = /^the\s+(.+)$/i.exec(label.text.trim());
  if (!m) return undefined;
  const role = (m[1] as string).toLowerCase().replace(/\s+/g, ' ');
  if (known.has(role)) return known.get(role);
  const holder = main.find(
    (x) => (x.kind === 'speaker' || x.kind === 'person') && !x.layer && x.entityId && !/^the\s/i.test(x.text) && (x.attributes?.title ?? x.attributes?.role ?? '').toLowerCase().includes(role) && !ownTurn(x),
  );
  known.set(role, holder);
  return holder;
}

/** A character that may open an anonymous label: a space, a tab, `*`, `_`, or the capitals Q, A, M, O, R, J, I. */
function mayOpenAnonLabel(c: number): boolean {
  return (
    isBlank(c) || c === ASTERISK || c === UNDERSCORE || c === UPPER_Q || c === UPPER_A || c === UPPER_M || c === UPPER_O ||
    c === UPPER_R || c === UPPER_J || c === UPPER_I
  );
}

/** Where a labelled turn's body starts: after the colon, markup and spaces. */
function bodyStart(text: string, labelEnd: number): number {
  let i = labelEnd;
  while (i < text.length && /[*_ \t]/.test(text[i] as string)) i++;
  if (text[i] === ':') i++;
  while (i < text.length && /[*_]/.test(text[i] as string)) i++;
  return skipSpace(text, i);
}

const GUEST_HEADER = /\b(?:Guests?|Interviewee|Speaker)\s*:\s*/;
const INTERVIEW_WITH = /\binterview(?:ed)?\s+(?:with\s+)?$/i;
const TITLE_WORD = /^(?:Dr|Mr|Mrs|Ms|Prof|Professor|General|Gen|Lt|Col|Colonel|Admiral|Adm|Ambassador|Minister|Senator|Sen|Rep|Sir|Dame|President|Secretary|Deputy|Foreign|Defence|Defense|Rev|Captain|Capt|Major|Maj)\.?$/;

/**
 * The interviewee of a Q/A or dash-marked interview: the name in a `Guest:` header, else the person an
 * `interview with` names, else a speaker of the lead near the word `interview`, else the lead's last speaker.
 */
export function interviewee(
  text: string,
  main: readonly Mention[],
  people: readonly Entity[],
  newPeople: Entity[],
  leadEnd: number,
  roles: Map<string, boolean>,
): { id: string; name: string } | undefined {
  const lead = text.slice(0, leadEnd);
  const header = GUEST_HEADER.exec(lead);
  if (header) {
    const name = headerName(lead, header.index + header[0].length);
    if (name) return personNamed(name, people, newPeople);
  }
  const inLead = main.filter((m) => (m.kind === 'speaker' || m.kind === 'person') && m.end <= leadEnd && m.entityId && !isRoleOnly(m.value ?? m.text, roles));
  const withName = inLead.find((m) => INTERVIEW_WITH.test(lead.slice(Math.max(0, m.start - 40), m.start).replace(/(?:\b[A-Z][a-z]{0,9}\.?\s+)+$/, '')));
  const near = withName ?? inLead.find((m) => m.kind === 'speaker' && /interview/i.test(lead.slice(Math.max(0, m.start - 120), m.end + 160)));
  const m = near ?? [...inLead].reverse().find((x) => x.kind === 'speaker');
  return m && m.entityId ? { id: m.entityId, name: m.value ?? m.text } : undefined;
}

/** The person's name in a header (`General (ret.) Pieter van Dam, former adviser`): titles and asides dropped. */
function headerName(s: string, from: number): string | undefined {
  let end = from;
  while (end < s.length && s[end] !== ',' && s[end] !== '\n' && !(s[end] === '.' && /\s/.test(s[end + 1] ?? ' ') && !/^\s*\S\.?$/.test(s.slice(end - 2, end)))) end++;
  const words = s
    .slice(from, end)
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  while (words.length > 0 && TITLE_WORD.test(words[0] as string)) words.shift();
  if (words.length === 0 || words.length > 5 || !/^\p{Lu}/u.test(words[0] as string)) return undefined;
  return words.join(' ');
}

/** The person entity of the text with this name's surname, or a new one. */
export function personNamed(name: string, people: readonly Entity[], newPeople: Entity[]): { id: string; name: string } {
  const surname = (name.split(' ').pop() as string).toLowerCase();
  const known = [...people, ...newPeople].find((e) => e.type === 'person' && (e.name.split(' ').pop() ?? '').toLowerCase() === surname);
  if (known) return { id: known.id, name: known.name.split(' ').length >= name.split(' ').length ? known.name : name };
  const entity: Entity = { id: `person:${slugify(name)}`, type: 'person', name, aliases: [], facts: {} };
  newPeople.push(entity);
  return { id: entity.id, name };
}
