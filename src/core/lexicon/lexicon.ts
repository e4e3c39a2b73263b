/**
 * The merged lexicon (built-in data + a workspace's `.marginalia/lexicon.yaml`) that recognizers link
 * mentions against. Plain data: the treaty recognizer and speaker linker build their own lookup tables from it.
 */
export interface PersonEntry {
  /** `person:<slug>` */
  id: string;
  /** Canonical display name. */
  name: string;
  /** Other forms of the name (transliterations, surname alone is implied and need not be listed). */
  aliases: string[];
  /** Role or title, shown on hover cards ("Deputy Foreign Minister of Russia"). */
  role?: string;
}

export interface TreatyEntry {
  /** `treaty:<slug>` */
  id: string;
  /** Short canonical name ("New START"). */
  name: string;
  /** Official full name. */
  fullName: string;
  /** Abbreviations (case-sensitive forms such as "INF", "NPT"). */
  abbreviations: string[];
  /** Other names, including forms from translation ("START-3"). */
  aliases: string[];
  signed?: string;
  inForce?: string;
  ended?: string;
  parties?: string[];
  status?: string;
  notes?: string;
}

export interface Lexicon {
  people: PersonEntry[];
  treaties: TreatyEntry[];
}

export const EMPTY_LEXICON: Lexicon = { people: [], treaties: [] };
