import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportJson } from '../core/export/jsonExport';
import type { ExportDocument } from '../core/export/types';
import { parseBratAnn } from '../core/import/bratImport';
import { parseJsonExport } from '../core/import/jsonImport';
import { describeFsError } from '../hosts/collectDocuments';
import { UsageError, type CliCommand, type CliIo } from './cliIo';
import { commonRoot, writeExportFiles } from './exportCommand';

const USAGE = `Usage: marginalia import --from brat|json [--documents DIR] [--out PATH] <files or folders...>

Reads annotations made elsewhere and turns them into manual Marginalia annotations.
  --from brat      .ann files (or folders of them); each is read against the .txt beside it
  --from json      a Marginalia JSON export (marginalia export --format json)
  --documents DIR  the folder holding the original documents, when they are not beside the imported files
                   (paths are matched relative to the imported files' common folder)
  --out PATH       write the imported annotations as Marginalia JSON to PATH ('-' for stdout)
Without --out, annotations are added to the documents' sidecars when this build has the sidecar store;
otherwise they are written as Marginalia JSON to stdout. Lines that cannot be placed exactly are reported
and skipped, never guessed.`;

/** One imported document: where its original lives and what to add to it. */
export interface ImportedDocument {
  /** Absolute path of the document the annotations belong to. */
  documentPath: string;
  /** The text the imported offsets refer to. */
  text: string;
  doc: ExportDocument;
}

/** Where imported annotations go: the sidecar store when available. */
export interface ImportSink {
  /** Adds the documents' annotations; resolves to lines to report and whether all went well. */
  add(documents: ImportedDocument[], io: CliIo): Promise<{ added: number; problems: string[] }>;
}

interface ImportArgs {
  from: 'brat' | 'json';
  out?: string;
  documents?: string;
  inputs: string[];
}

function parseArgs(args: string[]): ImportArgs {
  let from = '';
  let out: string | undefined;
  let documents: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--from') from = args[++i] ?? '';
    else if (a.startsWith('--from=')) from = a.slice('--from='.length);
    else if (a === '--out') out = args[++i] ?? '';
    else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else if (a === '--documents') documents = args[++i] ?? '';
    else if (a.startsWith('--documents=')) documents = a.slice('--documents='.length);
    else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
    else inputs.push(a);
  }
  if (from !== 'brat' && from !== 'json') throw new UsageError(from ? `--from must be brat or json, not '${from}'` : '--from is required');
  if (out === '') throw new UsageError('--out needs a path');
  if (inputs.length === 0) throw new UsageError('name at least one file or folder');
  return { from, out, documents, inputs };
}

function findAnnFiles(inputs: string[], cwd: string, errors: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') walk(p);
      else if (e.isFile() && e.name.endsWith('.ann')) out.push(p);
    }
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    try {
      if (fs.statSync(abs).isDirectory()) walk(abs);
      else out.push(abs);
    } catch (e) {
      errors.push(`${input}: ${describeFsError(e)}`);
    }
  }
  return out;
}

/** Reads the inputs into documents with manual mentions; problems are collected, not thrown. */
export function readImports(opts: ImportArgs, cwd: string): { documents: ImportedDocument[]; problems: string[] } {
  const problems: string[] = [];
  const documents: ImportedDocument[] = [];
  if (opts.from === 'brat') {
    const anns = findAnnFiles(opts.inputs, cwd, problems);
    const txts = anns.map((a) => a.replace(/\.ann$/, '.txt'));
    const root = commonRoot(txts);
    anns.forEach((ann, i) => {
      const txt = txts[i] as string;
      let annText: string;
      let text: string;
      try {
        annText = fs.readFileSync(ann, 'utf8');
        text = fs.readFileSync(txt, 'utf8');
      } catch (e) {
        problems.push(`${path.relative(cwd, ann)}: ${describeFsError(e)} (brat needs the .txt beside the .ann)`);
        return;
      }
      const rel = path.relative(root, txt).split(path.sep).join('/');
      const parsed = parseBratAnn(annText, text);
      problems.push(...parsed.problems.map((p) => `${path.relative(cwd, ann)}: ${p}`));
      const documentPath = opts.documents ? path.resolve(cwd, opts.documents, rel) : txt;
      documents.push({ documentPath, text, doc: { path: rel, text, mentions: parsed.mentions } });
    });
  } else {
    for (const input of opts.inputs) {
      const abs = path.resolve(cwd, input);
      let parsed;
      try {
        parsed = parseJsonExport(fs.readFileSync(abs, 'utf8'));
      } catch (e) {
        problems.push(`${input}: ${e instanceof Error && !('code' in e) ? e.message : describeFsError(e)}`);
        continue;
      }
      problems.push(...parsed.problems.map((p) => `${input}: ${p}`));
      const base = opts.documents ? path.resolve(cwd, opts.documents) : path.dirname(abs);
      for (const doc of parsed.documents) {
        documents.push({ documentPath: path.resolve(base, ...doc.path.split('/')), text: doc.text, doc });
      }
    }
  }
  return { documents, problems };
}

/** Builds `marginalia import` over a sink (the sidecar store, or undefined for JSON output). */
export function makeImportCommand(sink: ImportSink | undefined): CliCommand {
  return {
    name: 'import',
    summary: 'import brat .ann or Marginalia JSON annotations as manual annotations',
    usage: USAGE,
    async run(args: string[], io: CliIo): Promise<number> {
      const opts = parseArgs(args);
      const { documents, problems } = readImports(opts, io.cwd);
      const count = documents.reduce((n, d) => n + d.doc.mentions.length, 0);
      if (sink && opts.out === undefined) {
        const result = await sink.add(documents, io);
        problems.push(...result.problems);
        io.stderr(`marginalia import: ${result.added} annotation(s) added to ${documents.length} document(s)' sidecars\n`);
      } else {
        const json = exportJson(documents.map((d) => d.doc)).files[0]!.content;
        const out = opts.out ?? '-';
        if (out === '-') io.stdout(json);
        else {
          const abs = path.resolve(io.cwd, out);
          writeExportFiles(path.dirname(abs), [{ path: path.basename(abs), content: json }]);
          io.stderr(`marginalia import: ${count} annotation(s) from ${documents.length} document(s) -> ${out}\n`);
        }
      }
      for (const p of problems) io.stderr(`marginalia import: ${p}\n`);
      return problems.length > 0 ? 1 : 0;
    },
  };
}

/** `marginalia import`; writes Marginalia JSON until the sidecar store is wired in. */
export const importCommand: CliCommand = makeImportCommand(undefined);
