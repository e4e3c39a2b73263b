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

/**
 * Line and paragraph lookups for one text in O(log n) each, for exporters that place many mentions (the report
 * names a line and a paragraph for every mention; scanning from the start each time was quadratic).
 */
export class TextIndex {
  private readonly lineStarts: number[] = [0];
  /** Blank-line separators [index, end), found exactly as {@link paragraphAround} finds them. */
  private readonly separators: [number, number][] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
    const blank = /\r?\n[ \t]*\r?\n/g;
    for (let m = blank.exec(text); m; m = blank.exec(text)) this.separators.push([m.index, m.index + m[0].length]);
  }

  /** 1-based line number of a UTF-16 offset (same answer as {@link lineNumberAt}). */
  lineAt(offset: number): number {
    return countAtMost(this.lineStarts.length, (i) => (this.lineStarts[i] as number) <= Math.min(offset, this.text.length));
  }

  /** The paragraph around an offset (same answer as {@link paragraphAround}). */
  paragraphAt(offset: number): { start: number; end: number } {
    const before = countAtMost(this.separators.length, (i) => (this.separators[i] as [number, number])[1] <= offset);
    const start = before > 0 ? (this.separators[before - 1] as [number, number])[1] : 0;
    const after = countAtMost(this.separators.length, (i) => (this.separators[i] as [number, number])[0] < offset);
    const end = after < this.separators.length ? (this.separators[after] as [number, number])[0] : this.text.length;
    return { start, end };
  }
}

/** Length of the prefix of [0, n) where `test` holds (it must hold for a prefix and fail after). */
function countAtMost(n: number, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
