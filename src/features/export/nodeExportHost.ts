/**
 * The desktop's export host (see exportHost.ts): the CLI's own pipeline (src/hosts/exportPipeline.ts) on local
 * files, documents as saved on disk, sidecars read-only, files written inside the chosen folder only (symbolic
 * links resolved and refused, each file renamed into place).
 */
import * as vscode from 'vscode';
import { loadExportDocuments, writeExportFiles } from '../../hosts/exportPipeline';
import { NodeDocumentSource } from '../../hosts/nodeDocumentSource';
import { fileDateModeFor } from '../fileDocumentDate';
import type { ExportHost } from './exportHost';

export const nodeExportHost: ExportHost = {
  canExport: (uri) => uri.scheme === 'file',
  cannotExportMessage: () => vscode.l10n.t('Marginalia can export documents on the local file system only (file: URIs).'),

  async load(uris, root, lexicons) {
    const problems: string[] = [];
    const io = { cwd: root.fsPath, stderr: (t: string) => problems.push(t.trimEnd()) };
    // The lexicon each document is analysed with in the editor (marginalia.lexicon.path, Restricted Mode).
    const source = new NodeDocumentSource({ cwd: root.fsPath, lexiconFor: (abs) => lexicons.lexiconFor(vscode.Uri.file(abs)) });
    const loaded = await loadExportDocuments(
      uris.map((u) => u.fsPath),
      io,
      source,
      root.fsPath,
      fileDateModeFor(uris[0] as vscode.Uri),
    );
    return {
      documents: loaded.documents,
      uris: loaded.absPaths.map((p) => vscode.Uri.file(p)),
      entities: loaded.entities,
      root: vscode.Uri.file(loaded.root),
      problems: [...problems, ...loaded.errors],
    };
  },

  async write(folder, files) {
    return writeExportFiles(folder.fsPath, files, vscode.l10n).map((p) => vscode.Uri.file(p));
  },
};
