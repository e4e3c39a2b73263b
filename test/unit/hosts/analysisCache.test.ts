import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { mergeLexicons, parseWorkspaceLexicon } from '../../../src/core/lexicon/workspaceLexicon';
import { AnalysisCache } from '../../../src/hosts/analysisCache';

const TEXT = 'GENEVA, March 4, 2025 — "We will not wait," said Helena Marsh of the New START talks on Tuesday.\n';

describe('AnalysisCache', () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cache-')), 'analysis-cache');
  });
  afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('gives back what was stored, writes it in the background, and a new session reads it as JSON carries it', async () => {
    const cache = new AnalysisCache(dir, 'build-1');
    const key = cache.key(TEXT, BUILTIN_LEXICON, undefined);
    assert.equal(cache.get(key), undefined);
    const result = analyze(TEXT, { lexicon: BUILTIN_LEXICON });
    cache.put(key, result);
    assert.equal(cache.get(key), result, 'at once, from memory');
    await cache.whenWritten();
    assert.deepEqual(cache.stats, { hits: 1, misses: 1, writes: 1 });
    assert.deepEqual(new AnalysisCache(dir, 'build-1').get(key), JSON.parse(JSON.stringify(result)));
  });

  it('holds writing back while a scan runs, and writes when it ends', async () => {
    const cache = new AnalysisCache(dir, 'build-1');
    const key = cache.key(TEXT, BUILTIN_LEXICON, undefined);
    cache.beginSweep();
    cache.put(key, analyze(TEXT, { lexicon: BUILTIN_LEXICON }));
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(cache.stats.writes, 0, 'nothing written during the scan');
    await cache.endSweep();
    await cache.whenWritten();
    assert.equal(cache.stats.writes, 1);
    assert.ok(new AnalysisCache(dir, 'build-1').get(key));
  });

  it('keys on everything the result depends on: text, lexicon, reference date, build', () => {
    const cache = new AnalysisCache(dir, 'build-1');
    const key = cache.key(TEXT, BUILTIN_LEXICON, undefined);
    const workspaceLexicon = mergeLexicons(BUILTIN_LEXICON, parseWorkspaceLexicon('treaties:\n  - id: treaty:new-start\n    aliases: [Prague Deal]\n', 'lexicon.yaml').lexicon);
    const others = [
      cache.key(`${TEXT} `, BUILTIN_LEXICON, undefined),
      cache.key(TEXT, workspaceLexicon, undefined),
      cache.key(TEXT, BUILTIN_LEXICON, '2025-03-04'),
      new AnalysisCache(dir, 'build-2').key(TEXT, BUILTIN_LEXICON, undefined),
    ];
    assert.equal(new Set([key, ...others]).size, 5);
    assert.equal(cache.key(TEXT, BUILTIN_LEXICON, undefined), key, 'the same inputs give the same key');
  });

  it('treats a corrupt entry as a miss and removes it', async () => {
    const cache = new AnalysisCache(dir, 'build-1');
    const key = cache.key(TEXT, BUILTIN_LEXICON, undefined);
    cache.put(key, analyze(TEXT, { lexicon: BUILTIN_LEXICON }));
    await cache.whenWritten();
    const file = path.join(dir, `${key}.json.gz`);
    fs.writeFileSync(file, 'not gzip');
    const later = new AnalysisCache(dir, 'build-1');
    assert.equal(later.get(key), undefined);
    assert.ok(!fs.existsSync(file));
  });

  it('ignores a failure to write (storage that cannot be written)', async () => {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(dir, 'a file where the folder should be');
    const cache = new AnalysisCache(dir, 'build-1');
    const key = cache.key(TEXT, BUILTIN_LEXICON, undefined);
    cache.put(key, analyze(TEXT, { lexicon: BUILTIN_LEXICON }));
    await cache.whenWritten();
    assert.equal(cache.stats.writes, 0);
    assert.equal(new AnalysisCache(dir, 'build-1').get(key), undefined);
  });

  it('after a full scan, removes the entries no document used (and leftovers of interrupted writes)', async () => {
    const cache = new AnalysisCache(dir, 'build-1');
    const keep = cache.key(TEXT, BUILTIN_LEXICON, undefined);
    const gone = cache.key(`${TEXT}Later.`, BUILTIN_LEXICON, undefined);
    const result = analyze(TEXT, { lexicon: BUILTIN_LEXICON });
    cache.put(keep, result);
    cache.put(gone, result);
    await cache.whenWritten();
    fs.writeFileSync(path.join(dir, `${keep}.json.gz.123.tmp`), 'half written');
    cache.beginSweep();
    assert.ok(cache.get(keep));
    assert.equal(await cache.endSweep(), 2);
    assert.deepEqual(fs.readdirSync(dir), [`${keep}.json.gz`]);
    assert.equal(await cache.endSweep(), 0, 'no sweep without a scan begun');
  });
});
