/**
 * Cheap, exact checks of a quote's surroundings, used before any fuzzy search. Only context on the quote's own
 * line counts as evidence on its own: text across a line break belongs to the neighbouring paragraph, and
 * paragraphs move. (A speaker label such as "OKAFOR:" at the start of each answer has the previous question as
 * its prefix; after the answers are reordered, that prefix would point at the wrong answer.)
 */
import type { QuoteSelector } from '../model/annotation';
import { CONTEXT_LENGTH } from './textQuote';

/** Below this many characters on the quote's own line, a side must agree in full to count. */
const MIN_LOCAL = 8;

export interface Agreement {
  /** Characters of the stored prefix that match the text right before the candidate, counted outward. */
  prefixRun: number;
  /** Characters of the stored suffix that match the text right after the candidate. */
  suffixRun: number;
  /** True when one side agrees enough to place the quote here without scoring. */
  strong: boolean;
}

/** How the text around an exact occurrence of the quote at `start` agrees with its stored context. */
export function agreementAt(text: string, quote: QuoteSelector, start: number): Agreement {
  const { prefix, suffix } = quote;
  const end = start + quote.exact.length;
  let prefixRun = 0;
  while (prefixRun < prefix.length && start - prefixRun > 0 && text.charCodeAt(start - prefixRun - 1) === prefix.charCodeAt(prefix.length - prefixRun - 1)) {
    prefixRun++;
  }
  let suffixRun = 0;
  while (suffixRun < suffix.length && end + suffixRun < text.length && text.charCodeAt(end + suffixRun) === suffix.charCodeAt(suffixRun)) {
    suffixRun++;
  }
  // A context shorter than usual was cut by the edge of the text: it agrees only at that edge again.
  const prefixWhole = prefixRun === prefix.length && (prefix.length >= CONTEXT_LENGTH || start === prefix.length);
  const suffixWhole = suffixRun === suffix.length && (suffix.length >= CONTEXT_LENGTH || end + suffix.length === text.length);
  const prefixLocal = prefix.length - (prefix.lastIndexOf('\n') + 1);
  const newline = suffix.indexOf('\n');
  const suffixLocal = newline < 0 ? suffix.length : newline;
  const side = (whole: boolean, run: number, local: number) => (whole && local > 0) || (local >= MIN_LOCAL && run >= local);
  const strong =
    prefixLocal === 0 && suffixLocal === 0
      ? prefixWhole || suffixWhole
      : side(prefixWhole, prefixRun, prefixLocal) || side(suffixWhole, suffixRun, suffixLocal);
  return { prefixRun, suffixRun, strong };
}
