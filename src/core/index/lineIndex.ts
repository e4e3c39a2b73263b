/**
 * Offsets to lines and columns without holding the text: the workspace index keeps one of these per document so
 * the tree, references and workspace symbols can place mentions of files that are not open in an editor.
 */

/** A line and a UTF-16 column, both 0-based, as `vscode.Position` counts them. */
export interface LinePosition {
  line: number;
  character: number;
}

/** The offsets at which each line starts. `\r\n`, `\n` and lone `\r` end a line, as in VS Code. */
export function computeLineStarts(text: string): Uint32Array {
  if (text.indexOf('\r') === -1) {
    // The common case: only \n, found by the engine's own search rather than a character loop.
    const starts: number[] = [0];
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
    return Uint32Array.from(starts);
  }
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return Uint32Array.from(starts);
}

/**
 * The line starts of a text after an edit, from those before it: starts before the edit are kept, those after it
 * shifted, and only the replaced range is scanned (a keystroke in a megabyte scans a few characters). A start at
 * `s` depends on the characters at `s - 1` and `s` (`\r\n` is one line end), which is what bounds each part.
 */
export function updateLineStarts(before: Uint32Array, text: string, edit: { start: number; oldEnd: number; newEnd: number }): Uint32Array {
  const delta = edit.newEnd - edit.oldEnd;
  const starts: number[] = [];
  let k = 0;
  while (k < before.length && before[k] < edit.start) starts.push(before[k++]);
  if (edit.start === 0) starts.push(0);
  for (let i = Math.max(0, edit.start - 1); i < edit.newEnd; i++) {
    const c = text.charCodeAt(i);
    if ((c === 13 && text.charCodeAt(i + 1) !== 10) || c === 10) starts.push(i + 1);
  }
  while (k < before.length && before[k] < edit.oldEnd + 1) k++;
  const out = new Uint32Array(starts.length + before.length - k);
  out.set(starts);
  for (let j = starts.length; k < before.length; k++, j++) out[j] = before[k] + delta;
  return out;
}

/** The line and column of an offset (binary search, O(log lines)). */
export function positionAt(lineStarts: Uint32Array, offset: number): LinePosition {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}
