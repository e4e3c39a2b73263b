/**
 * The export pipeline both hosts share, the CLI (`marginalia export`) and the editor command: documents read
 * from disk, analysed, reconciled with their sidecars (read-only) as the editor reconciles them, and the
 * exporter's files written under the folder the user named, never outside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dateFromPath } from '../core/recognizers/dates/pathDate';
import { fileDateSync, type FileDateMode } from './fileDate';
import { DocumentAnalyzer } from '../core/analyze';
import { documentFromView, toExportMention } from '../core/export/fromView';
import { prepareDocuments } from '../core/export/prepare';
import type { ExportDocument, ExportMention, ExportMetadata, ExportOptions, ExportedFile } from '../core/export/types';
import { reconcile } from '../core/model/documentView';
import type { Entity } from '../core/model/entity';
import type { Mention } from '../core/model/mention';
import type { SidecarStore } from '../core/sidecar/sidecarStore';
import { collectDocuments, describeFsError } from './collectDocuments';
import { readDocumentFileSync } from './documentFile';
import { loadLexiconForPath } from './lexiconLoader';

/** Where the pipeline resolves relative paths and reports what it skipped (the CLI's io; the editor's log). */
export interface PipelineIo {
  cwd: string;
  stderr(text: string): void;
}

/** Where a document's manual annotations come from (the sidecar store; tests plug in their own). */
export interface ManualSource {
  /**
   * The mentions to export (auto reconciled with manual), metadata, `problems` that make the run fail (a
   * sidecar that cannot be read) and `warnings` that do not (orphaned annotations).
   */
  load(
    absPath: string,
    text: string,
    auto: Mention[],
  ): Promise<{ mentions: ExportMention[]; metadata?: ExportMetadata; problems: string[]; warnings?: string[] }>;
}

/**
 * Manual annotations from the documents' sidecars, reconciled with the automatic mentions exactly as the
 * editor does (manual wins, rejected autos removed, annotations re-anchored on the current text). Orphans
 * cannot be exported (their text is gone) and are reported; a sidecar that fails to load is reported and
 * that document exports its automatic mentions only.
 */
export function sidecarManualSource(store: SidecarStore): ManualSource {
  return {
    async load(absPath, text, auto) {
      let file;
      try {
        file = await store.open(absPath);
      } catch (e) {
        return { mentions: auto, problems: [`${absPath}: sidecar not read: ${e instanceof Error ? e.message : String(e)} (see --root)`] };
      }
      if (file.state === 'failed') {
        return { mentions: auto, problems: [`${file.path} cannot be loaded; its manual annotations are not exported:`, ...file.problems.map((p) => `  ${p}`)] };
      }
      const view = reconcile(auto, file.sidecar, text);
      const doc = documentFromView(absPath, text, view);
      const warnings = view.orphans.map((o) => `${file.path}: annotation ${o.item.id} not exported: ${o.message}`);
      return { mentions: doc.mentions, metadata: doc.metadata, problems: [], warnings };
    },
  };
}

/** No sidecar support: the automatic mentions as they are. */
export const NO_MANUAL_SOURCE: ManualSource = {
  async load(_absPath, _text, auto) {
    return { mentions: auto, problems: [] };
  },
};

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
 */
export function writeExportFiles(outDir: string, files: readonly ExportedFile[]): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const realOut = fs.realpathSync(outDir);
  const written: string[] = [];
  for (const file of files) {
    const target = path.resolve(realOut, ...file.path.split('/'));
    if (!isInside(realOut, target)) throw new Error(`refusing to write ${JSON.stringify(file.path)}: outside ${outDir}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const realParent = fs.realpathSync(path.dirname(target));
    if (realParent !== realOut && !isInside(realOut, realParent)) {
      throw new Error(`refusing to write ${file.path}: its folder leads outside ${outDir} (symbolic link)`);
    }
    const existing = lstatOrUndefined(target);
    if (existing?.isSymbolicLink()) throw new Error(`refusing to write ${file.path}: it is a symbolic link`);
    if (existing && !existing.isFile()) throw new Error(`refusing to write ${file.path}: it exists and is not a file`);
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
 * Reads, analyses and reconciles the documents the arguments name, ready for any exporter. `fileDate` dates a
 * document that has no date of its own by its file (src/hosts/fileDate.ts), as the editor's setting does.
 */
export async function loadExportDocuments(
  inputs: string[],
  io: PipelineIo,
  manualFor: (root: string) => ManualSource,
  explicitRoot?: string,
  fileDate: FileDateMode = 'off',
): Promise<{ documents: ExportDocument[]; entities: Entity[]; errors: string[]; absPaths: string[] }> {
  const { files, errors } = collectDocuments(inputs, io.cwd);
  const readable: { abs: string; text: string }[] = [];
  for (const file of files) {
    const abs = path.resolve(io.cwd, file);
    try {
      const read = readDocumentFileSync(abs);
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
  const manual = manualFor(explicitRoot ?? (readable.every((r) => isInside(cwd, r.abs)) ? cwd : root));
  const entities = new Map<string, Entity>();
  const documents: ExportDocument[] = [];
  for (const { abs, text } of readable) {
    const { lexicon, problems } = loadLexiconForPath(abs);
    for (const p of problems) io.stderr(`${p}\n`);
    const fallbackDate = dateFromPath(abs) ?? fileDateSync(abs, fileDate);
    let result = new DocumentAnalyzer({ lexicon, fallbackDate }).analyze(text);
    let loaded = await manual.load(abs, text, result.mentions);
    // A date the user set in the sidecar beats every other, as in the editor: analyse again against it.
    const setDate = loaded.metadata?.date;
    if (setDate && setDate !== result.documentDate?.value) {
      result = new DocumentAnalyzer({ lexicon, documentDate: setDate, fallbackDate }).analyze(text);
      loaded = await manual.load(abs, text, result.mentions);
    }
    for (const e of result.entities) if (!entities.has(e.id)) entities.set(e.id, e);
    errors.push(...loaded.problems);
    for (const w of loaded.warnings ?? []) io.stderr(`${w}\n`);
    const metadata: ExportMetadata = { ...loaded.metadata };
    if (!metadata.date && result.documentDate) metadata.date = result.documentDate.value;
    documents.push({
      path: path.relative(root, abs).split(path.sep).join('/'),
      text,
      mentions: loaded.mentions.map(toExportMention),
      metadata,
    });
  }
  return { documents, entities: [...entities.values()], errors, absPaths: readable.map((r) => r.abs) };
}

/** How many annotations an export writes: the exporters' own selection (manual-only, layers, duplicates). */
export function countExported(documents: readonly ExportDocument[], options: ExportOptions): number {
  return prepareDocuments(documents, options, []).reduce((n, d) => n + d.mentions.length, 0);
}
