import { ENGLISH, type Messages } from '../../../src/core/ports/messages';

/** A pseudo-locale: every message marked, so that words that did not go through the port show up unmarked. */
export const PSEUDO: Messages = { t: (message, ...args) => ENGLISH.t(`\u00ab${message}\u00bb`, ...args) };

/** The text with the pseudo-locale's marks taken out: the English the port would have given. */
export function unmark(text: string): string {
  return text.replace(/[\u00ab\u00bb]/g, '');
}

/**
 * A locale that keeps only each message's places (`{0}`, `{1}`...): whatever words are left in its output came
 * from the data or bypassed the port.
 */
export const BLANK: Messages = { t: (message, ...args) => ENGLISH.t((message.match(/\{\d+\}/g) ?? []).join(' '), ...args) };
