// The differences between gold and predicted spans of one document, as the eval scripts print them: misses,
// extras, and matches whose offsets differ, each with the text around it.
import type { Comparison, Span } from '../../test/support/goldEval';

/** Prints the document's name, then its MISS, EXTRA and PART lines (of `only` when given). */
export function printDifferences(name: string, text: string, c: Comparison, only: string | undefined): void {
  const around = (s: Span) => JSON.stringify(text.slice(Math.max(0, s.start - 50), s.end + 40));
  const show = (label: string, spans: Span[]) =>
    spans
      .filter((s) => !only || s.kind === only)
      .forEach((s) => console.log(`  ${label} ${s.kind.padEnd(8)} ${s.start}-${s.end} ${JSON.stringify(s.text)}  …${around(s)}`));
  console.log(name);
  show('MISS ', c.falseNegatives);
  show('EXTRA', c.falsePositives);
  for (const m of c.matches) {
    if ((only && m.gold.kind !== only) || (m.gold.start === m.predicted.start && m.gold.end === m.predicted.end)) continue;
    console.log(`  PART  ${m.gold.kind.padEnd(8)} gold ${JSON.stringify(m.gold.text)} got ${JSON.stringify(m.predicted.text)}`);
  }
}
