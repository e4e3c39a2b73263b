import type { Lexicon, TreatyEntry } from './lexicon';
import treatyData from './treaties.json';

/**
 * The lexicon every workspace starts from: arms-control and security treaties with the facts a hover card shows.
 * The data lives in treaties.json (bundled by esbuild) so that adding a treaty or correcting a date is a data
 * change, reviewed as such, not a code change. People are left to workspace lexicons: who matters is
 * specific to a collection of texts.
 */
export const BUILTIN_LEXICON: Lexicon = {
  people: [],
  treaties: (treatyData as { treaties: TreatyEntry[] }).treaties,
};
