/**
 * Why an annotation could not be placed, in one sentence for the user (tree tooltip, Problems panel,
 * `marginalia check`), in the reader's language: re-anchoring keeps the facts on the orphan and writes the
 * English sentence; the editor says it again with `vscode.l10n`.
 */
import { ENGLISH, type Messages } from '../ports/messages';

export type OrphanReason = 'empty-quote' | 'quote-not-found' | 'context-mismatch' | 'ambiguous';

/** What the sentence says besides the quote. */
export interface OrphanFacts {
  reason: OrphanReason;
  /** `context-mismatch`: only text like the quote was found, not the quote itself. */
  similarOnly?: boolean;
  /** `ambiguous`: how many places fit equally well, and the (1-based) lines of the first of them. */
  fits?: number;
  lines?: number[];
}

export function orphanMessage(facts: OrphanFacts, quote: string, l10n: Messages = ENGLISH): string {
  const q = clip(quote);
  switch (facts.reason) {
    case 'empty-quote':
      return l10n.t('The annotation has no quoted text to look for.');
    case 'quote-not-found':
      return l10n.t('The quoted text "{0}" is no longer in the document.', q);
    case 'context-mismatch':
      return facts.similarOnly
        ? l10n.t('Only text similar to "{0}" was found, not in the passage it was annotated in.', q)
        : l10n.t('"{0}" is still in the document, but not in the passage it was annotated in.', q);
    case 'ambiguous': {
      const lines = facts.lines ?? [];
      const listed = lines.map((line) => l10n.t('line {0}', line)).join(', ') + ((facts.fits ?? 0) > lines.length ? ', ...' : '');
      return l10n.t('"{0}" fits {1} places equally well ({2}); choose one.', q, facts.fits ?? lines.length, listed);
    }
  }
}

function clip(s: string): string {
  const oneLine = s.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}
