/**
 * Offset-unit conversion. Our model counts UTF-16 code units (JS, VS Code); W3C selectors, brat and Python
 * tools (doccano, spaCy) count Unicode code points. The two differ after every astral character (emoji, some
 * CJK), so every exporter converts through here and re-checks the span in the target units.
 */
import { isHighSurrogate, isLowSurrogate } from '../text/charClasses';

/** True when UTF-16 offset `at` falls between the high and low halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return isHighSurrogate(before) && isLowSurrogate(after);
}

/** Converts offsets of one text between UTF-16 code units and code points in O(log n) per call. */
export class OffsetConverter {
  /** UTF-16 index of the high surrogate of every astral character, ascending. */
  private readonly astral: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isHighSurrogate(c) && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (isLowSurrogate(d)) {
          this.astral.push(i);
          i++;
        }
      }
    }
  }

  /** Length of the text in code points. */
  get codePointLength(): number {
    return this.text.length - this.astral.length;
  }

  /**
   * Code-point offset of a UTF-16 offset. Throws for an offset outside the text or between the two halves
   * of a surrogate pair: such an offset names no character boundary, and exporting it would corrupt the span.
   */
  toCodePoints(utf16: number): number {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.text.length) {
      throw new RangeError(`offset ${utf16} is outside the text (0-${this.text.length})`);
    }
    const before = countBelow(this.astral, utf16);
    if (before > 0 && this.astral[before - 1] === utf16 - 1) {
      throw new RangeError(`offset ${utf16} splits a surrogate pair`);
    }
    return utf16 - before;
  }

  /** UTF-16 offset of a code-point offset; throws when it is outside the text. */
  toUtf16(codePoints: number): number {
    if (!Number.isInteger(codePoints) || codePoints < 0 || codePoints > this.codePointLength) {
      throw new RangeError(`code point offset ${codePoints} is outside the text (0-${this.codePointLength})`);
    }
    // The k-th astral character sits at code-point index astral[k] - k; count those before the target.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.astral[mid] as number) - mid < codePoints) lo = mid + 1;
      else hi = mid;
    }
    return codePoints + lo;
  }

  /** The text between two code-point offsets (the "text at these offsets" as Python would slice it). */
  sliceCodePoints(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

/** Number of entries of an ascending array that are < value. */
function countBelow(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Code-point offset of a UTF-16 offset in `text` (for one-off conversions; keep an OffsetConverter for many). */
export function utf16ToCodePoints(text: string, utf16: number): number {
  return new OffsetConverter(text).toCodePoints(utf16);
}

/** UTF-16 offset of a code-point offset in `text`. */
export function codePointsToUtf16(text: string, codePoints: number): number {
  return new OffsetConverter(text).toUtf16(codePoints);
}
