/**
 * Text around a mention for views: a line of context for tree rows and reference lists ({@link snippetAround}),
 * and what a speaker says, found near a speaker mention, for hover cards ("their quotes in this document").
 * Recognizers mark who speaks, not the span of speech, so this is a cheap heuristic run once per speaker mention
 * when a document is indexed: a quoted passage in the same paragraph, or the rest of a transcript turn.
 */
import type { Mention } from '../model/mention';

/** Longest quote kept per mention: hover cards show a line or two, not whole speeches. */
export const MAX_QUOTE = 240;

/** A line that opens another turn: a capitalised label with a colon, a dash turn, or a bold Markdown label. */
const NEXT_TURN = /\n(?=[ \t]*(?:[A-Z][A-Z.'\u2019 -]{0,40}:|[\u2014\u2013-][ \t]|\*\*|Q:|A:))/;

const QUOTE_PAIRS: ReadonlyArray<[string, string]> = [
  ['\u201c', '\u201d'],
  ['"', '"'],
  ['\u00ab', '\u00bb'],
];

/**
 * The words attributed to the speaker at `mention`, or undefined. A recognizer may give them explicitly
 * (`attributes.quote`); otherwise a turn label (`MR. PRICE:` at a line start) takes the rest of its paragraph,
 * and an attribution ("…," Ryabkov said) takes the nearest quoted passage of its paragraph.
 */
export function quoteFor(text: string, mention: Mention): string | undefined {
  const given = mention.attributes?.quote;
  if (given) return clipQuote(given);
  const para = paragraphAround(text, mention.start, mention.end);
  const lineStart = text.lastIndexOf('\n', mention.start - 1) + 1;
  const afterLabel = text.slice(mention.end, mention.end + 4);
  const isTurnLabel = text.slice(lineStart, mention.start).trim().length <= 4 && /^[^\n]{0,2}:/.test(afterLabel);
  if (isTurnLabel) {
    const colon = text.indexOf(':', mention.end);
    const nextTurn = NEXT_TURN.exec(text.slice(colon + 1, para.end));
    const rest = text.slice(colon + 1, nextTurn ? colon + 1 + nextTurn.index : para.end).trim();
    return rest ? clipQuote(rest) : undefined;
  }
  return nearestQuoted(text, para.start, para.end, mention.start);
}

function paragraphAround(text: string, start: number, end: number): { start: number; end: number } {
  const blankBefore = text.lastIndexOf('\n\n', start);
  const blankAfter = text.indexOf('\n\n', end);
  return { start: blankBefore < 0 ? 0 : blankBefore + 2, end: blankAfter < 0 ? text.length : blankAfter };
}

function nearestQuoted(text: string, from: number, to: number, anchor: number): string | undefined {
  // Searched in the paragraph alone: indexOf on the whole text would run to its end for every quote mark the
  // paragraph lacks, once per speaker mention (quadratic on a 1 MB document).
  const para = text.slice(from, to);
  const at = anchor - from;
  let best: { start: number; end: number } | undefined;
  for (const [open, close] of QUOTE_PAIRS) {
    let i = para.indexOf(open);
    while (i >= 0) {
      const j = para.indexOf(close, i + 1);
      if (j < 0) break;
      if (j - i > 3 && (!best || distance(i, j, at) < distance(best.start, best.end, at))) {
        best = { start: i + 1, end: j };
      }
      i = para.indexOf(open, j + 1);
    }
  }
  return best ? clipQuote(para.slice(best.start, best.end)) : undefined;
}

function distance(start: number, end: number, anchor: number): number {
  return anchor < start ? start - anchor : anchor > end ? anchor - end : 0;
}

/** A quote on one line, cut to {@link MAX_QUOTE} characters with an ellipsis. */
export function clipQuote(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_QUOTE ? flat : `${flat.slice(0, MAX_QUOTE - 1).trimEnd()}\u2026`;
}

const SNIPPET_RADIUS = 40;

/** The mention's line, cut to about {@link SNIPPET_RADIUS} characters on each side, whitespace collapsed. */
export function snippetAround(text: string, start: number, end: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - SNIPPET_RADIUS);
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  lineEnd = Math.min(lineEnd, Math.max(end, start + 2 * SNIPPET_RADIUS));
  const head = lineStart > 0 && text[lineStart - 1] !== '\n' ? '\u2026' : '';
  const tail = lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r' ? '\u2026' : '';
  return head + text.slice(lineStart, lineEnd).replace(/\s+/g, ' ').trim() + tail;
}
