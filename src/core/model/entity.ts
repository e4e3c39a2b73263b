/**
 * A canonical thing that mentions link to: a person, a treaty, or a date value. Lexicons (built-in and per
 * workspace) hold entities; recognizers create person entities for people they meet that no lexicon knows.
 */
export type EntityType = 'person' | 'treaty' | 'date';

export interface Entity {
  /** Stable id: `person:<slug>`, `treaty:<slug>`, `date:<iso>`. */
  id: string;
  type: EntityType;
  /** Canonical display name ("Sergey Ryabkov", "New START", "2022-12-01"). */
  name: string;
  /** Other surface forms that link to this entity. */
  aliases: string[];
  /** Facts a hover card shows (role, full name, signed, in force, parties, status...). */
  facts: Record<string, string | string[] | undefined>;
}
