import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import type { Lexicon } from '../../../src/core/lexicon/lexicon';
import type { Mention } from '../../../src/core/model/mention';
import type { DocumentDate } from '../../../src/core/recognizers/context';
import { recognizeTreaties } from '../../../src/core/recognizers/treaties/treatyRecognizer';

/** Treaty mentions of a short text of our own, as the recognizer returns them. */
export function treaties(text: string, options: { lexicon?: Lexicon; date?: string } = {}): Mention[] {
  const documentDate: DocumentDate | undefined = options.date ? { value: options.date, source: 'option' } : undefined;
  return recognizeTreaties(text, { lexicon: options.lexicon ?? BUILTIN_LEXICON, documentDate });
}

/** Just the tagged texts, in order: what most rule tests compare. */
export function spans(text: string, options: { lexicon?: Lexicon; date?: string } = {}): string[] {
  return treaties(text, options).map((m) => m.text);
}

/** Tagged text → entity id. */
export function links(text: string, options: { lexicon?: Lexicon; date?: string } = {}): [string, string | undefined][] {
  return treaties(text, options).map((m) => [m.text, m.entityId]);
}
