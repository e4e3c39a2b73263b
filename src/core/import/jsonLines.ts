/**
 * The line on which each object, list and key of a JSON text starts, by path, so an importer can name the line
 * of what it refuses (`JSON.parse` gives values, not positions). Only called on text `JSON.parse` accepted.
 */

/** A path into parsed JSON: keys of objects and indexes of lists, from the top. */
export type JsonPath = readonly (string | number)[];

/** A function giving the 1-based line where the value (or key) at a path starts, or undefined. */
export function jsonLineIndex(json: string): (path: JsonPath) => number | undefined {
  const lines = new Map<string, number>();
  // Innermost last: for a list, the index of the current item; for an object, its current key (once read).
  const segments: (string | number)[] = [];
  const frames: { list: boolean; keyed: boolean }[] = [];
  let expectKey = false;
  let line = 1;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0x22) {
      let end = i + 1;
      while (end < json.length && json.charCodeAt(end) !== 0x22) end += json.charCodeAt(end) === 0x5c ? 2 : 1;
      if (expectKey) {
        const frame = frames[frames.length - 1];
        if (frame) {
          segments.push(JSON.parse(json.slice(i, end + 1)) as string);
          frame.keyed = true;
          lines.set(keyOf(segments), line);
        }
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      // A later duplicate key replaces the earlier one, as in JSON.parse.
      lines.set(keyOf(segments), line);
      const list = c === 0x5b;
      frames.push({ list, keyed: list });
      if (list) segments.push(0);
      expectKey = !list;
    } else if (c === 0x7d || c === 0x5d) {
      const frame = frames.pop();
      if (frame?.keyed) segments.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      const frame = frames[frames.length - 1];
      if (frame?.list) segments[segments.length - 1] = (segments[segments.length - 1] as number) + 1;
      else if (frame) {
        if (frame.keyed) segments.pop();
        frame.keyed = false;
        expectKey = true;
      }
    }
  }
  return (path) => lines.get(keyOf(path));
}

function keyOf(path: JsonPath): string {
  return path.map((p) => (typeof p === 'number' ? `#${p}` : `.${p}`)).join('\u0000');
}
