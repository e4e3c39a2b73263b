import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { EXTENSION_ID, waitForActivation } from '../support/editor';
import { whenIdle } from './marginaliaApi';

interface CacheStats {
  hits: number;
  misses: number;
  writes: number;
}

const cacheStats = async (): Promise<CacheStats | undefined> =>
  (await vscode.commands.executeCommand<{ cache?: CacheStats }>('marginalia.internal.stats'))?.cache;

describe('editor: analysis cache', function () {
  this.timeout(60_000);

  it('indexes a workspace again from the cache, to the same index, and analyses afresh once it is cleared', async () => {
    await waitForActivation();
    const api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
    await whenIdle();
    const snapshot = () =>
      api.index
        .uris()
        .filter((u) => !api.model.isTracked(u))
        .sort()
        .map((u) => [u, api.index.document(u)?.mentions.map((m) => [m.kind, m.start, m.end, m.entityId ?? m.value ?? ''])]);
    // Warm: written by the scan at startup (or the refresh below), then read back.
    await vscode.commands.executeCommand('marginalia.refreshEntities');
    await whenIdle();
    const before = snapshot();
    assert.ok(before.length >= 4, 'the sample documents are indexed');
    const warm0 = await cacheStats();
    assert.ok(warm0, 'the cache is on by default');
    assert.ok((await vscode.commands.executeCommand<number>('marginalia.internal.forgetScanned')) >= before.length);
    await vscode.commands.executeCommand('marginalia.refreshEntities');
    const warm1 = (await cacheStats()) as CacheStats;
    assert.ok(warm1.hits - warm0.hits >= before.length, `hits ${warm0.hits} -> ${warm1.hits}`);
    assert.equal(warm1.writes, warm0.writes, 'nothing analysed again');
    assert.deepEqual(snapshot(), before);
    // Cold: every document analysed and written again.
    await vscode.commands.executeCommand('marginalia.internal.forgetScanned', { clearCache: true });
    await vscode.commands.executeCommand('marginalia.refreshEntities');
    await whenIdle();
    const cold = (await cacheStats()) as CacheStats;
    assert.ok(cold.writes - warm1.writes >= before.length, `writes ${warm1.writes} -> ${cold.writes}`);
    assert.deepEqual(snapshot(), before);
  });
});
