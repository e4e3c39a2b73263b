import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { analyze } from '../../src/core/analyze';
import type { AnalysisCache } from '../../src/core/analysisCache';
import { BUILTIN_LEXICON } from '../../src/core/lexicon/builtinLexicon';

/** One gold or predicted span. `value` is the normalised value where the gold has one (TempEval). */
export interface Span {
  kind: string;
  start: number;
  end: number;
  text: string;
  value?: string;
}

export interface KindCounts {
  kind: string;
  tp: number;
  fp: number;
  fn: number;
}

export interface KindScore extends KindCounts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Comparison {
  /** Counts per kind for one document; scores are computed over a whole set by {@link totalScores}. */
  counts: KindCounts[];
  /** Matched pairs (same kind, overlapping), for value accuracy and debugging. */
  matches: { gold: Span; predicted: Span }[];
  falsePositives: Span[];
  falseNegatives: Span[];
}

/** Reads a gold file: a YAML list of `{kind, start, end, text, value?}`. An empty or non-list file is an error. */
export function readGold(file: string): Span[] {
  const data = parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(data)) throw new Error(`${file}: a gold file must be a YAML list of spans, found ${data === null ? 'nothing' : typeof data}`);
  return (data as Span[]).map((s) => ({ kind: s.kind, start: s.start, end: s.end, text: s.text, value: s.value === undefined ? undefined : String(s.value) }));
}

/** Pairs each seed text in `seedsDir` with its gold file in `goldDir` (same stem, .yaml). */
export function seedPairs(seedsDir: string, goldDir: string): { name: string; textFile: string; goldFile: string }[] {
  return fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, textFile: path.join(seedsDir, f), goldFile: path.join(goldDir, f.replace(/\.txt$/, '.yaml')) }))
    .filter((p) => fs.existsSync(p.goldFile));
}

/**
 * 1:1 matching of overlapping spans of the same kind, as the issue defines it: candidate pairs are ranked by
 * overlap (exact matches first), and each span is used at most once.
 */
export function compareSpans(gold: Span[], predicted: Span[], kinds: string[]): Comparison {
  const pairs: { g: number; p: number; overlap: number; exact: boolean }[] = [];
  for (let g = 0; g < gold.length; g++) {
    const gs = gold[g] as Span;
    for (let p = 0; p < predicted.length; p++) {
      const ps = predicted[p] as Span;
      if (ps.kind !== gs.kind) continue;
      const overlap = Math.min(gs.end, ps.end) - Math.max(gs.start, ps.start);
      if (overlap > 0) pairs.push({ g, p, overlap, exact: gs.start === ps.start && gs.end === ps.end });
    }
  }
  pairs.sort((a, b) => Number(b.exact) - Number(a.exact) || b.overlap - a.overlap);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const matches: Comparison['matches'] = [];
  for (const pair of pairs) {
    if (usedG.has(pair.g) || usedP.has(pair.p)) continue;
    usedG.add(pair.g);
    usedP.add(pair.p);
    matches.push({ gold: gold[pair.g] as Span, predicted: predicted[pair.p] as Span });
  }
  const falseNegatives = gold.filter((_, i) => !usedG.has(i));
  const falsePositives = predicted.filter((_, i) => !usedP.has(i));
  const counts = kinds.map((kind) => ({
    kind,
    tp: matches.filter((m) => m.gold.kind === kind).length,
    fp: falsePositives.filter((s) => s.kind === kind).length,
    fn: falseNegatives.filter((s) => s.kind === kind).length,
  }));
  return { counts, matches, falsePositives, falseNegatives };
}

/**
 * Precision, recall and F1 from counts. No gold spans at all is an error, not a perfect score: a floor checked
 * against missing or misread gold would otherwise always pass. No predictions scores 0.
 */
export function score(kind: string, tp: number, fp: number, fn: number): KindScore {
  if (tp + fn === 0) throw new Error(`no gold spans of kind '${kind}': there is nothing to score against`);
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { kind, tp, fp, fn, precision, recall, f1 };
}

/** Sums per-kind counts over several comparisons and scores them (throws when a kind has no gold span). */
export function totalScores(comparisons: Comparison[], kinds: string[]): KindScore[] {
  return kinds.map((kind) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of comparisons) {
      const s = c.counts.find((x) => x.kind === kind);
      if (s) {
        tp += s.tp;
        fp += s.fp;
        fn += s.fn;
      }
    }
    return score(kind, tp, fp, fn);
  });
}

export function formatScores(title: string, scores: KindScore[]): string {
  const rows = scores.map(
    (s) =>
      `    ${s.kind.padEnd(8)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
  );
  return `  ${title}\n${rows.join('\n')}`;
}

/** The document creation time of a TimeML file (`<DCT><TIMEX3 ... value="2013-03-22">`). */
export function timemlDocumentDate(tmlFile: string): string | undefined {
  const m = /<DCT>\s*<TIMEX3[^>]*\bvalue="([^"]+)"/.exec(fs.readFileSync(tmlFile, 'utf8'));
  return m ? m[1] : undefined;
}

/** A gold or predicted quote: a span and the name of the person it is attributed to. */
export interface QuoteSpan {
  start: number;
  end: number;
  text: string;
  speaker: string;
}

/** Quote scores: span detection, and attribution (a matched span counts only if the speakers agree). */
export interface QuoteScores {
  span: KindScore;
  attribution: KindScore;
  /** Matched pairs whose speakers disagree. */
  misattributed: { gold: QuoteSpan; predicted: QuoteSpan }[];
  falsePositives: QuoteSpan[];
  falseNegatives: QuoteSpan[];
}

/** Reads a quote gold file: a YAML list of `{kind: quote, start, end, text, speaker}`. */
export function readQuoteGold(file: string): QuoteSpan[] {
  const data = parse(fs.readFileSync(file, 'utf8')) as QuoteSpan[] | null;
  return (data ?? []).map((s) => {
    if (typeof s.speaker !== 'string' || s.speaker.trim() === '') throw new Error(`${file}: quote at ${s.start} has no speaker`);
    return { start: s.start, end: s.end, text: s.text, speaker: s.speaker };
  });
}

/** The last word of a name, lower-cased: how the guidelines compare speakers (`Sergey Ryabkov` = `Ryabkov`). */
export function surname(name: string): string {
  const words = name.trim().toLowerCase().split(/\s+/);
  return words[words.length - 1] ?? '';
}

/**
 * Scores quotes as ANNOTATION-GUIDELINES.md ("quote") defines it: spans matched 1:1 by overlap (as
 * {@link compareSpans}), speakers compared by surname, case-insensitive. Span P/R/F1 counts every match;
 * attribution P/R/F1 counts a match only when the speakers agree (a misattributed match is both a false positive
 * and a false negative of attribution).
 */
export function compareQuotes(gold: QuoteSpan[], predicted: QuoteSpan[]): QuoteScores {
  const asSpan = (q: QuoteSpan, i: number): Span => ({ kind: 'quote', start: q.start, end: q.end, text: q.text, value: String(i) });
  const c = compareSpans(gold.map(asSpan), predicted.map(asSpan), ['quote']);
  const pairs = c.matches.map((m) => ({ gold: gold[Number(m.gold.value)] as QuoteSpan, predicted: predicted[Number(m.predicted.value)] as QuoteSpan }));
  const misattributed = pairs.filter((p) => surname(p.gold.speaker) !== surname(p.predicted.speaker));
  const tp = pairs.length;
  const agreed = tp - misattributed.length;
  return {
    span: counted('quote', tp, predicted.length - tp, gold.length - tp),
    attribution: counted('attribution', agreed, predicted.length - agreed, gold.length - agreed),
    misattributed,
    falsePositives: c.falsePositives.map((s) => predicted[Number(s.value)] as QuoteSpan),
    falseNegatives: c.falseNegatives.map((s) => gold[Number(s.value)] as QuoteSpan),
  };
}

/** The quotes `analyze` finds in a text, as scored: span and the speaker's canonical name; `cache` is the run's. */
export function predictedQuotes(text: string, cache?: AnalysisCache): QuoteSpan[] {
  return analyze(text, { lexicon: BUILTIN_LEXICON, cache })
    .mentions.filter((m) => m.kind === 'quote')
    .map((m) => ({ start: m.start, end: m.end, text: m.text, speaker: m.value ?? '' }));
}

/** One document's counts as a score; a document may have no gold quote (the totals are checked, by {@link score}). */
function counted(kind: string, tp: number, fp: number, fn: number): KindScore {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { kind, tp, fp, fn, precision, recall, f1 };
}

/** Sums quote scores over several documents. */
export function totalQuoteScores(all: QuoteScores[]): { span: KindScore; attribution: KindScore } {
  const sum = (pick: (q: QuoteScores) => KindScore, kind: string): KindScore => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const q of all) {
      const s = pick(q);
      tp += s.tp;
      fp += s.fp;
      fn += s.fn;
    }
    return score(kind, tp, fp, fn);
  };
  return { span: sum((q) => q.span, 'quote'), attribution: sum((q) => q.attribution, 'attrib.') };
}
