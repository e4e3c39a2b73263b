import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportJson } from '../core/export/jsonExport';
import type { ExportDocument } from '../core/export/types';
import { parseBratAnn } from '../core/import/bratImport';
import { parseJsonExport } from '../core/import/jsonImport';
import { reanchor, withSelectors } from '../core/anchoring/reanchor';
import { describeQuote } from '../core/anchoring/textQuote';
import { newId, type Annotation } from '../core/model/annotation';
import { textFingerprint } from '../core/sidecar/fingerprint';
import { isInside } from '../core/sidecar/sidecarPaths';
import type { SidecarStore } from '../core/sidecar/sidecarStore';
import { describeFsError } from '../hosts/nodeDocumentSource';
import { DocumentNotReadError, readDocumentFileSync, readDocumentText } from '../hosts/documentFile';
import { createNodeSidecarStore } from '../hosts/nodeSidecarStore';
import { workspaceRootAbove } from '../hosts/workspaceRoot';
import { parseCommandArgs } from './cliArgs';
import { UsageError, type CliCommand, type CliIo } from './cliIo';
import { commonRoot, existingExportFiles, writeExportFiles } from '../hosts/exportPipeline';

const USAGE = `Usage: marginalia import --from brat|json [--documents DIR] [--root DIR] [--author NAME] [--out PATH [--force]] <files or folders...>

Reads annotations made elsewhere and turns them into manual Marginalia annotations.
  --from brat      .ann files (or folders of them); each is read against the .txt beside it
  --from json      a Marginalia JSON export (marginalia export --format json)
  --documents DIR  the folder holding the original documents, when they are not beside the imported files
                   (paths are matched relative to the imported files' common folder)
  --root DIR       workspace root; no sidecar outside it is written (default: the nearest folder above the
                   documents with .marginalia/, .vscode/ or .git, else the folder holding them all)
  --author NAME    recorded as the author (default: the imported author, else $MARGINALIA_AUTHOR)
  --out PATH       do not touch sidecars: write the imported annotations as Marginalia JSON ('-' for stdout)
  --force          with --out, replace PATH when it already exists
Without --out, the annotations are added to the documents' sidecars through the same store as the editor
(atomic writes, merge with external changes). Each is placed on the document's current text by its quote;
one that cannot be placed, or whose line cannot be read exactly, is reported and skipped, never guessed.
Importing the same file twice adds nothing new. Exit code 1 when anything was skipped.`;

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
  force: boolean;
  documents?: string;
  /** Undefined: the workspace of the imported documents (see workspaceRoot.ts). */
  root?: string;
  author?: string;
  inputs: string[];
}

function parseArgs(args: string[]): ImportArgs {
  const { values, positionals: inputs } = parseCommandArgs(args, {
    from: { type: 'string', default: '' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    documents: { type: 'string' },
    root: { type: 'string' },
    author: { type: 'string' },
  });
  const { from, out, force, documents, root, author } = values;
  if (from !== 'brat' && from !== 'json') throw new UsageError(from ? `--from must be brat or json, not '${from}'` : '--from is required');
  if (out === '') throw new UsageError('--out needs a path');
  if (inputs.length === 0) throw new UsageError('name at least one file or folder');
  if (root === '') throw new UsageError('--root needs a folder');
  return { from, out, force, documents, root, author: author || undefined, inputs };
}

function findAnnFiles(inputs: string[], cwd: string, errors: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') walk(p);
      // Not only regular files: a FIFO or a dangling link is reported when read, not skipped in silence.
      else if (!e.isDirectory() && e.name.endsWith('.ann')) out.push(p);
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

/**
 * Reads the inputs into documents with manual mentions; problems are collected, not thrown. `refused` lists
 * what makes an input unusable as a whole: then nothing is imported at all.
 */
export function readImports(opts: ImportArgs, cwd: string): { documents: ImportedDocument[]; problems: string[]; refused: string[] } {
  const problems: string[] = [];
  const refused: string[] = [];
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
        annText = readInput(ann);
      } catch (e) {
        problems.push(`${path.relative(cwd, ann)}: ${describeFsError(e)}`);
        return;
      }
      try {
        text = readDocumentOrThrow(txt);
      } catch (e) {
        problems.push(`${path.relative(cwd, txt)}: ${describeFsError(e)} (brat needs the .txt beside the .ann)`);
        return;
      }
      const rel = path.relative(root, txt).split(path.sep).join('/');
      const parsed = parseBratAnn(annText, text);
      problems.push(...parsed.problems.map((p) => `${path.relative(cwd, ann)}: ${p}`));
      refused.push(...parsed.refused.map((p) => `${path.relative(cwd, ann)}: ${p}`));
      const documentPath = opts.documents ? path.resolve(cwd, opts.documents, rel) : txt;
      documents.push({ documentPath, text, doc: { path: rel, text, mentions: parsed.mentions } });
    });
  } else {
    for (const input of opts.inputs) {
      const abs = path.resolve(cwd, input);
      let parsed;
      try {
        parsed = parseJsonExport(readInput(abs));
      } catch (e) {
        problems.push(`${input}: ${e instanceof Error && !('code' in e) ? e.message : describeFsError(e)}`);
        continue;
      }
      problems.push(...parsed.problems.map((p) => `${input}: ${p}`));
      refused.push(...parsed.refused.map((p) => `${input}: ${p}`));
      const base = opts.documents ? path.resolve(cwd, opts.documents) : path.dirname(abs);
      for (const doc of parsed.documents) {
        const documentPath = path.resolve(base, ...doc.path.split('/'));
        // The reader refuses paths with '..' or a root; checked again on the resolved path, which is what is written.
        if (!isInside(base, documentPath) || documentPath === base) {
          problems.push(`${input}: ${JSON.stringify(doc.path)} is outside ${path.relative(cwd, base) || '.'}; skipped`);
          continue;
        }
        // Derived layers (quotes, interview turns) are what the analysis makes of the text, not annotations.
        documents.push({ documentPath, text: doc.text, doc: { ...doc, mentions: doc.mentions.filter((x) => !x.layer) } });
      }
    }
  }
  return { documents, problems, refused };
}

/** An imported file's text; any size, but only from a regular file (a FIFO would never end). */
function readInput(file: string): string {
  return readDocumentOrThrow(file, Infinity);
}

function readDocumentOrThrow(file: string, maxBytes?: number): string {
  const read = readDocumentFileSync(file, maxBytes);
  if (!read.ok) throw new DocumentNotReadError(file, read.reason);
  return read.text;
}

const ANNOTATION_ID = /^a-[a-z2-7]{16}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Adds imported annotations to the documents' sidecars. Each becomes a manual annotation with selectors
 * recorded on the imported text, then placed on the document's current text by re-anchoring (so a brat copy
 * of an older version still lands on the right words, or is reported). An annotation already in the sidecar
 * (same id, or same kind, label and place) is not added twice.
 */
export function sidecarImportSink(store: SidecarStore, author: string | undefined, now: () => string = () => new Date().toISOString()): ImportSink {
  return {
    async add(documents) {
      let added = 0;
      const problems: string[] = [];
      for (const d of documents) {
        let file;
        let text: string;
        try {
          file = await store.open(d.documentPath);
          text = await readDocumentText(d.documentPath);
        } catch (e) {
          problems.push(`${d.documentPath}: ${describeFsError(e)}; nothing imported into it`);
          continue;
        }
        if (file.state === 'failed') {
          problems.push(`${file.path} cannot be loaded and is left untouched; nothing imported into it`, ...file.problems.map((p) => `  ${p}`));
          continue;
        }
        const stamp = now();
        const candidates: Annotation[] = d.doc.mentions.map((m) => {
          const a: Annotation = {
            id: m.id && ANNOTATION_ID.test(m.id) ? m.id : newId('a'),
            kind: m.kind,
            created: m.created && DATE_TIME.test(m.created) ? m.created : stamp,
            modified: m.modified && DATE_TIME.test(m.modified) ? m.modified : stamp,
            selectors: { position: { start: m.start, end: m.end }, quote: describeQuote(d.text, m.start, m.end) },
          };
          if (m.label) a.label = m.label;
          if (m.note) a.note = m.note;
          if (m.entityId) a.entityId = m.entityId;
          if (m.attributes) a.attributes = { ...m.attributes };
          const who = author ?? m.author ?? process.env.MARGINALIA_AUTHOR;
          if (who) a.author = who;
          return a;
        });
        const { placed, orphans } = reanchor(candidates, text);
        for (const o of orphans) problems.push(`${d.documentPath}: ${o.item.kind} ${JSON.stringify(o.item.selectors.quote.exact)} not imported: ${o.message}`);
        const existing = reanchor(file.sidecar.annotations, text).placed;
        const key = (kind: string, label: string | undefined, start: number, end: number) => `${kind}|${label ?? ''}|${start}|${end}`;
        const present = new Set(existing.map((p) => key(p.item.kind, p.item.label, p.start, p.end)));
        const ids = new Set(file.sidecar.annotations.map((a) => a.id));
        const edits = placed
          .filter((p) => !ids.has(p.item.id) && !present.has(key(p.item.kind, p.item.label, p.start, p.end)))
          .map((p) => ({ type: 'putAnnotation' as const, annotation: withSelectors(p.item, text, p.start, p.end) }));
        if (edits.length === 0) continue;
        file.edit(...edits, { type: 'setMetadata', metadata: { fingerprint: textFingerprint(text) } });
        await file.save();
        added += edits.length;
      }
      return { added, problems };
    },
  };
}

/** Builds `marginalia import` over a sink for a root (tests pass their own). */
export function makeImportCommand(sinkFor: (opts: { root: string; author?: string }, io: CliIo) => ImportSink): CliCommand {
  return {
    name: 'import',
    summary: 'import brat .ann or Marginalia JSON annotations as manual annotations',
    usage: USAGE,
    async run(args: string[], io: CliIo): Promise<number> {
      const opts = parseArgs(args);
      const { documents, problems, refused } = readImports(opts, io.cwd);
      if (refused.length > 0) {
        for (const p of [...refused, ...problems]) io.stderr(`marginalia import: ${p}\n`);
        io.stderr(`marginalia import: refused; nothing was imported or written\n`);
        return 1;
      }
      const count = documents.reduce((n, d) => n + d.doc.mentions.length, 0);
      if (opts.out === undefined) {
        const root = opts.root ?? (documents.length > 0 ? workspaceRootAbove(commonRoot(documents.map((d) => d.documentPath))) : '.');
        const result = await sinkFor({ root, author: opts.author }, io).add(documents, io);
        problems.push(...result.problems);
        io.stderr(`marginalia import: ${result.added} annotation(s) added to ${documents.length} document(s)' sidecars\n`);
      } else {
        const json = exportJson(documents.map((d) => d.doc)).files[0]!.content;
        const out = opts.out;
        if (out === '-') io.stdout(json);
        else {
          const abs = path.resolve(io.cwd, out);
          if (!opts.force && existingExportFiles(path.dirname(abs), [{ path: path.basename(abs), content: json }]).length > 0) {
            io.stderr(`marginalia import: ${out} already exists; nothing was written (use --force to overwrite)\n`);
            return 1;
          }
          writeExportFiles(path.dirname(abs), [{ path: path.basename(abs), content: json }]);
          io.stderr(`marginalia import: ${count} annotation(s) from ${documents.length} document(s) -> ${out}\n`);
        }
      }
      for (const p of problems) io.stderr(`marginalia import: ${p}\n`);
      return problems.length > 0 ? 1 : 0;
    },
  };
}

/** `marginalia import`: into the sidecars under `--root`, or as JSON with `--out`. */
export const importCommand: CliCommand = makeImportCommand((opts, io) =>
  sidecarImportSink(createNodeSidecarStore({ root: opts.root, cwd: io.cwd }), opts.author),
);
