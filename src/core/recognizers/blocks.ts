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
  const blank = /\n[ \t\r]*\n/g;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = blank.exec(text)) !== null) {
    pushParagraph(text, from, m.index, blocks);
    from = m.index + m[0].length;
  }
  pushParagraph(text, from, text.length, blocks);
  return blocks;
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

/** A newline is a safe cut when the line before ends a sentence or the next line opens a turn. */
function isSafeCut(text: string, nl: number): boolean {
  let i = nl - 1;
  if (i >= 0 && text.charCodeAt(i) === 13) i--;
  const before = i >= 0 ? text[i] : '';
  if (before !== undefined && /[.!?:;"”»)\]]/.test(before)) return true;
  const next = text.slice(nl + 1, nl + 40);
  return /^(?:[-–—]\s|[A-Z][A-Z. '-]{1,30}:|Q:|QUESTION:)/.test(next);
}
