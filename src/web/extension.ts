/**
 * Marginalia's entry point in VS Code for the Web (`browser`, bundled as dist/web/extension.js): the shared
 * activation (activation.ts) in a web worker, every file reached through `vscode.workspace.fs`; the scan of
 * closed files analyses in a web Worker (webScannerHost.ts). Not here yet: the export.
 */
import * as vscode from 'vscode';
import { activateMarginalia, type MarginaliaApi } from '../activation';
import { workspaceSidecarPlace } from '../features/sidecars/sidecarPlaces';
import { WorkspaceScanner } from '../features/workspaceScanner';
import { WebScannerHost } from './webScannerHost';

export type { MarginaliaApi } from '../activation';

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  // No OS user in a browser: an annotation's author is `marginalia.annotations.author` or none.
  return activateMarginalia(context, {
    sidecarPlaces: workspaceSidecarPlace,
    userName: () => undefined,
    createScanner: (model, log) => {
      const host = new WebScannerHost(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'scanWorker.js'), {
        onBroken: (e) => log(`The scan worker stopped (${e.message}); the workspace is scanned in the editor's thread from now on.`),
      });
      return new WorkspaceScanner(model, host, log);
    },
  });
}

export function deactivate(): void {}
