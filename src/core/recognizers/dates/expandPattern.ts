/**
 * Every string a small regular-expression source matches, for the trigger words of the scan. Handles only what
 * the vocabulary's patterns use: literal letters and digits, `(?:a|b)` groups, `[Tt]` and `[1-4]` classes, and `?`
 * after a character, class or group. Anything else throws, so a new pattern cannot be read wrongly.
 */
export function expandPattern(source: string): string[] {
  const [words, end] = alternation(source, 0);
  if (end !== source.length) throw new Error(`expandPattern: unexpected '${source[end]}' in ${source}`);
  return [...new Set(words)];
}

/** Alternatives separated by `|` from `i` up to a `)` or the end; returns the strings and where it stopped. */
function alternation(source: string, i: number): [string[], number] {
  const out: string[] = [];
  let pos = i;
  for (;;) {
    const [words, end] = sequence(source, pos);
    out.push(...words);
    if (source[end] !== '|') return [out, end];
    pos = end + 1;
  }
}

/** A run of atoms (each optionally followed by `?`): the concatenations of their strings. */
function sequence(source: string, i: number): [string[], number] {
  let out = [''];
  let pos = i;
  while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
    let atom: string[];
    if (source.startsWith('(?:', pos)) {
      const [words, end] = alternation(source, pos + 3);
      if (source[end] !== ')') throw new Error(`expandPattern: unclosed group in ${source}`);
      atom = words;
      pos = end + 1;
    } else if (source[pos] === '[') {
      const close = source.indexOf(']', pos);
      atom = charClass(source.slice(pos + 1, close));
      pos = close + 1;
    } else if (/[A-Za-z0-9]/.test(source[pos] as string)) {
      atom = [source[pos] as string];
      pos++;
    } else {
      throw new Error(`expandPattern: unsupported '${source[pos]}' in ${source}`);
    }
    if (source[pos] === '?') {
      atom = [...atom, ''];
      pos++;
    }
    out = out.flatMap((head) => atom.map((tail) => head + tail));
  }
  return [out, pos];
}

function charClass(body: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      for (let c = body.charCodeAt(i); c <= body.charCodeAt(i + 2); c++) out.push(String.fromCharCode(c));
      i += 2;
    } else if (/[A-Za-z0-9]/.test(body[i] as string)) out.push(body[i] as string);
    else throw new Error(`expandPattern: unsupported class [${body}]`);
  }
  return out;
}
