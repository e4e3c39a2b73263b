/**
 * Moving annotations with the text while it is edited, without any searching: every change is a replacement
 * of `start..end` (offsets in the text before the change) by `newText`. Text typed exactly at an annotation's
 * edge stays outside it, as VS Code's decorations with closed-closed stickiness would not, because typing after a
 * name ("Ryabkov said") must not grow the annotated name.
 */
import type { Anchorable } from './reanchor';
import { CONTEXT_LENGTH, describeQuote } from './textQuote';

/** One replacement; offsets refer to the text before it. */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}

export interface Shifted<T> {
  /** The item with its position (and, when the new text was given, its quote) updated. */
  item: T;
  /** True when the edit deleted all of the annotated text: the item keeps its old quote and is now an orphan. */
  collapsed: boolean;
}

/**
 * Applies one change to every item. When `textAfter` (the whole text after the change) is given, items whose
 * quote or context the change touched get fresh quote selectors, so a later reload finds them without fuzzing.
 */
export function shiftForEdit<T extends Anchorable>(items: readonly T[], change: TextChange, textAfter?: string): Shifted<T>[] {
  return items.map((item) => shiftOne(item, change, textAfter));
}

/**
 * Applies the changes of one editor event. Like VS Code's `contentChanges`, their offsets all refer to the text
 * before the event and do not overlap; they are applied from the last to the first so earlier offsets stay valid.
 * `textAfter` is the text after all of them.
 */
export function shiftForEdits<T extends Anchorable>(items: readonly T[], changes: readonly TextChange[], textAfter?: string): Shifted<T>[] {
  const sorted = [...changes].sort((a, b) => b.start - a.start);
  let current: Shifted<T>[] = items.map((item) => ({ item, collapsed: false }));
  for (const change of sorted) {
    current = current.map((s) => {
      const next = shiftOne(s.item, change, undefined);
      return { item: next.item, collapsed: s.collapsed || next.collapsed };
    });
  }
  if (textAfter === undefined) return current;
  // Quotes are refreshed once, against the final text, for items near any change.
  let shift = 0;
  const touched = [...changes]
    .sort((a, b) => a.start - b.start)
    .map((c) => {
      const start = c.start + shift;
      shift += c.newText.length - (c.end - c.start);
      return { start, end: start + c.newText.length };
    });
  return current.map((s) => {
    if (s.collapsed) return s;
    const { start, end } = s.item.selectors.position;
    const near = touched.some((t) => t.start <= end + CONTEXT_LENGTH && t.end >= start - CONTEXT_LENGTH);
    return near ? { item: refresh(s.item, textAfter, start, end), collapsed: false } : s;
  });
}

function shiftOne<T extends Anchorable>(item: T, change: TextChange, textAfter: string | undefined): Shifted<T> {
  const { start, end } = item.selectors.position;
  const delta = change.newText.length - (change.end - change.start);
  let s = start;
  let e = end;
  if (change.end <= start && !(change.start === change.end && change.start === start && start === end)) {
    // Entirely before (an insertion at the start also lands before: it is not part of the name).
    s += delta;
    e += delta;
  } else if (change.start >= end) {
    // Entirely after: nothing moves.
  } else if (change.start <= start && change.end >= end) {
    // The annotated text was replaced or deleted as a whole.
    return { item: withPosition(item, change.start, change.start), collapsed: true };
  } else if (change.start >= start && change.end <= end) {
    // Inside: the annotation grows or shrinks with its text.
    e += delta;
  } else if (change.start < start) {
    // Overlaps the beginning: what remains starts after the inserted text.
    s = change.start + change.newText.length;
    e += delta;
  } else {
    // Overlaps the end: what remains ends where the change starts.
    e = change.start;
  }
  if (e <= s) return { item: withPosition(item, s, s), collapsed: true };
  const moved = s === start && e === end ? item : withPosition(item, s, e);
  if (textAfter === undefined) return { item: moved, collapsed: false };
  const near = change.start <= end + CONTEXT_LENGTH && change.end >= start - CONTEXT_LENGTH;
  return { item: near ? refresh(moved, textAfter, s, e) : moved, collapsed: false };
}

function withPosition<T extends Anchorable>(item: T, start: number, end: number): T {
  return { ...item, selectors: { position: { start, end }, quote: item.selectors.quote } };
}

function refresh<T extends Anchorable>(item: T, text: string, start: number, end: number): T {
  return { ...item, selectors: { position: { start, end }, quote: describeQuote(text, start, end) } };
}
