/**
 * Folding of person names to a comparison key, so spellings of one name from different transliterations of
 * Russian (and other) names meet: Sergei/Sergey/Sergej, Dmitry/Dmitri/Dmitriy, Yuri/Yury, Aleksey/Alexei,
 * Zelensky/Zelenskyy/Zelenskiy, Ryabkov/Riabkov, and diacritics (François/Francois). Keys are for equality
 * only, never shown. Over-merging two different people through a key is unlikely inside one document, and
 * the surname alone never merges two full names with different first names (see the linker).
 */

import * as codes from '../../text/charCodes';
// Bound once, not read through the module on every use: see core/text/charCodes.ts.
const { APOSTROPHE, CARRIAGE_RETURN, FULL_STOP, LINE_FEED, LINE_SEPARATOR, LOWER_H, LOWER_J, LOWER_K, LOWER_P, LOWER_S, LOWER_Y, PARAGRAPH_SEPARATOR } = codes;

const MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’ʼ.]/g;

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/**
 * The comparison key of one name word. Most name words are plain ASCII that no rule changes past lower-casing, and
 * foldWord runs for every word of every name key and linking test: those are told apart by one scan, and each
 * rule below runs only where its letters occur.
 */
export function foldWord(word: string): string {
  let w = word.toLowerCase();
  if (NOT_PRINTABLE_ASCII.test(w)) w = w.normalize('NFD').replace(MARKS, '').replace(APOSTROPHES, '');
  else if (foldsToItself(w)) return w;
  else if (w.includes("'") || w.includes('.')) w = w.replace(APOSTROPHES, '');
  // One replacement for every rule, in this order: a rule whose letters came first after the fold was
  // optimized (names with "kh" are rarer than names with "y") deoptimized the code that folds.
  for (const [letters, rule, by] of SPELLING_RULES) if (w.includes(letters)) w = w.replace(rule, by);
  // Doubled letters: "Zelenskii" -> "zelenski", "Dmitrii" -> "dmitri", "Kirill" -> "kiril".
  return withoutRuns(w);
}

/** The letters a rule needs, the rule and its replacement: a final 'j' is 'i', 'ks' 'x', 'kh' 'h', 'y' 'i', 'ph' 'f'. */
const SPELLING_RULES: readonly (readonly [string, RegExp, string])[] = [
  ['j', /j$/, 'i'],
  ['ks', /ks/g, 'x'],
  ['kh', /kh/g, 'h'],
  ['y', /y/g, 'i'],
  ['ph', /ph/g, 'f'],
];

/** Whether no rule of the fold changes a lower-case printable ASCII word (no apostrophe, 'y', '-j', 'ks', 'kh', 'ph' or doubled letter). */
function foldsToItself(w: string): boolean {
  let prev = -1;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === prev || c === APOSTROPHE || c === FULL_STOP || c === LOWER_Y) return false;
    if (prev === LOWER_K ? c === LOWER_S || c === LOWER_H : prev === LOWER_P && c === LOWER_H) return false;
    prev = c;
  }
  return prev !== LOWER_J;
}

/** Each run of one character as the character once; line breaks stay, as `.` in a regex does not match them. */
function withoutRuns(w: string): string {
  let out = '';
  let from = 0;
  for (let i = 1; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c !== w.charCodeAt(i - 1) || c === LINE_FEED || c === CARRIAGE_RETURN || c === LINE_SEPARATOR || c === PARAGRAPH_SEPARATOR) continue;
    out += w.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? w : out + w.slice(from);
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

/**
 * The spelling an id is made from, per folded given name: ids come from the name only, and two spellings of one
 * name must give one id in every document, whichever spelling a document happens to use. Names not listed keep
 * their spelling (after the surname-ending rule below).
 */
const CANONICAL_GIVEN = new Map<string, string>(
  [
    'Sergei', 'Yuri', 'Dmitry', 'Alexei', 'Andrei', 'Nikolai', 'Anatoly', 'Valery', 'Vasily', 'Grigory', 'Yevgeny',
    'Arkady', 'Gennady', 'Vitaly', 'Georgy', 'Alexander', 'Maria', 'Mikhail', 'Vyacheslav', 'Matvei', 'Timofei',
  ].map((n) => [foldWord(n), n]),
);
/** Spellings whose fold differs from the canonical one's ("Aleksandr", "Yevgeniy" vs "Evgeny"). */
const GIVEN_VARIANTS = new Map<string, string>([
  ['aleksandr', 'Alexander'],
  ['alexandr', 'Alexander'],
  ['evgeny', 'Yevgeny'],
  ['evgeni', 'Yevgeny'],
  ['yevgeni', 'Yevgeny'],
  ['iuri', 'Yuri'],
  ['dmitri', 'Dmitry'],
  ['mariia', 'Maria'],
]);

/** The words of a name in the spelling ids are made from ("Sergey", "Zelenskyy" -> "Sergei", "Zelensky"). */
export function canonicalNameWords(words: readonly string[]): string[] {
  // Pushed, not mapped: optimized code makes a mapped array with holes allowed, the interpreter one without, and
  // the code that reads both kinds was optimized for one and thrown away at the other.
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) out.push(canonicalWord(words[i] as string, i < words.length - 1));
  return out;
}

function canonicalWord(w: string, given: boolean): string {
  if (given) {
    const folded = foldWord(w);
    const canonical = CANONICAL_GIVEN.get(folded) ?? GIVEN_VARIANTS.get(folded);
    if (canonical) return canonical;
  }
  // Slavic adjectival surnames: "-skyy", "-skiy", "-skii", "-ckiy" are all "-sky" in the usual English form.
  return w.replace(SLAVIC_ENDING, '$1y');
}

const SLAVIC_ENDING = /(sk|ck|tsk|zk)(?:yy|iy|ii|yi)$/i;

/** Nicknames that name the same person as the full given name, folded. */
const NICKNAMES = new Map<string, string>(
  [
  ['joe', 'joseph'],
  ['bill', 'william'],
  ['will', 'william'],
  ['mike', 'michael'],
  ['jim', 'james'],
  ['bob', 'robert'],
  ['tony', 'anthony'],
  ['dick', 'richard'],
  ['ted', 'edward'],
  ['tom', 'thomas'],
  ['dan', 'daniel'],
  ['ben', 'benjamin'],
  ['sasha', 'alexander'],
  ['alex', 'alexander'],
  ['volodymyr', 'vladimir'],
  ].map(([nick, full]) => [foldWord(nick as string), foldWord(full as string)]),
);

/**
 * Whether two given names can be one person's: the same after folding, a nickname of the other, or the same
 * name with the other's transliteration. A shared initial alone is not enough ("Joe" and "Jill" Biden).
 */
export function sameFirstName(a: string, b: string): boolean {
  const x = foldWord(a);
  const y = foldWord(b);
  if (x === y) return true;
  const fx = foldWord(canonicalNameWords([a, '_'])[0] as string);
  const fy = foldWord(canonicalNameWords([b, '_'])[0] as string);
  if (fx === fy) return true;
  return (NICKNAMES.get(x) ?? x) === (NICKNAMES.get(y) ?? y);
}
