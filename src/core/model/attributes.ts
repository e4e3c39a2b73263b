/**
 * Annotation attributes: which names an attribute may have, and attributes as a user types them in one line
 * (`role=Deputy Foreign Minister; source=TASS`). The one rule for names lives here so that everything that
 * writes attributes (the importers, the editor's commands, the CLI) accepts exactly what the sidecar reader
 * loads back: an attribute it accepted and the reader refused would make the whole sidecar unloadable.
 */
import { ENGLISH, type Messages } from '../ports/messages';

/**
 * Keys no sidecar mapping may have, attributes included: they could reach an object's prototype in a careless
 * reader, or trigger a YAML 1.1 merge in another one. The sidecar reader refuses a file holding any of them.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype', '<<']);

/** Attribute names as typed or as brat writes them: a letter, then letters, digits, `_` or `-`. */
export const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Why `key` cannot name an attribute, or undefined when it can. Any other string can: the sidecar writer
 * quotes names that are not simple words, and files written by earlier versions may hold such names.
 */
export function attributeKeyProblem(key: string, l10n: Messages = ENGLISH): string | undefined {
  if (FORBIDDEN_KEYS.has(key)) return l10n.t("the attribute name '{0}' is not allowed (a sidecar refuses {1}); rename it", key, [...FORBIDDEN_KEYS].map((k) => `'${k}'`).join(', '));
  return undefined;
}

/** Throws when an attribute name of `attributes` is not allowed: for callers that build annotations. */
export function checkAttributeKeys(attributes: Readonly<Record<string, string>> | undefined): void {
  for (const key of Object.keys(attributes ?? {})) {
    const problem = attributeKeyProblem(key);
    if (problem) throw new RangeError(problem);
  }
}

/** Parses `k=v; k2=v2` (empty: no attributes); undefined for no input (Escape) or a malformed pair. */
export function parseAttributes(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const key = eq > 0 ? part.slice(0, eq).trim() : '';
    if (!ATTRIBUTE_NAME.test(key) || attributeKeyProblem(key)) return undefined;
    out[key] = part.slice(eq + 1).trim();
  }
  return out;
}
