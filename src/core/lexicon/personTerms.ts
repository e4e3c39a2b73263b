/**
 * A person's offices over time (from the built-in people data) and the one held at a document's date, so that a
 * hover on "Putin" in a 2010 text says Prime Minister and in a 2022 text President.
 */

export interface PersonTerm {
  role: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) the office began; open when absent. */
  from?: string;
  /** ISO date it ended; still held when absent. */
  to?: string;
}

/**
 * The role of the last term begun by `date` (ISO, any precision) and not ended before it, else undefined. A date
 * given to the year or month is compared at that precision: "2012" falls in a term from 2012-05-07.
 */
export function roleAt(terms: readonly PersonTerm[] | undefined, date: string): string | undefined {
  if (!terms) return undefined;
  let best: PersonTerm | undefined;
  for (const t of terms) {
    if (t.from !== undefined && t.from.slice(0, date.length) > date.slice(0, t.from.length)) continue;
    if (t.to !== undefined && t.to.slice(0, date.length) < date.slice(0, t.to.length)) continue;
    if (!best || (t.from ?? '') >= (best.from ?? '')) best = t;
  }
  return best?.role;
}

/** Terms as an entity fact (a list of strings): `from|to|role`. */
export function termsToFact(terms: readonly PersonTerm[]): string[] {
  return terms.map((t) => `${t.from ?? ''}|${t.to ?? ''}|${t.role}`);
}

/** The terms a fact written by {@link termsToFact} holds. */
export function termsFromFact(fact: string | string[] | undefined): PersonTerm[] | undefined {
  if (!Array.isArray(fact)) return undefined;
  return fact.map((s) => {
    const [from, to, ...role] = s.split('|');
    return { role: role.join('|'), from: from || undefined, to: to || undefined };
  });
}
