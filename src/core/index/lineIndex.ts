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
