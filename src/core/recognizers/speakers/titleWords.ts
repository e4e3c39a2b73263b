/**
 * The title words that introduce a name in running text ("President Putin", "Mr. Reed"), as titledPeople.ts
 * matches them, and the first word of each: the shared word pass (triggerTokens.ts) notes where such a word
 * stands, and the expression is tried there only.
 */

/** Capitalised, as in running text before a name; in the order the expression tries them. */
const TITLES = [
  'President', 'Presidents', 'Vice President', 'Secretary', 'Minister', 'Ambassador', 'Senator', 'Sen.', 'Representative', 'Rep.', 'Mr.',
  'Ms.', 'Mrs.', 'Dr.', 'General', 'Gen.', 'Chancellor', 'Premier', 'Envoy', 'Chairman', 'Chairwoman', 'Director', 'Governor', 'Admiral',
  'Adm.', 'Marshal', 'Commissioner', 'King', 'Queen', 'Prince', 'Pope', 'Patriarch', 'Sheikh', 'Emir', 'Speaker', 'Leader', 'Lt.', 'Col.',
  'Gen.', 'Mayor', 'Judge', 'Justice',
];

/** A title, its white space, and a capital after it. */
export const TITLED_RE = new RegExp(`\\b(?:${TITLES.map((t) => t.replace(/\./g, '\\.')).join('|')})\\s+(?=\\p{Lu})`, 'gu');

/**
 * The first run of word characters of each title: {@link TITLED_RE} matches only where such a run stands whole
 * (a title starts with a letter after `\b`, and its first run goes on with a space or a full stop, or ends it).
 */
export const TITLE_FIRST_WORDS: ReadonlySet<string> = new Set(TITLES.map((t) => (/^\w+/.exec(t) as RegExpExecArray)[0]));
