/**
 * Marginalia's entry point in VS Code for the Web (`browser`, bundled as dist/web/extension.js): the shared
 * activation (activation.ts) in a web worker, every file reached through `vscode.workspace.fs`. Not here yet:
 * the scan of closed files and the export, which still read documents with Node's fs; until they read through
 * the editor, the index holds the documents open in editors.
 */
import type * as vscode from 'vscode';
import { activateMarginalia, type MarginaliaApi } from '../activation';
import { workspaceSidecarPlace } from '../features/sidecars/sidecarPlaces';

export type { MarginaliaApi } from '../activation';

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  // No OS user in a browser: an annotation's author is `marginalia.annotations.author` or none.
  return activateMarginalia(context, { sidecarPlaces: workspaceSidecarPlace, userName: () => undefined });
}

export function deactivate(): void {}
