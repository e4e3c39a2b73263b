import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXPORT_FORMATS, exportDocuments, exportFormat } from '../core/export/registry';
import type { ExportFormat, ExportedFile } from '../core/export/types';
import { countExported, existingExportFiles, isDirectory, linkBaseFor, loadExportDocuments, writeExportFiles } from '../hosts/exportPipeline';
import { NodeDocumentSource } from '../hosts/nodeDocumentSource';
import { parseFileDateMode, type FileDateMode } from '../hosts/fileDate';
import { parseCommandArgs } from './cliArgs';
import { UsageError, type CliCommand, type CliIo } from './cliIo';

const DEFAULT_OUT = 'marginalia-export';

const USAGE = `Usage: marginalia export --format F [--out PATH] [--manual-only] <files or folders...>

Exports the annotations of the documents (found automatically, plus the manual ones in their sidecars).
  --format F       one of:
${EXPORT_FORMATS.map((f) => `                     ${f.id.padEnd(7)} ${f.label}: ${f.description}`).join('\n')}
  --out PATH       output folder (default ./${DEFAULT_OUT}); for a single-file format also a file name
                   (--out people.csv), or '-' for stdout
  --manual-only    export only manual annotations (default: manual and automatic)
  --force          replace files that already exist (without it, an export that would replace any writes nothing)
  --root DIR       workspace root whose sidecars hold the manual annotations (default: the current folder,
                   or the folder holding all the documents when they are outside it); sidecars are only read
  --file-date M    off (default), modified or git-commit: date a document with no date of its own (sidecar,
                   dateline, title line, path) by its file's modification day or last commit
Folders are searched for .txt and .md files; '-' reads a document from stdin (exported as '-'). Output names come from the documents' paths relative to the
folder that holds them all; nothing is written outside the output folder.`;

interface ExportArgs {
  format: ExportFormat;
  out: string;
  manualOnly: boolean;
  force: boolean;
  root?: string;
  fileDate: FileDateMode;
  inputs: string[];
}

function parseArgs(args: string[]): ExportArgs {
  const { values, positionals: inputs } = parseCommandArgs(args, {
    format: { type: 'string', default: '' },
    out: { type: 'string', default: DEFAULT_OUT },
    'manual-only': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    root: { type: 'string' },
    'file-date': { type: 'string', default: 'off' },
  });
  const { format, out, root } = values;
  const fileDate = values['file-date'];
  const manualOnly = values['manual-only'];
  const force = values.force;
  const info = exportFormat(format);
  if (!info) throw new UsageError(format ? `unknown format '${format}'` : '--format is required');
  if (!out) throw new UsageError('--out needs a path');
  if (root === '') throw new UsageError('--root needs a folder');
  if (out === '-' && info.multiFile) throw new UsageError(`--out - (stdout) needs a single-file format; ${format} writes several files`);
  const fileDateMode = parseFileDateMode(fileDate);
  if (!fileDateMode) throw new UsageError(`--file-date must be off, modified or git-commit, not '${fileDate}'`);
  if (inputs.length === 0) throw new UsageError('name at least one file or folder');
  return { format: info.id, out, manualOnly, force, root, fileDate: fileDateMode, inputs };
}

/** Builds `marginalia export` over a source of documents and their sidecars (tests pass their own). */
export function makeExportCommand(sourceFor: (io: CliIo) => NodeDocumentSource): CliCommand {
  return {
    name: 'export',
    summary: 'export annotations as JSON, JSONL, CSV, W3C, brat, CoNLL, TEI or a Markdown report',
    usage: USAGE,
    async run(args: string[], io: CliIo): Promise<number> {
      const opts = parseArgs(args);
      const { documents, entities, errors, absPaths, root } = await loadExportDocuments(
        opts.inputs,
        { cwd: io.cwd, stderr: (t) => io.stderr(`marginalia export: ${t}`) },
        sourceFor(io),
        opts.root === undefined ? undefined : path.resolve(io.cwd, opts.root),
        opts.fileDate,
      );
      const byPath = new Map(documents.map((d, i) => [d.path, absPaths[i] as string]));
      const result = exportDocuments(opts.format, documents, {
        manualOnly: opts.manualOnly,
        entities,
        documentIri: (p) => pathToFileURL(byPath.get(p) ?? p).href,
        linkBase: linkBaseFor(reportFolder(io.cwd, opts.out, exportFormat(opts.format)?.multiFile === true), root),
      });
      for (const w of result.warnings) io.stderr(`marginalia export: ${w}\n`);
      for (const e of errors) io.stderr(`marginalia export: ${e}\n`);
      const count = countExported(documents, { manualOnly: opts.manualOnly });
      if (opts.out === '-') {
        io.stdout((result.files[0] as ExportedFile).content);
      } else {
        let outDir = path.resolve(io.cwd, opts.out);
        let files = result.files;
        // A single-file format given a file name (`--out people.csv`) writes that file rather than a folder.
        if (files.length === 1 && path.extname(outDir) !== '' && !isDirectory(outDir)) {
          files = [{ path: path.basename(outDir), content: (files[0] as ExportedFile).content }];
          outDir = path.dirname(outDir);
        }
        const existing = opts.force ? [] : existingExportFiles(outDir, files);
        if (existing.length > 0) {
          for (const p of existing) io.stderr(`marginalia export: ${path.relative(io.cwd, p) || p} already exists; nothing was written (use --force to overwrite)\n`);
          return 1;
        }
        const written = writeExportFiles(outDir, files);
        io.stderr(`marginalia export: ${documents.length} document(s), ${count} annotation(s) -> ${written.length} file(s) in ${opts.out}\n`);
      }
      return errors.length > 0 ? 1 : 0;
    },
  };
}

/**
 * The folder a report lands in, where its links start: the output folder, the folder of the file `--out` names
 * (as the writing below decides), or the current folder for stdout.
 */
function reportFolder(cwd: string, out: string, multiFile: boolean): string {
  if (out === '-') return path.resolve(cwd);
  const abs = path.resolve(cwd, out);
  return !multiFile && path.extname(abs) !== '' && !isDirectory(abs) ? path.dirname(abs) : abs;
}

/** `marginalia export`: manual annotations from the sidecars under `--root`, read-only. */
export const exportCommand: CliCommand = makeExportCommand((io) => new NodeDocumentSource({ cwd: io.cwd }));
