/**
 * Splits a text into blocks that recognizers handle independently, so an edit re-analyses only the blocks it
 * touches. A block is a paragraph (text between blank lines). Very long paragraphs (transcripts without blank
 * lines) are cut further at line ends that close a sentence or precede a turn label, so a keystroke never
 * re-analyses more than a few kilobytes; a treaty name wrapped inside a sentence (`New\nSTART`) stays whole.
 */
export interface Block {
  start: number;
  end: number;
}

const MAX_BLOCK = 4096;

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let from = 0;
  // The paragraph breaks /\n[ \t\r]*\n/g finds, left to right: line ends are found by indexOf (a fast
  // search), and only the few characters after each are read, where the regex stepped through every character.
  let nl = text.indexOf('\n');
  while (nl !== -1) {
    const after = skipLineSpace(text, nl + 1);
    if (after < text.length && text.charCodeAt(after) === 10) {
      pushParagraph(text, from, nl, blocks);
      from = after + 1;
      nl = text.indexOf('\n', from);
    } else {
      nl = text.indexOf('\n', after);
    }
  }
  pushParagraph(text, from, text.length, blocks);
  return blocks;
}

/** The first offset from `i` that is not a space, tab or carriage return. */
function skipLineSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return i;
    i++;
  }
  return i;
}

function pushParagraph(text: string, start: number, end: number, out: Block[]): void {
  if (end <= start) return;
  if (end - start <= MAX_BLOCK) {
    out.push({ start, end });
    return;
  }
  let blockStart = start;
  let lastCut = -1;
  let nl = text.indexOf('\n', start);
  while (nl !== -1 && nl < end) {
    if (isSafeCut(text, nl)) lastCut = nl;
    if (nl - blockStart >= MAX_BLOCK && lastCut > blockStart) {
      out.push({ start: blockStart, end: lastCut });
      blockStart = lastCut + 1;
      lastCut = -1;
    }
    nl = text.indexOf('\n', nl + 1);
  }
  out.push({ start: blockStart, end });
}

const SENTENCE_CLOSE = /[.!?:;"”»)\]]/;
const TURN_OPENER = /^(?:[-–—]\s|[A-Z][A-Z. '-]{1,30}:|Q:|QUESTION:)/;

/** A newline is a safe cut when the line before ends a sentence or the next line opens a turn. */
function isSafeCut(text: string, nl: number): boolean {
  let i = nl - 1;
  if (i >= 0 && text.charCodeAt(i) === 13) i--;
  const before = i >= 0 ? text[i] : '';
  if (before !== undefined && SENTENCE_CLOSE.test(before)) return true;
  const next = text.slice(nl + 1, nl + 40);
  return TURN_OPENER.test(next);
}
