/**
 * Anchoring compares texts after the differences that carry no meaning are removed: a byte-order mark,
 * CRLF/CR line ends versus LF, and NFD versus NFC. The same document checked out on Windows and Linux, or saved
 * by an editor that decomposes accents, must anchor identically (reliability #21). Offsets found in the
 * normalised text are mapped back to the original through {@link NormalizedText.toOriginal}.
 */
import { isHighSurrogate } from '../text/charClasses';

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** Maps an offset in {@link text} (0..text.length) to an offset in the original. */
  toOriginal(offset: number): number;
  /** Maps an offset in the original (0..original.length) to the nearest offset in {@link text}. */
  fromOriginal(offset: number): number;
}

const NEEDS_WORK = /[\r\u0080-\uffff]/;
const COMBINING = /\p{M}/u;

/** Normalises a text (no BOM, LF line ends, NFC) and keeps the offset map both ways. */
export function normalizeText(original: string): NormalizedText {
  // Plain ASCII with LF line ends is the common case: identity, no map to build. So is a text already in NFC
  // with LF line ends (curly quotes, dashes, accented names): its normalised copy would equal it, and callers
  // compare the two to see whether offsets need mapping.
  if (!NEEDS_WORK.test(original) || (!original.includes('\r') && original.charCodeAt(0) !== 0xfeff && original.normalize('NFC') === original)) {
    return { text: original, toOriginal: (o) => o, fromOriginal: (o) => o };
  }
  const out: string[] = [];
  // toOrig[i] = original offset of normalised offset i; length text.length + 1.
  const toOrig: number[] = [];
  let i = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < original.length) {
    const c = original.charCodeAt(i);
    if (c === 0x0d) {
      toOrig.push(i);
      out.push('\n');
      i += original.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      continue;
    }
    // ASCII not followed by a possible combining mark (all are at U+0300 or above) maps one to one.
    if (c < 0x80 && !(original.charCodeAt(i + 1) >= 0x300)) {
      toOrig.push(i);
      out.push(original[i]);
      i++;
      continue;
    }
    // A cluster: one code point plus the combining marks after it; normalised as a unit so NFD accents compose
    // ("i" + U+0308 becomes "ï").
    let j = i + codePointLength(original, i);
    while (j < original.length && COMBINING.test(String.fromCodePoint(original.codePointAt(j) as number))) {
      j += codePointLength(original, j);
    }
    const cluster = original.slice(i, j).normalize('NFC');
    for (let k = 0; k < cluster.length; k++) toOrig.push(k === 0 ? i : Math.min(j, i + k));
    out.push(cluster);
    i = j;
  }
  toOrig.push(original.length);
  const text = out.join('');
  const fromOrig = new Int32Array(original.length + 1);
  let n = 0;
  for (let o = 0; o <= original.length; o++) {
    while (n + 1 < toOrig.length && toOrig[n + 1] <= o) n++;
    fromOrig[o] = toOrig[n] === o || n === toOrig.length - 1 ? n : n + 1;
  }
  const toOrigArray = Int32Array.from(toOrig);
  return {
    text,
    toOriginal: (o) => toOrigArray[Math.max(0, Math.min(o, toOrigArray.length - 1))],
    fromOriginal: (o) => fromOrig[Math.max(0, Math.min(o, fromOrig.length - 1))],
  };
}

function codePointLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return isHighSurrogate(c) && i + 1 < s.length ? 2 : 1;
}

/** Normalises a short string (a quote, prefix or suffix) the same way, without a map. */
export function normalizeSnippet(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}
