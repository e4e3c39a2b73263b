import * as fs from 'node:fs';
import { analyze, recognizeBlock } from './src/core/analyze';
import { BUILTIN_LEXICON } from './src/core/lexicon/builtinLexicon';
import { splitBlocks } from './src/core/recognizers/blocks';
import { RecognizerState } from './src/core/recognizers/recognizerState';
import { recognizeSpeakers } from './src/core/recognizers/speakers/speakerRecognizer';
import { recognizeDates } from './src/core/recognizers/dates/dateRecognizer';
import { recognizeTreaties } from './src/core/recognizers/treaties/treatyRecognizer';
import { findTurnLabels } from './src/core/recognizers/speakers/turnLabels';
import { findAttributions } from './src/core/recognizers/speakers/attribution';
import { findBySpeakers } from './src/core/recognizers/speakers/bySpeakers';
import { findHeadingSpeakers } from './src/core/recognizers/speakers/headings';
import { findClosingCaption, findQuoteAttributionLines } from './src/core/recognizers/speakers/captions';
import { findTitledPeople } from './src/core/recognizers/speakers/titledPeople';
import { blockCandidates } from './src/core/recognizers/quotes/blockQuotes';
const text = fs.readFileSync('/work/shared/corpus/bench/distinct-1mb.txt', 'utf8');
const blocks = splitBlocks(text).map((b) => text.slice(b.start, b.end));
const lexicon = BUILTIN_LEXICON;
const state = new RecognizerState();
const ctx = { lexicon, state, documentDate: { value: '2020-01-01', source: 'metadata' as const } };
const raws = blocks.map((b) => recognizeBlock(b, ctx));
const fns: Record<string, () => void> = {
  analyze: () => void analyze(text, { lexicon }),
  speakers: () => { for (const b of blocks) recognizeSpeakers(b, ctx); },
  dates: () => { for (const b of blocks) recognizeDates(b, ctx); },
  treaties: () => { for (const b of blocks) recognizeTreaties(b, ctx); },
  turnLabels: () => { for (const b of blocks) findTurnLabels(b, [], state.speakers); },
  attributions: () => { for (const b of blocks) findAttributions(b, [], state.speakers.hits.read(b)); },
  hitsOnly: () => { for (const b of blocks) state.speakers.hits.read(b); },
  bySpeakers: () => { for (const b of blocks) findBySpeakers(b, []); },
  closing: () => { for (const b of blocks) findClosingCaption(b, []); },
  qaLines: () => { for (const b of blocks) if (b.indexOf('\n') !== -1) findQuoteAttributionLines(b, []); },
  headings: () => { for (const b of blocks) findHeadingSpeakers(b, []); },
  titled: () => { for (const b of blocks) findTitledPeople(b, []); },
  candidates: () => { for (let i = 0; i < blocks.length; i++) blockCandidates(blocks[i], raws[i]); },
};
const t: Record<string, number[]> = {};
for (let r = 0; r < 9; r++) for (const k of Object.keys(fns)) { const c = process.cpuUsage(); fns[k](); const d = process.cpuUsage(c); (t[k] ??= []).push((d.user + d.system) / 1000); }
for (const k of Object.keys(t)) { const s = t[k].sort((a, b) => a - b); console.log(k.padEnd(14), s[4].toFixed(2), 'ms'); }
