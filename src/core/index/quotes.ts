/**
 * Text around a mention for views: a line of context for tree rows and reference lists ({@link snippetAround}),
 * and a quote cut to a line or two for hover cards ({@link clipQuote}; the quotes themselves are spans of the
 * analysis' `quotes` layer).
 */

/** Longest quote shown: hover cards show a line or two, not whole speeches. */
export const MAX_QUOTE = 240;

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
