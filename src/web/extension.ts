/**
 * Marginalia's entry point in VS Code for the Web (`browser`, bundled as dist/web/extension.js): the shared
 * activation (activation.ts) in a web worker, every file reached through `vscode.workspace.fs`; the scan of
 * closed files analyses in a web Worker (webScannerHost.ts); the export writes through `vscode.workspace.fs`
 * (webExportHost.ts); a document's file date is its modification time (webFileDate.ts); a large document's
 * annotations are re-anchored in a second web Worker (webReanchorClient.ts).
 */
import * as vscode from 'vscode';
import { activateMarginalia, type MarginaliaApi } from '../activation';
import { ExportAnnotationsCommand, registerExportContext } from '../features/export/exportCommand';
import { workspaceSidecarPlace } from '../features/sidecars/sidecarPlaces';
import { WorkspaceScanner } from '../features/workspaceScanner';
import { webExportHost } from './webExportHost';
import { WebFileDates } from './webFileDate';
import { WebReanchorClient } from './webReanchorClient';
import { WebScannerHost } from './webScannerHost';

export type { MarginaliaApi } from '../activation';

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  const fileDates = new WebFileDates();
  // No OS user in a browser: an annotation's author is `marginalia.annotations.author` or none.
  const api = activateMarginalia(context, {
    sidecarPlaces: workspaceSidecarPlace,
    userName: () => undefined,
    createScanner: (model, log) => {
      const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'scanWorker.js');
      const host = new WebScannerHost(script, fileDates, {
        onBroken: (e) => log(`The scan worker stopped (${e.message}); the workspace is scanned in the editor's thread from now on.`),
      });
      return new WorkspaceScanner(model, host, log);
    },
    commands: (ctx, log, lexicons) => [new ExportAnnotationsCommand(ctx.workspaceState, log, lexicons, webExportHost)],
    afterViews: registerExportContext,
    fileDate: (uri) => fileDates.dateOf(uri),
    reanchorRunner: (log) => {
      const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'reanchorWorker.js');
      const worker = new WebReanchorClient(async () => new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(script)), {
        onBroken: (e) => log(`The re-anchoring worker stopped (${e.message}); annotations are placed in the editor's thread from now on.`),
      });
      return { runner: worker, dispose: () => void worker.stop() };
    },
  });
  context.subscriptions.push(fileDates, fileDates.onDidChange((uri) => api.model.fileDateChanged(uri)));
  return api;
}

export function deactivate(): void {}
