import * as assert from 'node:assert/strict';
import type { ReanchorReply, ReanchorRequest } from '../../../src/core/anchoring/reanchorTransfer';
import { answerReanchor } from '../../../src/core/anchoring/reanchorTransfer';
import type { WebWorkerOf } from '../../../src/web/blobWorker';
import { WebReanchorClient } from '../../../src/web/webReanchorClient';
import { annotationAt } from '../sidecar/sidecarTestData';
import { buildInMemory, buildOptions, threadAsWorker } from './browserBundle';

type Worker = WebWorkerOf<ReanchorRequest, ReanchorReply>;

/**
 * The re-anchoring worker of VS Code for the Web: the real bundle of dist/web/reanchorWorker.js, in a Node worker
 * thread posing as a web Worker, behind the client the web extension uses.
 */
describe('the web re-anchoring worker (VS Code for the Web)', function () {
  this.timeout(60_000);
  let source: string;
  const original = 'MR. HARTLEY: The treaty holds. MS. OKAFOR: It does not, she said.\n';
  const moved = `A new first line.\n${original.replace('holds', 'stands')}`;
  const at = (quote: string) => annotationAt(original, original.indexOf(quote), original.indexOf(quote) + quote.length).selectors;
  const lists = () => [[at('The treaty'), at('she said')]];

  before(async () => {
    source = (await buildInMemory(buildOptions('dist/web/reanchorWorker.js'))).text;
  });

  it('places annotations in the worker as this thread does, and stops when asked', async () => {
    let started = 0;
    const client = new WebReanchorClient(async () => source, {
      createWorker: (src) => {
        started++;
        return threadAsWorker<ReanchorRequest, ReanchorReply>(src);
      },
    });
    try {
      const [first, second] = await Promise.all([client.run(lists(), moved), client.run(lists(), original)]);
      assert.deepEqual(first, (answerReanchor({ id: 0, text: moved, lists: lists() }) as { results: unknown }).results);
      assert.deepEqual(second, (answerReanchor({ id: 0, text: original, lists: lists() }) as { results: unknown }).results);
      assert.equal(started, 1, 'one worker for both requests');
      assert.equal(client.running, true);
    } finally {
      await client.stop();
    }
    assert.equal(client.running, false);
  });

  it('stops an idle worker after a while, and starts a new one for the next request', async () => {
    let started = 0;
    const client = new WebReanchorClient(async () => source, { idleStopMs: 20, createWorker: (src) => (started++, threadAsWorker<ReanchorRequest, ReanchorReply>(src)) });
    try {
      await client.run(lists(), moved);
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(client.running, false, 'stopped when idle');
      await client.run(lists(), moved);
      assert.equal(started, 2);
    } finally {
      await client.stop();
    }
  });

  it('is broken, told once, where no Worker can start or the worker fails: the caller then places annotations itself', async () => {
    const told: string[] = [];
    const none = new WebReanchorClient(async () => source, {
      createWorker: () => {
        throw new Error('this extension host has no Worker');
      },
      onBroken: (e) => told.push(e.message),
    });
    await assert.rejects(none.run(lists(), moved), /no Worker/);
    await assert.rejects(none.run(lists(), moved), /no Worker/);
    assert.deepEqual(told, ['this extension host has no Worker']);

    const failing = new WebReanchorClient(async () => source, {
      createWorker: (): Worker => {
        const worker: Worker = { onmessage: null, onerror: null, postMessage: () => setTimeout(() => worker.onerror?.({ message: 'out of memory' }), 5), terminate: () => undefined };
        return worker;
      },
    });
    await assert.rejects(failing.run(lists(), moved), /the re-anchoring worker failed: out of memory/);
    await assert.rejects(failing.run(lists(), moved), /out of memory/);
    assert.match(failing.broken?.message ?? '', /out of memory/);
  });
});
