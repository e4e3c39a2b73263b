/**
 * The export host of VS Code for the Web (see features/export/exportHost.ts): documents and sidecars read
 * through `vscode.workspace.fs` (the editor's document source), viewed by the core's exportViews.ts as the
 * desktop's export views them, and the files written through `vscode.workspace.fs` under the chosen folder.
 * Weaker than the desktop's writes: the browser's file API cannot resolve a symbolic link, so a link in the way is
 * refused as soon as it is seen (the `SymbolicLink` flag of each folder and file on the way) rather than followed
 * and checked; a file is written under a temporary name and renamed into place, with no fsync.
 */
import * as vscode from 'vscode';
import { exportViews, type ReadForExport } from '../core/export/exportViews';
import { safeRelativePath } from '../core/export/paths';
import type { ExportedFile } from '../core/export/types';
import type { LexiconLookup } from '../core/ports/documentSource';
import { EditorDocumentSource } from '../features/editorDocumentSource';
import type { ExportHost } from '../features/export/exportHost';
import type { LexiconService } from '../features/lexiconService';
import { uriBasename, uriDirname, uriRelative } from '../features/uriPaths';
import { webFileDate } from './webFileDate';

/** The editor's document source, with the lexicon each document is analysed with in the editor. */
class ExportSource extends EditorDocumentSource {
  constructor(private readonly lexicons: LexiconService) {
    super();
  }

  override async lexiconFor(location: string): Promise<LexiconLookup> {
    return { lexicon: this.lexicons.lexiconFor(vscode.Uri.parse(location)), problems: [] };
  }
}

export const webExportHost: ExportHost = {
  // Any file system the editor serves: the workspace's (vscode-vfs: on github.dev, vscode-remote:...).
  canExport: () => true,
  cannotExportMessage: () => '',

  async load(uris, root, lexicons) {
    const problems: string[] = [];
    const source = new ExportSource(lexicons);
    const documents = await collect(uris, source, problems);
    const readable: { uri: vscode.Uri; text: string }[] = [];
    for (const uri of documents) {
      try {
        const read = await source.readDocument(uri.toString());
        if (read.ok) readable.push({ uri, text: read.text });
        else problems.push(`${uri.toString()}: ${read.reason}`);
      } catch (e) {
        problems.push(`${uri.toString()}: ${describe(e)}`);
      }
    }
    const base = commonFolder(readable.map((r) => r.uri)) ?? root;
    const docs: ReadForExport[] = readable.map(({ uri, text }) => ({
      location: uri.toString(),
      name: uriRelative(base, uri) || uriBasename(uri),
      path: uri.path,
      text,
    }));
    const views = await exportViews(docs, source, {
      fileDate: (doc) => webFileDate(vscode.Uri.parse(doc.location)),
      stderr: (t) => problems.push(t.trimEnd()),
    });
    problems.push(...views.errors);
    return { documents: views.documents, uris: readable.map((r) => r.uri), entities: views.entities, root: base, problems };
  },

  async write(folder, files) {
    await vscode.workspace.fs.createDirectory(folder);
    const written: vscode.Uri[] = [];
    for (const file of files) written.push(await writeUnder(folder, file));
    return written;
  },
};

/** The documents `uris` name, folders listed (links to folders not followed), each once, in order. */
async function collect(uris: readonly vscode.Uri[], source: EditorDocumentSource, problems: string[]): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const uri of uris) {
    let type: vscode.FileType;
    try {
      type = (await vscode.workspace.fs.stat(uri)).type;
    } catch (e) {
      problems.push(`${uri.toString()}: ${describe(e)}`);
      continue;
    }
    if (type & vscode.FileType.Directory) {
      const listed = await source.listDocuments(uri.toString(), (dir, e) => problems.push(`${dir}: ${describe(e)}`));
      for (const location of listed) found.set(location, vscode.Uri.parse(location));
    } else found.set(uri.toString(), uri);
  }
  return [...found.values()];
}

/** The deepest folder holding every Uri (so export names are short and never climb), or undefined for none. */
function commonFolder(uris: readonly vscode.Uri[]): vscode.Uri | undefined {
  const first = uris[0];
  if (!first) return undefined;
  let folder = uriDirname(first);
  while (!uris.every((u) => uriRelative(folder, u))) {
    const up = uriDirname(folder);
    if (up.path === folder.path) return undefined;
    folder = up;
  }
  return folder;
}

/**
 * Writes one export file under `folder`: its name re-checked (no absolute path, no `..`), every folder on the way
 * and the file itself refused when it is a symbolic link or not what it should be, written to a temporary name
 * and renamed over the file, so an interrupted export never leaves a half-written file under the real name.
 */
async function writeUnder(folder: vscode.Uri, file: ExportedFile): Promise<vscode.Uri> {
  const segments = safeRelativePath(file.path).split('/');
  let parent = folder;
  for (const segment of [undefined, ...segments.slice(0, -1)]) {
    if (segment !== undefined) parent = vscode.Uri.joinPath(parent, segment);
    const type = await typeOf(parent);
    if (type === undefined) await vscode.workspace.fs.createDirectory(parent);
    else if (type & vscode.FileType.SymbolicLink) throw new Error(vscode.l10n.t('refusing to write {0}: {1} is a symbolic link', file.path, parent.toString()));
    else if (!(type & vscode.FileType.Directory)) throw new Error(vscode.l10n.t('refusing to write {0}: {1} is not a folder', file.path, parent.toString()));
  }
  const name = segments[segments.length - 1] as string;
  const target = vscode.Uri.joinPath(parent, name);
  const existing = await typeOf(target);
  if (existing !== undefined && existing & vscode.FileType.SymbolicLink) throw new Error(vscode.l10n.t('refusing to write {0}: it is a symbolic link', file.path));
  if (existing !== undefined && !(existing & vscode.FileType.File)) throw new Error(vscode.l10n.t('refusing to write {0}: it exists and is not a file', file.path));
  const temp = vscode.Uri.joinPath(parent, `.${name}.marginalia-tmp-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(file.content));
  try {
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (e) {
    await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
    throw e;
  }
  return target;
}

async function typeOf(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type;
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}

function describe(e: unknown): string {
  if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return 'no such file or folder';
  return e instanceof Error ? e.message : String(e);
}
