import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isAnalysedFolder, linkBaseFor, suggestedExportFolder } from '../../../src/features/export/exportLocation';
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
    assert.equal(suggested.fsPath, path.join(root.fsPath, '.marginalia', 'exports'));
    assert.equal(isAnalysedFolder(suggested), false);
    // A last folder inside the analysed set is not suggested again; one outside it is.
    assert.equal(suggestedExportFolder(root.fsPath, root, root).fsPath, suggested.fsPath);
    const outside = path.join(path.dirname(root.fsPath), 'reports-elsewhere');
    assert.equal(suggestedExportFolder(outside, root, root).fsPath, outside);
    assert.equal(isAnalysedFolder(vscode.Uri.file(outside)), false);
  });

  it('links the report back to the documents from where it is written', () => {
    const root = workspaceRoot().fsPath;
    assert.equal(linkBaseFor(root, root), '');
    assert.equal(linkBaseFor(path.join(root, '.marginalia', 'exports'), root), '../../');
  });
});
