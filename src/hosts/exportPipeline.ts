/**
 * The export pipeline both hosts share, the CLI (`marginalia export`) and the editor command: documents read
 * from disk, analysed, reconciled with their sidecars (read-only) as the editor reconciles them, and the
 * exporter's files written under the folder the user named, never outside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportViews } from '../core/export/exportViews';
import { ENGLISH, type Messages } from '../core/ports/messages';
import { fileDateUnlessPathDated, type FileDateMode } from './fileDate';
import type { ExportDocument, ExportedFile } from '../core/export/types';
import type { Entity } from '../core/model/entity';
import { describeFsError, type NodeDocumentSource } from './nodeDocumentSource';
import { readStdinDocument, STDIN } from './stdinInput';

export { countExported } from '../core/export/exportViews';

/** Where the pipeline resolves relative paths and reports what it skipped (the CLI's io; the editor's log). */
export interface PipelineIo {
  cwd: string;
  stderr(text: string): void;
}

/** The deepest folder holding every path (so output names are short and never start with `..`). */
export function commonRoot(absPaths: string[]): string {
  if (absPaths.length === 0) return '';
  let root = path.dirname(absPaths[0] as string);
  for (const p of absPaths) {
    while (!isInside(root, p)) {
      const up = path.dirname(root);
      if (up === root) return root;
      root = up;
    }
  }
  return root;
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The files of an export that already exist under `outDir` (absolute paths): what writing it would replace. */
export function existingExportFiles(outDir: string, files: readonly ExportedFile[]): string[] {
  return files.map((f) => path.resolve(outDir, ...f.path.split('/'))).filter((p) => lstatOrUndefined(p) !== undefined);
}

/**
 * Writes export files under `outDir`, refusing any that would land outside it: names are re-checked after
 * resolving, folders after following symlinks, and an existing symlink is never written through. Each file is
 * written to a temporary name and renamed, so a crash never leaves a half-written export under the real name.
 * Refusals are worded by `l10n` (the editor's Export passes `vscode.l10n`; the CLI, English).
 */
export function writeExportFiles(outDir: string, files: readonly ExportedFile[], l10n: Messages = ENGLISH): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const realOut = fs.realpathSync(outDir);
  const written: string[] = [];
  for (const file of files) {
    const target = path.resolve(realOut, ...file.path.split('/'));
    if (!isInside(realOut, target)) throw new Error(l10n.t('refusing to write {0}: outside {1}', JSON.stringify(file.path), outDir));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const realParent = fs.realpathSync(path.dirname(target));
    if (realParent !== realOut && !isInside(realOut, realParent)) {
      throw new Error(l10n.t('refusing to write {0}: its folder leads outside {1} (symbolic link)', file.path, outDir));
    }
    const existing = lstatOrUndefined(target);
    if (existing?.isSymbolicLink()) throw new Error(l10n.t('refusing to write {0}: it is a symbolic link', file.path));
    if (existing && !existing.isFile()) throw new Error(l10n.t('refusing to write {0}: it exists and is not a file', file.path));
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.marginalia-tmp-${process.pid}`);
    fs.writeFileSync(temp, file.content, { flag: 'wx' });
    try {
      fs.renameSync(temp, target);
    } catch (e) {
      fs.rmSync(temp, { force: true });
      throw e;
    }
    written.push(target);
  }
  return written;
}

/** True for an existing folder. */
export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function lstatOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}

/**
 * Reads the documents the arguments name and makes each one's view as the editor shows it (documentPipeline.ts:
 * its lexicon, its sidecar's date, annotations and rejections), ready for any exporter. Sidecars are only read.
 * Orphaned annotations cannot be exported (their text is gone) and are reported; a sidecar that fails to load
 * is an error, and its document exports its automatic mentions only. `fileDate` dates a document that has no
 * date of its own by its file (src/hosts/fileDate.ts), as the editor's setting does.
 */
export async function loadExportDocuments(
  inputs: string[],
  io: PipelineIo,
  source: NodeDocumentSource,
  explicitRoot?: string,
  fileDate: FileDateMode = 'off',
): Promise<{ documents: ExportDocument[]; entities: Entity[]; errors: string[]; absPaths: string[]; root: string }> {
  const { files, errors } = await source.collect(inputs.filter((i) => i !== STDIN));
  const readable: { abs: string; text: string }[] = [];
  // Stdin stands in the current folder (its lexicon is that folder's) under the path `-`, without a sidecar.
  const stdin = path.resolve(io.cwd, STDIN);
  if (inputs.includes(STDIN)) {
    const read = readStdinDocument();
    if (read.ok) readable.push({ abs: stdin, text: read.text });
    else io.stderr(`${STDIN}: ${read.reason}\n`);
  }
  for (const file of files) {
    const abs = path.resolve(io.cwd, file);
    try {
      const read = await source.readDocument(abs);
      if (read.ok) readable.push({ abs, text: read.text });
      else io.stderr(`${file}: ${read.reason}\n`);
    } catch (e) {
      errors.push(`${file}: ${describeFsError(e)}`);
    }
  }
  const root = commonRoot(readable.map((r) => r.abs));
  // Sidecars are only read here, so without --root the workspace is the current folder when it holds every
  // document, else the folder that does: exporting ../elsewhere still finds the sidecars beside the documents.
  const cwd = path.resolve(io.cwd);
  const sidecarRoot = explicitRoot ?? (readable.every((r) => isInside(cwd, r.abs)) ? cwd : root);
  const views = await exportViews(
    readable.map(({ abs, text }) =>
      abs === stdin
        ? { location: abs, name: STDIN, path: abs, text, standalone: true }
        : { location: abs, name: path.relative(root, abs).split(path.sep).join('/'), path: abs, text },
    ),
    source,
    { sidecarRoot, fileDate: (doc) => fileDateUnlessPathDated(doc.location, fileDate), stderr: (t) => io.stderr(t) },
  );
  errors.push(...views.errors);
  const { documents, entities } = views;
  // `root` is the folder the documents' paths are relative to: a report's links start from it.
  return { documents, entities, errors, absPaths: readable.map((r) => r.abs), root };
}

/** The way from the folder a report is written to back to the export root, as a link prefix (`../samples/`). */
export function linkBaseFor(reportFolder: string, root: string): string {
  const rel = path.relative(reportFolder, root).split(path.sep).join('/');
  return rel === '' ? '' : `${rel}/`;
}
