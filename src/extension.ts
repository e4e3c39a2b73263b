/**
 * Marginalia's desktop entry point (`main`): the shared activation (activation.ts) with what only a Node
 * extension host has: Node's fs for local sidecars, the scan worker thread, the OS user, the export.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { activateMarginalia, type MarginaliaApi } from './activation';
import { ExportAnnotationsCommand, registerExportContext } from './features/export/exportCommand';
import { nodeExportHost } from './features/export/nodeExportHost';
import { workspaceSidecarPlace, type SidecarPlaces } from './features/sidecars/sidecarPlaces';
import { fileDocumentDate } from './features/fileDocumentDate';
import { NodeScannerHost } from './features/nodeScannerHost';
import { WorkspaceScanner } from './features/workspaceScanner';
import { createNodeSidecarStore } from './hosts/nodeSidecarStore';
import { ReanchorWorkerClient } from './hosts/reanchorWorkerClient';
import { ScanWorkerClient } from './hosts/scanWorkerClient';

export type { MarginaliaApi } from './activation';

/** Local folders through Node's fs (fsync, O_EXCL, realpath, lock owners' pids); others through the editor. */
const nodeSidecarPlaces: SidecarPlaces = (folder, options) => {
  if (folder.scheme !== 'file') return workspaceSidecarPlace(folder, options);
  const root = folder.fsPath;
  const store = createNodeSidecarStore({ root, cwd: root, readOnly: options.readOnly, location: options.location });
  return { store, pathOf: (uri) => uri.fsPath };
};

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  return activateMarginalia(context, {
    sidecarPlaces: nodeSidecarPlaces,
    userName,
    createScanner: (model, log) => {
      const worker = new ScanWorkerClient(path.join(context.extensionPath, 'dist', 'scanWorker.js'), {
        onBroken: (e) => log(`The scan worker stopped (${e.message}); the workspace is scanned in the editor's thread from now on.`),
      });
      return new WorkspaceScanner(model, new NodeScannerHost(worker), log);
    },
    commands: (ctx, log, lexicons) => [new ExportAnnotationsCommand(ctx.workspaceState, log, lexicons, nodeExportHost)],
    afterViews: registerExportContext,
    fileDate: fileDocumentDate,
    reanchorRunner: (log) => {
      const worker = new ReanchorWorkerClient(path.join(context.extensionPath, 'dist', 'reanchorWorker.js'), {
        onBroken: (e) => log(`The re-anchoring worker stopped (${e.message}); annotations are placed in the editor's thread from now on.`),
      });
      return { runner: worker, dispose: () => void worker.stop() };
    },
  });
}

export function deactivate(): void {}

function userName(): string | undefined {
  try {
    return os.userInfo().username || undefined;
  } catch {
    return undefined;
  }
}
