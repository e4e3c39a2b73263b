import * as vscode from 'vscode';
import { isSidecarStoreName } from '../core/sidecar/sidecarPaths';
import { excludeGlob, matchesGlob } from './servedDocuments';
import { readSettings } from './settings';

/**
 * The served documents under a folder that has just appeared in the workspace, or none when `uri` is not a folder.
 * A folder moved or copied in is reported by the file watcher as the folder alone, never as the documents it
 * holds, and a file written into a folder made a moment before can be missed the same way; so a created folder is
 * listed. Names the scan glob matches are left to its own watcher; the sidecar store's temp and lock files, most
 * of the workspace's creates, and excluded paths are not even looked at.
 */
export async function documentsInCreatedFolder(uri: vscode.Uri): Promise<vscode.Uri[]> {
  if (isSidecarStoreName(uri.path.slice(uri.path.lastIndexOf('/') + 1))) return [];
  // What an install or a build writes (node_modules, out) is excluded: no stat, no listing for each of its files.
  const s = readSettings(uri);
  if (matchesGlob(uri, [s.scanGlob]) || matchesGlob(uri, s.excludeGlobs)) return [];
  try {
    if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) {
      return await vscode.workspace.findFiles(new vscode.RelativePattern(uri, s.scanGlob), excludeGlob(s.excludeGlobs), s.maxFiles);
    }
  } catch {
    // Gone again before it was looked at: its delete is handled on its own.
  }
  return [];
}
