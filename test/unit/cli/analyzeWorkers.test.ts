/**
 * `analyze --jobs N`'s side of the main thread (analyzeWorkers.ts), driven with a stand-in worker that speaks its
 * protocol: results handed on in the files' order whatever order the workers answer in, and the batch done only
 * once the workers have stopped (their spool files closed, their memory freed).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeInWorkers } from '../../../src/cli/analyzeWorkers';

/** Answers each file after a delay that varies (later files often first); on 'done', stops a while later. */
const STANDIN = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (task) => {
  if (task === 'done') return void setTimeout(() => parentPort.close(), 400);
  const json = JSON.stringify({ path: task.file });
  setTimeout(() => parentPort.postMessage({ index: task.index, result: { json, people: [], notes: [] } }), (task.index * 7) % 5);
});
`;

describe('analyze --jobs: the worker threads', function () {
  this.timeout(20_000);
  let dir: string;
  let entry: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-workers-'));
    entry = path.join(dir, 'standin.js');
    fs.writeFileSync(entry, STANDIN);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('hands on the results in the order of the files, and resolves once the workers have stopped', async () => {
    const files = Array.from({ length: 40 }, (_, i) => `doc-${i}.txt`);
    const got: string[] = [];
    const settings = { cwd: dir, documentDate: undefined, fileDate: 'off' as const, spoolFolder: dir };
    const started = Date.now();
    await analyzeInWorkers(files, 3, entry, settings, (r) => got.push((JSON.parse(r.json as string) as { path: string }).path));
    assert.deepEqual(got, files);
    assert.ok(Date.now() - started >= 400, 'after the stand-ins stopped');
  });
});
