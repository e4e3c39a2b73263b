import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExportOutcome, ExportRequest } from '../../../src/features/export/exportCommand';
import { uriDirname } from '../../../src/features/uriPaths';
import { waitForActivation, workspaceRoot } from '../support/editor';
import { exists, readText, remove, scratchFolder } from '../support/files';

/** The view types of the webview tabs open now (VS Code prefixes an extension's own with `mainThreadWebview-`). */
function webviewTabs(): string[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).flatMap((t) => (t.input instanceof vscode.TabInputWebview ? [t.input.viewType] : []));
}

async function until(what: string, ok: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) assert.fail(`${what}; webview tabs: ${webviewTabs().join(', ') || 'none'}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('export from the editor: the report opens for reading', function () {
  this.timeout(60_000);
  let out: vscode.Uri;

  before(async () => {
    await waitForActivation();
  });
  beforeEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    out = scratchFolder('marginalia-report-open');
  });
  afterEach(() => remove(out));

  for (const [format, file, viewType] of [['report', 'desk.md', 'markdown.preview'], ['report-html', 'desk.html', 'marginalia.report']] as const) {
    it(`shows the ${format} just written (${viewType}), whose links reach the documents`, async () => {
      const target = vscode.Uri.joinPath(out, 'reports', file);
      const request: ExportRequest = { uris: [vscode.Uri.joinPath(workspaceRoot(), 'news-report.txt')], format, manualOnly: false, target, open: true };
      const outcome = await vscode.commands.executeCommand<ExportOutcome | undefined>('marginalia.exportAnnotations', request);
      assert.ok(outcome, 'the export ran');
      await until(`no ${viewType} tab after the export`, () => webviewTabs().some((t) => t.endsWith(viewType)));
      const text = await readText(target);
      const links = [...text.matchAll(/(?:\]\(<?|href=")([^)"#>]+)#L\d+/g)].map((m) => decodeURIComponent(m[1] as string));
      assert.ok(links.length > 0, text.slice(0, 400));
      for (const link of new Set(links)) assert.ok(await exists(vscode.Uri.joinPath(uriDirname(target), link)), `${link} does not reach a document`);
    });
  }
});
