/**
 * The fields a workspace lexicon entry may carry and how each is checked. Kept as a table so the parser, the
 * error messages and schemas/lexicon.schema.json describe the same format.
 */

import { ENGLISH, type Messages } from '../ports/messages';

export type FieldType = 'id' | 'string' | 'strings' | 'date' | 'boolean';

export interface FieldRule {
  type: FieldType;
}

export const TREATY_FIELDS: Record<string, FieldRule> = {
  id: { type: 'id' },
  name: { type: 'string' },
  fullName: { type: 'string' },
  abbreviations: { type: 'strings' },
  aliases: { type: 'strings' },
  signed: { type: 'date' },
  inForce: { type: 'date' },
  ended: { type: 'date' },
  suspended: { type: 'date' },
  parties: { type: 'strings' },
  status: { type: 'string' },
  notes: { type: 'string' },
  contextualForms: { type: 'strings' },
  notBefore: { type: 'strings' },
  weaponClass: { type: 'boolean' },
};

export const PERSON_FIELDS: Record<string, FieldRule> = {
  id: { type: 'id' },
  name: { type: 'string' },
  aliases: { type: 'strings' },
  role: { type: 'string' },
};

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a real month and day. */
const ISO_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Checks one value against its rule; returns the cleaned value, or a message (worded by `l10n`) saying what is wrong. */
export function checkField(kind: 'treaty' | 'person', field: string, rule: FieldRule, value: unknown, l10n: Messages = ENGLISH): { value: unknown } | { problem: string } {
  switch (rule.type) {
    case 'id': {
      const prefix = kind === 'treaty' ? 'treaty:' : 'person:';
      if (typeof value !== 'string' || !new RegExp(`^${prefix}[a-z0-9][a-z0-9-]*$`).test(value)) {
        return { problem: l10n.t("'{0}' must look like '{1}some-name' (lower-case letters, digits and hyphens)", field, prefix) };
      }
      return { value };
    }
    case 'string':
      if (typeof value !== 'string' || value.trim() === '') return { problem: l10n.t("'{0}' must be a non-empty string", field) };
      return { value: value.trim() };
    case 'strings': {
      const list = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(list) || !list.every((v) => typeof v === 'string' && v.trim() !== '')) {
        return { problem: l10n.t("'{0}' must be a list of non-empty strings", field) };
      }
      return { value: list.map((v: string) => v.trim()) };
    }
    case 'date': {
      const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
      if (typeof text !== 'string' || !ISO_DATE.test(text) || !realDay(text)) {
        return { problem: l10n.t("'{0}' must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got {1}", field, String(JSON.stringify(value))) };
      }
      return { value: text };
    }
    case 'boolean':
      if (typeof value !== 'boolean') return { problem: l10n.t("'{0}' must be true or false", field) };
      return { value };
  }
}

function realDay(iso: string): boolean {
  if (iso.length < 10) return true;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}

/** `treaty:<slug>` / `person:<slug>` from a name, for entries that give none. */
export function idFromName(kind: 'treaty' | 'person', name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${kind}:${slug || 'unnamed'}`;
}
