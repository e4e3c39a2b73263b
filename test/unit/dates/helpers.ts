import { EMPTY_LEXICON } from '../../../src/core/lexicon/lexicon';
import { recognizeDates } from '../../../src/core/recognizers/dates/dateRecognizer';

/** What a test compares: the span text, the value and the main attributes. */
export interface Seen {
  text: string;
  value?: string;
  precision?: string;
  resolution?: string;
}

/** The date mentions of `text`, resolved against `documentDate` when given. */
export function datesIn(text: string, documentDate?: string): Seen[] {
  const ctx = { lexicon: EMPTY_LEXICON, documentDate: documentDate ? { value: documentDate, source: 'option' as const } : undefined };
  return recognizeDates(text, ctx).map((m) => {
    if (text.slice(m.start, m.end) !== m.text) throw new Error(`offsets do not match the text of ${JSON.stringify(m.text)}`);
    return { text: m.text, value: m.value, precision: m.attributes?.precision, resolution: m.attributes?.resolution };
  });
}

/** Only the span texts. */
export function spansIn(text: string, documentDate?: string): string[] {
  return datesIn(text, documentDate).map((d) => d.text);
}

/** Span text → value pairs. */
export function valuesIn(text: string, documentDate?: string): [string, string | undefined][] {
  return datesIn(text, documentDate).map((d) => [d.text, d.value]);
}
