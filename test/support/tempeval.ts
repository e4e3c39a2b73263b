import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../src/core/lexicon/builtinLexicon';
import { compareSpans, readGold, timemlDocumentDate, type Comparison, type Span } from './goldEval';

/**
 * The TempEval-3 platinum sample in `dir` (`<stem>.txt`, `<stem>.tml`, `<stem>.dates.yaml`) compared with the date
 * recognizer, each text analysed with its creation date from the .tml file, or with none (as a user who gives no
 * document date sees it).
 */
export function tempevalComparisons(dir: string, withCreationDates: boolean): Comparison[] {
  const goldFiles = fs.readdirSync(dir).filter((x) => x.endsWith('.dates.yaml')).sort();
  if (goldFiles.length === 0) throw new Error(`${dir} holds no *.dates.yaml gold files`);
  return goldFiles.map((f) => {
    const stem = f.replace(/\.dates\.yaml$/, '');
    const text = fs.readFileSync(path.join(dir, `${stem}.txt`), 'utf8');
    const documentDate = withCreationDates ? timemlDocumentDate(path.join(dir, `${stem}.tml`)) : undefined;
    const predicted = analyze(text, { lexicon: BUILTIN_LEXICON, documentDate }).mentions.filter((m) => m.kind === 'date');
    return compareSpans(readGold(path.join(dir, f)), asTimeml(predicted), ['date']);
  });
}

/** Matched dates whose normalised value equals the gold's, and the ones that do not (a gold without value counts wrong). */
export function valueAccuracy(comparisons: Comparison[]): { correct: number; matched: number; wrong: string[] } {
  const matches = comparisons.flatMap((c) => c.matches);
  const wrong = matches.filter((m) => m.gold.value === undefined || m.gold.value !== m.predicted.value);
  return {
    correct: matches.length - wrong.length,
    matched: matches.length,
    wrong: wrong.map((m) => `${JSON.stringify(m.gold.text)}: gold ${m.gold.value} got ${m.predicted.value}`),
  };
}

const YEAR_RANGE_TEXT = /^(\d{4})(\s*(?:[-–—]|to|through)\s*)(\d{4})$/;

/**
 * Our dates as TimeML annotates them, for comparing with TempEval gold. The two conventions differ on one point:
 * our guidelines make a range of years one span valued as an interval ("2009-2010" → 2009/2010, as a range of days
 * is one span), TimeML tags each year ("2009", "2010"). Any other span is kept as it is.
 */
export function asTimeml<T extends Span>(predicted: readonly T[]): Span[] {
  return predicted.flatMap((p): Span[] => {
    const m = YEAR_RANGE_TEXT.exec(p.text);
    if (!m || p.value !== `${m[1]}/${m[3]}`) return [p];
    const second = p.start + (m[1] as string).length + (m[2] as string).length;
    return [
      { kind: p.kind, start: p.start, end: p.start + 4, text: m[1] as string, value: m[1] },
      { kind: p.kind, start: second, end: second + 4, text: m[3] as string, value: m[3] },
    ];
  });
}
