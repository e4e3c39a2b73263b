import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { analyze } from '../../../src/core/analyze';
import { AnalysisCache } from '../../../src/core/analysisCache';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';

/** A name of letters only, different for each i. */
function surname(i: number): string {
  let s = '';
  for (let n = i + 26 * 26; n > 0; n = Math.floor(n / 26)) s += String.fromCharCode(97 + (n % 26));
  return `Z${s}`;
}

describe('analysis: the caches kept across documents hold names, not documents', function () {
  this.timeout(120_000);

  it('analysing many large documents leaves none of them in memory', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    // One cache for all, as a scan keeps one across its documents.
    const cache = new AnalysisCache();
    const filler = 'The delegations met again in the afternoon and the weather stayed calm. '.repeat(2000);
    const run = (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        // Each document its own string, with a new speaker and a new date window the caches keep.
        const text = `Deputy Minister Karol ${surname(i)} said on Monday, ${1 + (i % 28)} March ${1990 + (i % 30)}, that talks would resume.\n\n${filler}${i}\n`;
        analyze(text, { lexicon: BUILTIN_LEXICON, cache });
      }
    };
    run(0, 20); // the code compiled, the fixed tables built
    gc();
    const before = process.memoryUsage().heapUsed;
    run(20, 200); // 200 documents of about 150 KB: 30 MB if the caches kept them
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / (1024 * 1024);
    assert.ok(grown < 8, `the heap grew by ${grown.toFixed(1)} MB over 200 documents`);
  });
});
