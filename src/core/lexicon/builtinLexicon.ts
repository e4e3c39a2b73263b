import type { Lexicon, PersonEntry, TreatyEntry } from './lexicon';
import peopleData from './people.json';
import treatyData from './treaties.json';

/**
 * The lexicon every workspace starts from: arms-control and security treaties with the facts a hover card shows.
 * The data lives in treaties.json (bundled by esbuild) so that adding a treaty or correcting a date is a data
 * change, reviewed as such, not a code change. People (people.json, see PEOPLE.md) are the office holders
 * arms-control texts quote most; a workspace lexicon adds the people specific to its texts and overrides these.
 */
export const BUILTIN_LEXICON: Lexicon = {
  people: (peopleData as { people: Array<Omit<PersonEntry, 'aliases'> & { aliases?: string[] }> }).people.map((p) => ({ ...p, aliases: p.aliases ?? [] })),
  treaties: (treatyData as { treaties: TreatyEntry[] }).treaties,
};
