/**
 * Folding of person names to a comparison key, so spellings of one name from different transliterations of
 * Russian (and other) names meet: Sergei/Sergey/Sergej, Dmitry/Dmitri/Dmitriy, Yuri/Yury, Aleksey/Alexei,
 * Zelensky/Zelenskyy/Zelenskiy, Ryabkov/Riabkov, and diacritics (François/Francois). Keys are for equality
 * only, never shown. Over-merging two different people through a key is unlikely inside one document, and
 * the surname alone never merges two full names with different first names (see the linker).
 */

const MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’ʼ.]/g;

/** The comparison key of one name word. */
export function foldWord(word: string): string {
  let w = word.toLowerCase();
  if (/[^\x20-\x7e]/.test(w)) w = w.normalize('NFD').replace(MARKS, '');
  w = w.replace(APOSTROPHES, '');
  w = w.replace(/j$/, 'i').replace(/ks/g, 'x').replace(/kh/g, 'h').replace(/y/g, 'i').replace(/ph/g, 'f');
  // Doubled letters: "Zelenskii" -> "zelenski", "Dmitrii" -> "dmitri", "Kirill" -> "kiril".
  return w.replace(/(.)\1+/g, '$1');
}

/** The comparison key of a whole name ("Sergey Ryabkov" -> "sergei riabkov"). */
export function foldName(words: readonly string[]): string {
  return words.map(foldWord).join(' ');
}

/** A URL-safe id slug of a display name ("Joseph R. Biden, Jr." -> "joseph-r-biden-jr"). */
export function slugify(name: string): string {
  let s = name.toLowerCase();
  if (/[^\x20-\x7e]/.test(s)) s = s.normalize('NFD').replace(MARKS, '');
  return s.replace(/['’ʼ]/g, '').replace(/[^a-z0-9\u0400-\u04ff]+/g, '-').replace(/^-+|-+$/g, '') || 'unnamed';
}
