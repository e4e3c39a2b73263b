/**
 * Transcript turn labels at the start of a line: `MS. PSAKI:`, `MR PATEL:`, `SECRETARY BLINKEN:`,
 * `MODERATOR:`, `SENIOR ADMINISTRATION OFFICIAL:`, or a mixed-case `Sergey Ryabkov:`. The span is the label
 * without the colon. The anonymous questioner (`Q`, `QUESTION`) is not a speaker we name.
 */
import type { Found } from './attribution';
import { nameStartingAt } from './names';
import { isNonNameWord, PLACE_WORDS } from './nameWords';
import { memoized } from '../boundedMemo';

const CAPS_LABEL = /[ \t]*(?:\*\*|__)?((?:[A-Z][A-Z'’.-]*)(?:[ \t][A-Z][A-Z'’.-]*){0,4})(?:\*\*|__)?:(?=[ \t\u00a0]|$)/y;

/** Capitalised line openers that are headings or notes, not people. */
const NOT_SPEAKERS = new Set([
  'Q', 'QUESTION', 'QUESTIONS', 'NOTE', 'NOTES', 'UPDATE', 'UPDATED', 'SOURCE', 'SOURCES', 'END', 'BACKGROUND',
  'TRANSCRIPT', 'EDITOR’S NOTE', "EDITOR'S NOTE", 'AS PREPARED FOR DELIVERY', 'AS DELIVERED', 'EMBARGOED',
  'CORRECTION', 'CONTACT', 'SUBJECT', 'RE', 'FROM', 'TO', 'CC', 'DATE', 'TIME', 'LOCATION', 'PLACE', 'WHERE',
  'WHEN', 'WHAT', 'WHO', 'ATTACHMENT', 'ATTACHMENTS', 'LINK', 'LINKS', 'PHOTO', 'VIDEO', 'AUDIO', 'KEY TREATIES',
  'BREAKING', 'EXCLUSIVE', 'ANALYSIS', 'OPINION', 'FACT SHEET', 'READOUT', 'STATEMENT', 'PRESS RELEASE', 'AGENDA',
  'PARTICIPANTS', 'TOPIC', 'TOPICS', 'SUMMARY', 'RELATED', 'TAGS', 'INTERFAX', 'TASS', 'REUTERS', 'AP', 'AFP',
]);

/**
 * Finds turn labels at the line starts of a block. Both forms end at a colon on their line, so only lines holding
 * a colon are read: the search jumps from one such line to the next (each character is searched about once, so
 * a long paragraph stays linear), and the colon found serves the mixed-case form.
 */
export function findTurnLabels(block: string, out: Found[]): void {
  let colon = block.indexOf(':');
  while (colon !== -1) {
    // `colon` is the first colon of its line: the previous search started at the start of the next line.
    matchLabel(block, block.lastIndexOf('\n', colon) + 1, colon, out);
    const nl = block.indexOf('\n', colon);
    if (nl === -1) return;
    colon = block.indexOf(':', nl + 1);
  }
}

function matchLabel(block: string, lineStart: number, colon: number, out: Found[]): void {
  const c = block.charCodeAt(lineStart);
  // Cheap gate: labels start with a capital (after optional spaces or markdown bold).
  if (!((c >= 65 && c <= 90) || c === 32 || c === 9 || c === 42 || c === 95)) return;
  CAPS_LABEL.lastIndex = lineStart;
  const m = CAPS_LABEL.exec(block);
  if (m) {
    const label = m[1] as string;
    const start = m.index + m[0].indexOf(label);
    if (isSpeakerLabel(label)) out.push({ name: { start, end: start + label.length, outerStart: start, possessive: false }, rule: 'turn-label' });
    return;
  }
  // Mixed case: "Sergey Ryabkov:" or "Secretary Blinken:" alone before the colon, at most 60 characters in.
  if (colon - lineStart > 60) return;
  const n = nameStartingAt(block, lineStart, colon);
  if (!n || n.end !== colon || n.possessive) return;
  const first = block.slice(lineStart, n.outerStart).trim();
  if (first.length > 0 && first !== '**' && first !== '__') return;
  out.push({ name: { start: n.outerStart, end: n.end, outerStart: n.outerStart, possessive: false, role: n.role, title: n.title }, rule: 'turn-label' });
}

/** Labels repeat through a transcript: the verdict per label, cleared when it grows large. */
const labelVerdicts = new Map<string, boolean>();

function isSpeakerLabel(label: string): boolean {
  return memoized(labelVerdicts, label, judgeLabel);
}

function judgeLabel(label: string): boolean {
  const norm = label.replace(/[ \t]+/g, ' ');
  if (NOT_SPEAKERS.has(norm)) return false;
  const words = norm.split(' ');
  if (words.length === 1) {
    const lower = norm.toLowerCase();
    if (lower.length < 2 || PLACE_WORDS.has(lower)) return false;
    // A lone word is a speaker when it is a role ("MODERATOR") or a surname, not a common word.
    return lower === 'moderator' || lower === 'president' || lower === 'interviewer' || !isNonNameWord(lower);
  }
  // All words places or calendar words ("NEW YORK", "MONDAY") are datelines.
  return !words.every((w) => PLACE_WORDS.has(w.toLowerCase()));
}
