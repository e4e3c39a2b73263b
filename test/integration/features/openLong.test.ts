import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { EXTENSION_ID, waitFor, waitForActivation } from '../support/editor';
import { longText } from './longText';
import { waitForDecorations, whenIdle } from './marginaliaApi';

describe('editor: opening a long document', function () {
  this.timeout(60_000);

  it('analyses it in steps: the extension host answers meanwhile, and the whole text is indexed and decorated', async () => {
    await waitForActivation();
    const api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
    await whenIdle();
    const content = longText(800_000);
    // The longest the extension host's thread did not get to a 5 ms timer while the document was analysed.
    let last = performance.now();
    let maxLagMs = 0;
    const ticks = setInterval(() => {
      const now = performance.now();
      maxLagMs = Math.max(maxLagMs, now - last - 5);
      last = now;
    }, 5);
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
    const uri = document.uri.toString();
    try {
      await waitFor(() => api.index.document(uri) !== undefined, 'the long document indexed', 30_000);
      clearInterval(ticks);
      const analysisMs = api.model.stats.lastAnalysisMs;
      const mentions = api.index.document(uri)?.mentions ?? [];
      assert.ok(mentions.some((m) => m.start > content.length - 500), 'mentions up to the end of the text');
      // All in one go, the analysis held the thread for all of its duration.
      assert.ok(maxLagMs < analysisMs * 0.75, `the host was held ${maxLagMs.toFixed(0)} ms at once, of an analysis of ${analysisMs.toFixed(0)} ms`);
      await vscode.window.showTextDocument(document);
      await waitForDecorations(document, (d) => (d.ranges.treaty?.length ?? 0) > 0, 'the long document decorated', 30_000);
    } finally {
      clearInterval(ticks);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
