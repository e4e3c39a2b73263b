/**
 * Reading the words around a candidate: the word after or before it, whether its line is shouted (all capitals)
 * or set in title case. These decide the exclusions of the guidelines without a parser.
 */
import { foldKey, isUpperInitial, isWordCode, WORD_AT } from './treatyTokens';

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 160;
}

/** The word after `end` when only whitespace separates them (folded), else ''. */
export function wordAfter(text: string, end: number): string {
  return rawWordAfter(text, end)?.word.toLowerCase() ?? '';
}

/** The word after `end` (as written) and where it starts, when only whitespace (a line wrap too) separates them. */
export function rawWordAfter(text: string, end: number): { word: string; start: number } | undefined {
  let i = end;
  while (i < text.length && i - end < 8 && isSpaceCode(text.charCodeAt(i))) i++;
  if (i === end || i >= text.length) return undefined;
  WORD_AT.lastIndex = i;
  const m = WORD_AT.exec(text);
  return m ? { word: m[0], start: i } : undefined;
}

/** The word ending right before `start` when only whitespace separates them, with its start; else undefined. */
export function rawWordBefore(text: string, start: number, floor = 0): { word: string; start: number } | undefined {
  let j = start - 1;
  while (j >= floor && start - j < 9 && isSpaceCode(text.charCodeAt(j))) j--;
  if (j === start - 1 || j < floor || !isWordCode(text.charCodeAt(j))) return undefined;
  let k = j;
  while (k > floor) {
    const c = text.charCodeAt(k - 1);
    if (isWordCode(c)) k--;
    else if (isJoinerCode(c) && k - 2 >= floor && isWordCode(text.charCodeAt(k - 2))) k--;
    else break;
  }
  return { word: text.slice(k, j + 1), start: k };
}

/** The folded word before `start`, or '' when punctuation intervenes. */
export function wordBefore(text: string, start: number): string {
  const w = rawWordBefore(text, start);
  return w ? foldKey(w.word) : '';
}

export function isJoinerCode(c: number): boolean {
  return c === 45 || c === 47 || c === 0x2010 || c === 0x2011 || c === 0x2013;
}

/** Per-block memo of line shapes, so a line is measured once however many candidates it holds. */
export class LineShapes {
  private readonly shapes = new Map<number, { shouted: boolean; titled: boolean }>();

  constructor(private readonly text: string) {}

  /** The line holding `pos` is in capitals (a headline or a shouted label), where "START" is a verb. */
  shouted(pos: number): boolean {
    return this.shape(pos).shouted;
  }

  /** The line holding `pos` is in title case (a headline), where capitalised runs are not names. */
  titled(pos: number): boolean {
    return this.shape(pos).titled;
  }

  private shape(pos: number): { shouted: boolean; titled: boolean } {
    const start = this.text.lastIndexOf('\n', pos - 1) + 1;
    let shape = this.shapes.get(start);
    if (!shape) {
      let end = this.text.indexOf('\n', pos);
      if (end < 0) end = this.text.length;
      shape = measure(this.text.slice(start, end));
      this.shapes.set(start, shape);
    }
    return shape;
  }
}

function measure(line: string): { shouted: boolean; titled: boolean } {
  const words = line.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  let upperWords = 0;
  let long = 0;
  let capitalisedLong = 0;
  for (const w of words) {
    if (w.length >= 2 && w === w.toUpperCase()) upperWords++;
    if (w.length >= 4) {
      long++;
      if (isUpperInitial(w)) capitalisedLong++;
    }
  }
  const shouted = words.length >= 2 && upperWords / words.length >= 0.6;
  // A sentence has many lower-case long words; a headline has almost none. Short lines of names are lists.
  const titled = long >= 3 && capitalisedLong / long >= 0.75 && !/[.;]\s*$/.test(line.trim());
  return { shouted, titled };
}
