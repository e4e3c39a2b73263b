import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { answerReanchor } from '../../../src/core/anchoring/reanchorTransfer';
import type { Selectors } from '../../../src/core/model/annotation';
import { ReanchorWorkerClient } from '../../../src/hosts/reanchorWorkerClient';

const ROOT = path.join(__dirname, '..', '..', '..');
const WORKER_SOURCE = path.join(ROOT, 'src', 'hosts', 'reanchorWorker.ts');
const TS_WORKER = { execArgv: ['--require', 'tsx/cjs'] };

const TEXT = 'The delegation from Geneva met the delegation from Vienna about the treaty.';
const selectorsOf = (exact: string, start: number): Selectors => ({
  position: { start, end: start + exact.length },
  quote: { exact, prefix: TEXT.slice(Math.max(0, start - 8), start), suffix: TEXT.slice(start + exact.length, start + exact.length + 8) },
});
const LISTS: Selectors[][] = [[selectorsOf('Geneva', TEXT.indexOf('Geneva')), selectorsOf('Vienna', TEXT.indexOf('Vienna') + 3)]];

describe('the re-anchoring worker client', function () {
  this.timeout(30_000);

  it('answers in a real worker thread as the editor thread would, stops when idle and starts again', async () => {
    const client = new ReanchorWorkerClient(WORKER_SOURCE, { ...TS_WORKER, idleStopMs: 50 });
    try {
      const reply = answerReanchor({ id: 1, text: TEXT, lists: LISTS });
      assert.ok('results' in reply);
      assert.deepEqual(await client.run(LISTS, TEXT), reply.results);
      assert.ok(client.running);
      const deadline = Date.now() + 5000;
      while (client.running && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(!client.running, 'the idle worker was stopped');
      assert.deepEqual(await client.run(LISTS, TEXT), reply.results, 'a new worker answers the next request');
      assert.equal(client.pendingCount, 0);
    } finally {
      await client.stop();
    }
  });

  it('rejects what is pending when stopped, and every request once the worker cannot run, telling the log once', async () => {
    const stopped = new ReanchorWorkerClient(WORKER_SOURCE, TS_WORKER);
    const pending = stopped.run(LISTS, TEXT);
    await stopped.stop();
    await assert.rejects(pending, /the re-anchoring worker was stopped/);

    const told: Error[] = [];
    const client = new ReanchorWorkerClient(path.join(ROOT, 'no-such-reanchor-worker.js'), { onBroken: (e) => told.push(e) });
    await assert.rejects(client.run(LISTS, TEXT), /no-such-reanchor-worker|Cannot find module/);
    assert.ok(client.broken);
    await assert.rejects(client.run(LISTS, TEXT), (e) => e === client.broken);
    assert.ok(!client.running);
    assert.deepEqual(told, [client.broken]);
  });
});
