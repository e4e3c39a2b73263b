/**
 * `marginalia check`: validates sidecars and re-anchors their annotations on the current documents, for CI and
 * pre-commit hooks. Read-only: it never writes, not even to sweep leftovers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reanchor } from '../core/anchoring/reanchor';
import { isSidecarName, SIDECAR_SUFFIX, TEMP_MARKER } from '../core/sidecar/sidecarPaths';
import { reconciledView } from '../core/documentPipeline';
import { describeFsError, NodeDocumentSource } from '../hosts/nodeDocumentSource';
import { DocumentNotReadError } from '../hosts/documentFile';
import type { SidecarStore } from '../core/sidecar/sidecarStore';
import { createNodeSidecarStore } from '../hosts/nodeSidecarStore';
import { readStdin, STDIN } from '../hosts/stdinInput';
import { parseSidecar } from '../core/sidecar/parseSidecar';
import { rootFor } from '../hosts/workspaceRoot';
import { parseOptions } from './cliArgs';
import { UsageError, type CliCommand, type CliIo } from './cliIo';

const USAGE = `Usage: marginalia check [--root DIR] [--format json|text] <files or folders...>

Checks every sidecar (<document>.annotations.yaml) named or found in the folders, and the sidecar of every
document named: the file must load (valid YAML, no conflict markers, known format version, schema), its
document must exist, and every annotation and rejection must still be found in the document's text.
Prints one line per problem (file:line: problem) and per orphan; exit code 1 when there is any, 0 otherwise.
'-' reads one sidecar from stdin and checks that it loads (it has no document to re-anchor on). Nothing is written.
  --root DIR      the workspace every sidecar must be in (default: for each document, the nearest folder above
                  it with .marginalia/, .vscode/ or .git, else its own folder)`;

const NO_MENTIONS = { mentions: [], entities: [] };

const SKIP_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out']);

interface Finding {
  file: string;
  line?: number;
  severity: 'error' | 'warning';
  message: string;
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'validate sidecars and report annotations that no longer anchor (exit 1 on problems)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { positional, options } = parseOptions(args, ['root', 'format']);
    const format = options.format ?? 'text';
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not '${format}'`);
    if (positional.length === 0) throw new UsageError('name at least one file or folder');
    // One store per workspace: each sidecar is checked in its document's workspace unless --root names one.
    const stores = new Map<string, SidecarStore>();
    const storeFor = (documentPath: string) => {
      const root = rootFor(documentPath, io.cwd, options.root);
      let store = stores.get(root);
      if (!store) stores.set(root, (store = createNodeSidecarStore({ root, cwd: io.cwd, readOnly: true })));
      return store;
    };
    const documents = new NodeDocumentSource({ cwd: io.cwd });
    const findings: Finding[] = [];
    const sidecars = new Set<string>();
    for (const input of positional) if (input !== STDIN) collect(path.resolve(io.cwd, input), sidecars, findings);
    let annotations = 0;
    if (positional.includes(STDIN)) annotations += checkPiped(findings);
    for (const sidecarPath of [...sidecars].sort()) {
      const rel = path.relative(io.cwd, sidecarPath) || sidecarPath;
      try {
        const documentPath = sidecarPath.slice(0, -SIDECAR_SUFFIX.length);
        const file = await storeFor(documentPath).openSidecar(sidecarPath);
        if (file.state === 'failed') {
          for (const p of file.problems) {
            const m = /^:(\d+): ([\s\S]*)$/.exec(p.slice(file.path.length));
            findings.push({ file: rel, line: m ? Number(m[1]) : undefined, severity: 'error', message: m ? m[2] : p.slice(file.path.length).replace(/^:\s*/, '') });
          }
          continue;
        }
        let text: string;
        try {
          const read = await documents.readDocument(documentPath);
          if (!read.ok) throw new DocumentNotReadError(documentPath, read.reason);
          text = read.text;
        } catch (e) {
          const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : `cannot be read: ${describeFsError(e)}`;
          findings.push({ file: rel, severity: 'error', message: `its document ${path.basename(documentPath)} ${why}` });
          continue;
        }
        const { annotations: list, rejections } = file.sidecar;
        annotations += list.length;
        // Placed as the editor places them (the automatic mentions play no part in where annotations land).
        for (const o of reconciledView(text, NO_MENTIONS, file.sidecar).orphans) {
          findings.push({ file: rel, severity: 'error', message: `annotation ${o.item.id} (${o.item.kind}) is an orphan: ${o.message}` });
        }
        for (const o of reanchor(rejections, text).orphans) {
          findings.push({ file: rel, severity: 'warning', message: `rejection ${o.item.id} (${o.item.kind}) no longer matches: ${o.message}` });
        }
      } catch (e) {
        findings.push({ file: rel, severity: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    }
    const errors = findings.filter((f) => f.severity === 'error').length;
    const checked = sidecars.size + (positional.includes(STDIN) ? 1 : 0);
    if (format === 'json') {
      io.stdout(`${JSON.stringify({ sidecars: checked, annotations, errors, findings }, undefined, 2)}\n`);
    } else {
      for (const f of findings) io.stdout(`${f.file}${f.line ? `:${f.line}` : ''}: ${f.severity}: ${f.message}\n`);
      io.stdout(`${checked} sidecar(s), ${annotations} annotation(s), ${errors} error(s)\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};

/** Checks that the sidecar piped in loads, as a file's would; returns how many annotations it holds. */
function checkPiped(findings: Finding[]): number {
  const parsed = parseSidecar(readStdin());
  if (parsed.ok) return parsed.sidecar.annotations.length;
  for (const p of parsed.problems) findings.push({ file: STDIN, line: p.line > 0 ? p.line : undefined, severity: 'error', message: p.message });
  return 0;
}

/** Adds the sidecars named by `input`: a sidecar, a document with a sidecar, or a folder searched for them. */
function collect(input: string, sidecars: Set<string>, findings: Finding[]): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(input);
  } catch {
    findings.push({ file: input, severity: 'error', message: 'not found' });
    return;
  }
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(input, { withFileTypes: true })) {
      // Whatever its type: opening a link, a folder or a pipe with a sidecar's name reports why it cannot be one.
      if (isSidecarName(entry.name)) sidecars.add(path.join(input, entry.name));
      if (entry.isDirectory() && !SKIP_FOLDERS.has(entry.name)) collect(path.join(input, entry.name), sidecars, findings);
      else if (!isSidecarName(entry.name) && entry.name.includes(TEMP_MARKER)) {
        findings.push({ file: path.join(input, entry.name), severity: 'warning', message: 'leftover temp file of an interrupted save (removed on the next save)' });
      }
    }
  } else if (isSidecarName(path.basename(input))) sidecars.add(input);
  else if (fs.existsSync(input + SIDECAR_SUFFIX)) sidecars.add(input + SIDECAR_SUFFIX);
}
