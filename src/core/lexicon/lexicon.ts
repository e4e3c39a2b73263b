/**
 * The merged lexicon (built-in data + a workspace's `.marginalia/lexicon.yaml`) that recognizers link
 * mentions against. Plain data: the treaty recognizer and speaker linker build their own lookup tables from it.
 */
import type { PersonTerm } from './personTerms';

export interface PersonEntry {
  /** `person:<slug>` */
  id: string;
  /** Canonical display name. */
  name: string;
  /** Other forms of the name (transliterations, surname alone is implied and need not be listed). */
  aliases: string[];
  /** Role or title, shown on hover cards ("Deputy Foreign Minister of Russia"): the latest when terms are given. */
  role?: string;
  /** Offices held, with dates: a hover shows the one held at the document's date. */
  terms?: PersonTerm[];
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
  /** ISO date a party suspended its participation (New START by Russia), when that is a defining event. */
  suspended?: string;
  /**
   * Forms another entry owns that refer to this treaty in documents dated after it was signed ("START" in a 2023
   * text means New START, in a 1995 text START I): the latest treaty signed by the document's date wins.
   */
  contextualForms?: string[];
  /** Words that, right after one of this entry's forms, mean it is not the treaty ("Open Skies proposal"). */
  notBefore?: string[];
  /** The abbreviation also names a class of weapons ("INF missiles", "ground-based INF"): only treaty uses count. */
  weaponClass?: boolean;
}

export interface Lexicon {
  people: PersonEntry[];
  treaties: TreatyEntry[];
}

export const EMPTY_LEXICON: Lexicon = { people: [], treaties: [] };
