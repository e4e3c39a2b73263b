import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { errorCode } from '../../../src/core/ports/fileSystem';
import { createAnnotation } from '../../../src/core/sidecar/annotationEdits';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { workspaceSidecarPlace } from '../../../src/features/sidecars/sidecarPlaces';
import { WorkspaceFileSystem } from '../../../src/features/sidecars/workspaceFileSystem';
import { workspaceRoot } from '../support/editor';
import { readText, remove, writeText } from '../support/files';

/**
 * The core's file-system port over `vscode.workspace.fs`, which the web host's sidecar store and lock stand on:
 * the errno codes and the refusals the lock relies on, in whichever host runs the suite.
 */
describe('sidecars over vscode.workspace.fs', function () {
  this.timeout(60_000);
  let folder: vscode.Uri;
  let fs: WorkspaceFileSystem;
  const at = (name: string) => `${folder.path}/${name}`;
  const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => errorCode(e));

  beforeEach(async () => {
    folder = vscode.Uri.joinPath(workspaceRoot(), `zz-wfs-${Date.now().toString(36)}`);
    await vscode.workspace.fs.createDirectory(folder);
    fs = new WorkspaceFileSystem(workspaceRoot());
  });

  afterEach(() => remove(folder));

  it('answers with the errno codes the store and the lock read', async () => {
    assert.equal(await codeOf(fs.readFile(at('missing.yaml'))), 'ENOENT');
    assert.equal(await fs.stat(at('missing.yaml')), undefined);
    assert.equal(await codeOf(fs.realpath(at('missing'))), 'ENOENT');
    await fs.writeFile(at('a.yaml'), new TextEncoder().encode('one'), { exclusive: true });
    assert.equal(await codeOf(fs.writeFile(at('a.yaml'), new TextEncoder().encode('two'), { exclusive: true })), 'EEXIST');
    assert.equal(await readText(vscode.Uri.joinPath(folder, 'a.yaml')), 'one', 'an exclusive write never replaces');
    assert.deepEqual(await fs.stat(at('a.yaml')).then((s) => s?.type), 'file');
    await fs.deleteFile(at('a.yaml'));
    await fs.deleteFile(at('a.yaml'));
    assert.equal(await fs.stat(at('a.yaml')), undefined, 'deleting what is gone resolves');
  });

  it('replaces a file by rename, but never places a folder over another: two writers cannot both hold a lock', async () => {
    await writeText(vscode.Uri.joinPath(folder, 'target.yaml'), 'old');
    await writeText(vscode.Uri.joinPath(folder, 'temp.yaml'), 'new');
    await fs.rename(at('temp.yaml'), at('target.yaml'));
    assert.equal(await readText(vscode.Uri.joinPath(folder, 'target.yaml')), 'new');
    assert.equal(await fs.stat(at('temp.yaml')), undefined);

    for (const name of ['lock/owner-a', 'staging/owner-b']) await writeText(vscode.Uri.joinPath(folder, name), name);
    assert.equal(await codeOf(fs.rename(at('staging'), at('lock'))), 'EEXIST');
    assert.deepEqual(await fs.readDirectory(at('lock')), ['owner-a'], 'the held lock is untouched');
    assert.equal(await codeOf(fs.removeDirectory(at('lock'))), 'ENOTEMPTY');
    await fs.deleteFile(at('lock/owner-a'));
    await fs.removeDirectory(at('lock'));
    await fs.rename(at('staging'), at('lock'));
    assert.deepEqual(await fs.readDirectory(at('lock')), ['owner-b']);
  });

  it('merges three writers saving the same sidecar at once, round after round: every annotation kept, no lock or temp file left', async () => {
    const text = 'MR. HARTLEY: The INF Treaty ended on August 2, 2019.\n';
    const spans: Array<[number, number, 'speaker' | 'treaty' | 'date']> = [
      [0, 11, 'speaker'],
      [17, 27, 'treaty'],
      [37, 51, 'date'],
    ];
    for (let round = 0; round < 4; round++) {
      const doc = vscode.Uri.joinPath(folder, `doc-${round}.txt`);
      await writeText(doc, text);
      const files = await Promise.all(spans.map(() => workspaceSidecarPlace(workspaceRoot(), { readOnly: false, location: {} }).store.open(doc.path)));
      const now = new Date().toISOString();
      files.forEach((f, i) => {
        const [start, end, kind] = spans[i] as [number, number, 'speaker' | 'treaty' | 'date'];
        f.edit({ type: 'putAnnotation', annotation: createAnnotation(text, start, end, { kind }, { now }) });
      });
      const results = await Promise.all(files.map((f) => f.save()));
      assert.ok(results.some((r) => r.merged), 'a later save saw an earlier one and merged it');
      const parsed = parseSidecar(await readText(vscode.Uri.joinPath(folder, `doc-${round}.txt.annotations.yaml`)));
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.sidecar.annotations.map((a) => a.selectors.quote.exact).sort(), ['August 2, 2019', 'INF Treaty', 'MR. HARTLEY']);
    }
    const left = (await fs.readDirectory(folder.path)).filter((n) => !/^doc-\d\.txt(\.annotations\.yaml)?$/.test(n));
    assert.deepEqual(left, []);
  });
});
