import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { isAnalysedFolder, linkBaseFor, suggestedExportFolder } from '../../../src/features/export/exportLocation';
import { uriDirname } from '../../../src/features/uriPaths';
import { waitForActivation, workspaceRoot } from '../support/editor';

describe('export: where a report goes by default', () => {
  before(async () => {
    await waitForActivation();
  });

  it('never suggests a folder whose files Marginalia analyses', () => {
    const root = workspaceRoot();
    // The workspace itself is analysed: a report written there would be read as a document.
    assert.equal(isAnalysedFolder(root), true);
    const suggested = suggestedExportFolder(undefined, root, root);
    assert.equal(suggested.toString(), vscode.Uri.joinPath(root, '.marginalia', 'exports').toString());
    assert.equal(isAnalysedFolder(suggested), false);
    // A last folder inside the analysed set is not suggested again; one outside it is.
    assert.equal(suggestedExportFolder(root.toString(), root, root).toString(), suggested.toString());
    const outside = vscode.Uri.joinPath(uriDirname(root), 'reports-elsewhere');
    assert.equal(suggestedExportFolder(outside.toString(), root, root).toString(), outside.toString());
    assert.equal(isAnalysedFolder(outside), false);
  });

  it('takes the last folder as a local path too, as earlier versions kept it', function () {
    // Earlier versions kept a local path only on the desktop; a workspace not on `file:` (the web host) never had one.
    if (workspaceRoot().scheme !== 'file') this.skip();
    const outside = vscode.Uri.joinPath(uriDirname(workspaceRoot()), 'reports-elsewhere');
    assert.equal(suggestedExportFolder(outside.fsPath, workspaceRoot(), workspaceRoot()).fsPath, outside.fsPath);
  });

  it('links the report back to the documents from where it is written', () => {
    const root = workspaceRoot();
    assert.equal(linkBaseFor(root, root), '');
    assert.equal(linkBaseFor(vscode.Uri.joinPath(root, '.marginalia', 'exports'), root), '../../');
    assert.equal(linkBaseFor(root, vscode.Uri.joinPath(root, 'a', 'b')), 'a/b/');
    const elsewhere = vscode.Uri.joinPath(uriDirname(root), 'out');
    assert.equal(linkBaseFor(elsewhere, root), `../${root.path.split('/').pop()}/`);
  });
});
