import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { AnalysisCache } from '../../../src/core/analysisCache';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { CalendarReader } from '../../../src/core/recognizers/dates/chronoAdapter';
import { NameKeys } from '../../../src/core/recognizers/speakers/nameKeys';
import { linkPeopleAcrossDocuments } from '../../../src/core/recognizers/speakers/workspacePeople';
import { analyzeForIndex, BUILTIN_LEXICON_KEY, ScanWorkerState } from '../../../src/hosts/scanAnalysis';
import { sharedPath } from '../../support/sharedData';

const SAMPLES = path.resolve(__dirname, '..', '..', '..', 'samples');

/** The samples, and the shared corpus's texts when they are there: documents that share names and date forms. */
function documents(): string[] {
  const files = fs.readdirSync(SAMPLES).map((f) => path.join(SAMPLES, f));
  const corpus = sharedPath('corpus', 'texts');
  if (corpus) files.push(...fs.readdirSync(corpus).map((f) => path.join(corpus, f)));
  return files.filter((f) => /\.(txt|md)$/.test(f)).map((f) => fs.readFileSync(f, 'utf8'));
}

// A text whose dates go to chrono-node (a numeric date, a weekday-led one with a range) and that names people.
const TEXT = 'Talks resumed on 29/11/2023. Deputy Minister Sergei Ryabkov said on Thursday, 8-9 March, that MR. HARTLEY had called.\n';

describe('analysis: what analyses keep across documents is owned by an AnalysisCache', () => {
  it('finds with a cache other documents warmed what it finds with a fresh one', () => {
    const texts = documents();
    assert.ok(texts.length >= 4);
    const shared = new AnalysisCache();
    const warm = texts.map((t) => analyze(t, { lexicon: BUILTIN_LEXICON, cache: shared }));
    // The other way round, each with its own cache: no result may depend on what was analysed before it.
    for (let i = texts.length - 1; i >= 0; i--) {
      const fresh = analyze(texts[i] as string, { lexicon: BUILTIN_LEXICON, cache: new AnalysisCache() });
      assert.deepEqual(fresh, warm[i], `document ${i}`);
    }
  });

  it("keeps what an analysis read in that analysis's cache, and in no other", () => {
    const used = new AnalysisCache();
    const other = new AnalysisCache();
    analyze(TEXT, { lexicon: BUILTIN_LEXICON, cache: used });
    analyze(TEXT, { lexicon: BUILTIN_LEXICON });
    assert.ok(used.calendar.size > 0, 'the calendar windows chrono read');
    assert.ok(used.names.size > 0, 'the name keys of the people linked');
    assert.equal(other.calendar.size + other.names.size, 0);
    used.clear();
    assert.equal(used.calendar.size + used.names.size, 0, 'cleared');
  });

  it('holds a bounded number of calendar windows and name keys', () => {
    const calendar = new CalendarReader();
    for (let i = 0; i < 5000; i++) calendar.parse(`on ${1 + (i % 28)} March ${1000 + i}`);
    assert.ok(calendar.size > 0 && calendar.size <= 4096, `${calendar.size} windows`);
    const names = new NameKeys();
    const people = Array.from({ length: 10_000 }, (_, i) => ({ id: `person:p${i}`, name: `Anna Person${i}`, lexicon: false }));
    linkPeopleAcrossDocuments(people, names);
    assert.ok(names.size > 0 && names.size <= 8192, `${names.size} keys`);
  });

  it("the scan worker keeps one for its life, emptied when a lexicon comes", () => {
    const state = new ScanWorkerState();
    const first = analyzeForIndex(1, '/w/a.txt', TEXT, undefined, BUILTIN_LEXICON_KEY, state);
    assert.equal(first.reply.outcome, 'indexed');
    const held = state.cache.calendar.size;
    assert.ok(held > 0 && state.cache.names.size > 0);
    analyzeForIndex(2, '/w/b.txt', TEXT.replace('Talks', 'Meetings'), undefined, BUILTIN_LEXICON_KEY, state);
    assert.equal(state.cache.calendar.size, held, 'the second document read the windows the first one left');
    state.setLexicon('folder', BUILTIN_LEXICON);
    assert.equal(state.cache.calendar.size + state.cache.names.size, 0);
  });
});
