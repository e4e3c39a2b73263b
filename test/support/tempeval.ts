import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../src/core/lexicon/builtinLexicon';
import { compareSpans, readGold, timemlDocumentDate, type Comparison } from './goldEval';

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
    return compareSpans(readGold(path.join(dir, f)), predicted, ['date']);
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
