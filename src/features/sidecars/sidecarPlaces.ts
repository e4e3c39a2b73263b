/**
 * Where a workspace folder's sidecars are read and written: its {@link SidecarStore} and how the folder's Uris map
 * to the store's paths. The host decides: the desktop extension keeps Node's fs for `file:` folders (fsync,
 * O_EXCL, symlinks resolved, locks of dead processes broken), and every host uses `vscode.workspace.fs` for the
 * rest: VS Code for the Web, remote and virtual folders.
 */
import * as vscode from 'vscode';
import type { SidecarLocation } from '../../core/sidecar/sidecarPaths';
import { SidecarStore } from '../../core/sidecar/sidecarStore';
import { WorkspaceFileSystem } from './workspaceFileSystem';

export interface SidecarPlace {
  readonly store: SidecarStore;
  /** The store's path of a Uri of this folder. */
  pathOf(uri: vscode.Uri): string;
}

export interface SidecarPlaceOptions {
  readOnly: boolean;
  location: SidecarLocation;
}

/** Builds the place of a workspace folder (given by its Uri). */
export type SidecarPlaces = (folder: vscode.Uri, options: SidecarPlaceOptions) => SidecarPlace;

/**
 * A folder's sidecars over `vscode.workspace.fs`. Without process ids a lock is judged stale by its age only,
 * and temp files carry a random tag rather than a pid (two windows never share names).
 */
export function workspaceSidecarPlace(folder: vscode.Uri, options: SidecarPlaceOptions): SidecarPlace {
  const fs = new WorkspaceFileSystem(folder);
  const store = new SidecarStore({ fs, root: folder.path, readOnly: options.readOnly, location: options.location, l10n: vscode.l10n });
  return { store, pathOf: (uri) => uri.path };
}
