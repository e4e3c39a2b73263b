/** Small text helpers shared by exporters: quote context and line lookups, both safe for astral characters. */

/** Up to `n` code points of text before `start` and after `end` (never half a surrogate pair). */
export function quoteContext(text: string, start: number, end: number, n = 32): { prefix: string; suffix: string } {
  const before = Array.from(text.slice(Math.max(0, start - 2 * n), start));
  const after = Array.from(text.slice(end, end + 2 * n));
  // Slicing 2n code units can cut an astral character at the outer edge; Array.from keeps it as a lone
  // surrogate, so trim those before counting.
  const clean = (cps: string[]) => cps.filter((c) => c.length === 2 || !/[\uD800-\uDFFF]/.test(c));
  return { prefix: clean(before).slice(-n).join(''), suffix: clean(after).slice(0, n).join('') };
}

/** 1-based line number of a UTF-16 offset (CRLF, LF and CR all end a line). */
export function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** The paragraph (text between blank lines) around an offset, as [start, end) UTF-16 offsets. */
export function paragraphAround(text: string, offset: number): { start: number; end: number } {
  const blank = /\r?\n[ \t]*\r?\n/g;
  let start = 0;
  let end = text.length;
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    if (m.index + m[0].length <= offset) start = m.index + m[0].length;
    else if (m.index >= offset) {
      end = m.index;
      break;
    }
  }
  return { start, end };
}
