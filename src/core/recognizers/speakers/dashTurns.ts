/**
 * Interviews whose turns are marked only by a leading dash (seed 003: "- Sergey Alekseevich, …?" / "- Two
 * sides of this case …"). The turns alternate question/answer; a turn ending with "?" is a question, the
 * first turn after the lead is a question unless shown otherwise. This runs on the whole text (turns cross
 * block boundaries) and yields a separate `turns` layer: it never adds main-layer speaker spans.
 */

import type { Entity } from '../../model/entity';
import * as codes from '../../text/charCodes';
import * as classes from '../../text/charClasses';
import type { Mention } from '../../model/mention';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { EM_DASH, EN_DASH, HYPHEN_MINUS, SPACE } = codes;
const { isBlank, isRegexSpace } = classes;

export interface DashTurn {
  /** Offset of the dash. */
  start: number;
  /** End of the turn's text (before the next dash turn, trailing space trimmed). */
  end: number;
  turn: 'question' | 'answer';
}

/**
 * Offsets of the dashes that open lines, as `/(?:^|\n)[ \t]{0,3}([-–—])[ \t](?![ \t]{2})/g` finds them: "- ", "– "
 * or "— " after at most three spaces or tabs (a markdown bullet "-   *item" has three spaces and is skipped).
 * Lines are found with indexOf, which skips the rest of the text faster than the regex.
 */
export function dashLineStarts(text: string): number[] {
  const starts: number[] = [];
  for (let line = 0; ; ) {
    const dash = dashOpening(text, line);
    if (dash !== -1) starts.push(dash);
    const nl = text.indexOf('\n', line);
    if (nl === -1) return starts;
    line = nl + 1;
  }
}

/** The offset of the dash opening the line at `line`, or -1. */
// Every read stays inside the text (a read past its end, at a last line that is short or empty, deoptimized the
// loop over the lines): a dash there needs a blank after it, and two blanks after that make it a bullet.
function dashOpening(text: string, line: number): number {
  const n = text.length;
  let i = line;
  while (i - line < 3 && i < n && isBlank(text.charCodeAt(i))) i++;
  if (i + 1 >= n) return -1;
  const c = text.charCodeAt(i);
  if (c !== HYPHEN_MINUS && c !== EN_DASH && c !== EM_DASH) return -1;
  if (!isBlank(text.charCodeAt(i + 1))) return -1;
  return i + 3 < n && isBlank(text.charCodeAt(i + 2)) && isBlank(text.charCodeAt(i + 3)) ? -1 : i;
}

/** Whether the text has "- ", "– " or "— " anywhere. */
function hasDashSpace(text: string): boolean {
  return text.indexOf('- ') !== -1 || text.indexOf('– ') !== -1 || text.indexOf('— ') !== -1;
}

/** Module-level: a literal in the loops below was a new regex object per character read. */
const QUESTION_TRAIL = /["”»)\]\s]/;

function trimEnd(text: string, end: number, start: number): number {
  while (end > start && isRegexSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function endsWithQuestion(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i > start && QUESTION_TRAIL.test(text[i] as string)) i--;
  return text[i] === '?';
}

/**
 * The dash turns of a text when it reads as a dash-marked interview (at least one question and one answer),
 * else an empty list. Markdown bullet lists have no questions, or only questions, and are left alone.
 */
export function findDashTurns(text: string): DashTurn[] {
  const starts = dashLineStarts(text);
  if (starts.length < 2) return [];
  // Texts with no dash and space anywhere have no turns (even "-\t" ones); a turn opened by one shows there is.
  if (!starts.some((s) => text.charCodeAt(s + 1) === SPACE) && !hasDashSpace(text)) return [];
  const turns: DashTurn[] = [];
  let prev: 'question' | 'answer' | undefined;
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k] as number;
    const limit = k + 1 < starts.length ? (starts[k + 1] as number) : text.length;
    const end = trimEnd(text, limit, start);
    const q = endsWithQuestion(text, start, end);
    const turn: 'question' | 'answer' = q || prev !== 'question' ? 'question' : 'answer';
    turns.push({ start, end, turn });
    prev = turn;
  }
  const questions = turns.filter((t) => t.turn === 'question' && endsWithQuestion(text, t.start, t.end)).length;
  const answers = turns.filter((t) => t.turn === 'answer').length;
  return questions > 0 && answers > 0 ? turns : [];
}

/** The outlet named in the lead ("in an interview with Interfax" -> "Interfax"), for the interviewer's card. */
export function interviewOutlet(lead: string): string | undefined {
  const m = /\binterview\s+(?:with|to)\s+(?:the\s+)?((?:\p{Lu}[\p{L}-]*)(?:\s+\p{Lu}[\p{L}-]*){0,3})/u.exec(lead);
  return m ? m[1] : undefined;
}

/** The people of a text and the interviewer/interviewee its dash turns speak for, each id once. */
export function withTurnEntities(people: Entity[], turnEntities: readonly Entity[]): Entity[] {
  const out = [...people];
  for (const e of turnEntities) if (!out.some((x) => x.id === e.id)) out.push(e);
  return out;
}

/** The `turns` layer of a dash-marked interview, and the interviewer/interviewee entities it speaks for. */
export interface DashTurnLayer {
  entities: Entity[];
  /** One speaker mention per turn (`layer: 'turns'`), in text order. */
  turns: Mention[];
}

/**
 * The `turns` layer for dash-marked interviews: one speaker mention per turn, the answers attributed to the
 * interviewee named in the lead (the linked main-layer speakers before the first turn, from `mentions`, sorted by
 * start). A property of the whole text, built after linking; `mentions` is not changed.
 */
export function dashTurnLayer(text: string, mentions: readonly Mention[]): DashTurnLayer {
  const found = findDashTurns(text);
  if (found.length === 0) return { entities: [], turns: [] };
  const leadEnd = (found[0] as { start: number }).start;
  const lead: Mention[] = [];
  for (const m of mentions) {
    if (m.start > leadEnd) break;
    if (m.kind === 'speaker' && !m.layer && m.end <= leadEnd && m.entityId) lead.push(m);
  }
  const inInterview = lead.find((m) => /interview/i.test(text.slice(Math.max(0, m.start - 120), Math.min(leadEnd, m.end + 160))));
  const interviewee = inInterview ?? lead[lead.length - 1];
  const outlet = interviewOutlet(text.slice(0, leadEnd));
  const entities: Entity[] = [];
  const interviewer: Entity = { id: 'person:interviewer', type: 'person', name: outlet ? `Interviewer (${outlet})` : 'Interviewer', aliases: [], facts: { role: 'interviewer', outlet } };
  entities.push(interviewer);
  let answerer: Entity | undefined;
  if (!interviewee) {
    answerer = { id: 'person:interviewee', type: 'person', name: 'Interviewee', aliases: [], facts: { role: 'interviewee' } };
    entities.push(answerer);
  }
  const turns = found.map((t): Mention => {
    const speakerId = t.turn === 'question' ? interviewer.id : (interviewee?.entityId ?? (answerer as Entity).id);
    const value = t.turn === 'question' ? interviewer.name : (interviewee?.value ?? (answerer as Entity).name);
    return {
      kind: 'speaker',
      start: t.start,
      end: t.end,
      text: text.slice(t.start, t.end),
      entityId: speakerId,
      value,
      attributes: { rule: 'dash-turn', turn: t.turn, speaker: speakerId },
      source: 'auto',
      layer: 'turns',
    };
  });
  return { entities, turns };
}
