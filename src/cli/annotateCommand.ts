/**
 * `marginalia annotate add|list|remove`: manual annotations from the command line, through the same store and
 * with the same guarantees as the editor (atomic writes, merge with external changes, nothing written to a
 * sidecar that failed to load, nothing outside the workspace).
 */
import * as path from 'node:path';
import { newId, type Annotation } from '../core/model/annotation';
import type { MentionKind } from '../core/model/mention';
import { reanchor } from '../core/anchoring/reanchor';
import { describeQuote } from '../core/anchoring/textQuote';
import { splitsSurrogatePair } from '../core/export/offsets';
import { textFingerprint } from '../core/sidecar/fingerprint';
import { resolveInside } from '../core/sidecar/sidecarPaths';
import { MENTION_KINDS } from '../core/sidecar/sidecarValidate';
import type { SidecarFile } from '../core/sidecar/sidecarFile';
import type { SidecarStore } from '../core/sidecar/sidecarStore';
import { readDocumentText } from '../hosts/documentFile';
import { createNodeSidecarStore } from '../hosts/nodeSidecarStore';
import { rootFor } from '../hosts/workspaceRoot';
import { parseOptions } from './cliArgs';
import { UsageError, type CliCommand, type CliIo } from './cliIo';

const USAGE = `Usage:
  marginalia annotate add <file> --start N --end N --kind KIND [--label L] [--note TEXT] [--entity ID] [--author NAME]
  marginalia annotate list <file> [--format json|text]
  marginalia annotate remove <file> <id>

Manual annotations live in <file>.annotations.yaml beside the document.
  --start, --end  UTF-16 offsets into the document text (end exclusive), as VS Code counts them
  --kind          ${MENTION_KINDS.join(', ')}
  --root DIR      workspace root; nothing outside it is read or written (default: the nearest folder above
                  the document with .marginalia/, .vscode/ or .git, else the document's folder)
  --author NAME   recorded as the author (default: $MARGINALIA_AUTHOR, if set)
'list' shows where each annotation is in the current text, and which ones are orphans (text no longer found).
Exit code 1 when the sidecar cannot be read or written (it is then left untouched), 2 for bad arguments.`;

export const annotateCommand: CliCommand = {
  name: 'annotate',
  summary: 'add, list or remove manual annotations in a document\'s sidecar',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const [action, ...rest] = args;
    const { positional, options } = parseOptions(rest, ['start', 'end', 'kind', 'label', 'note', 'entity', 'author', 'format', 'root']);
    // Every action names its document first; without one, the usage error comes from the action.
    const root = positional[0] === undefined ? (options.root ?? '.') : rootFor(positional[0], io.cwd, options.root);
    const store = createNodeSidecarStore({ root, cwd: io.cwd });
    switch (action) {
      case 'add':
        return add(store, positional, options, io);
      case 'list':
        return list(store, positional, options, io);
      case 'remove':
        return remove(store, positional, io);
      default:
        throw new UsageError(action ? `unknown action '${action}' (add, list or remove)` : 'name an action: add, list or remove');
    }
  },
};

type Options = Partial<Record<string, string>>;

async function openFor(store: SidecarStore, file: string, io: CliIo): Promise<{ sidecar: SidecarFile; documentPath: string } | undefined> {
  const documentPath = resolveInside(store.options.root, path.resolve(io.cwd, file));
  const sidecar = await store.open(documentPath);
  if (sidecar.state === 'failed') {
    io.stderr(`marginalia annotate: ${sidecar.path} cannot be loaded and is left untouched:\n`);
    for (const p of sidecar.problems) io.stderr(`  ${p}\n`);
    return undefined;
  }
  return { sidecar, documentPath };
}

async function add(store: SidecarStore, positional: string[], options: Options, io: CliIo): Promise<number> {
  if (positional.length !== 1) throw new UsageError('add needs exactly one document');
  const start = offset(options.start, 'start');
  const end = offset(options.end, 'end');
  const kind = MENTION_KINDS.find((k) => k === options.kind);
  if (!kind) throw new UsageError(`--kind must be one of ${MENTION_KINDS.join(', ')}`);
  const opened = await openFor(store, positional[0], io);
  if (!opened) return 1;
  const text = await readDocumentText(opened.documentPath);
  if (start >= end || end > text.length) {
    throw new UsageError(`need 0 <= start < end <= ${text.length} (the document's length in UTF-16 code units)`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new UsageError('start and end must not split a character (a UTF-16 surrogate pair)');
  }
  const now = new Date().toISOString();
  const annotation: Annotation = {
    id: newId('a'),
    kind: kind as MentionKind,
    created: now,
    modified: now,
    selectors: { position: { start, end }, quote: describeQuote(text, start, end) },
  };
  if (options.label !== undefined) annotation.label = options.label;
  if (options.note !== undefined) annotation.note = options.note;
  if (options.entity !== undefined) annotation.entityId = options.entity;
  const author = options.author ?? process.env.MARGINALIA_AUTHOR;
  if (author) annotation.author = author;
  opened.sidecar.edit({ type: 'putAnnotation', annotation }, { type: 'setMetadata', metadata: { fingerprint: textFingerprint(text) } });
  await opened.sidecar.save();
  io.stdout(`${annotation.id}\n`);
  return 0;
}

async function list(store: SidecarStore, positional: string[], options: Options, io: CliIo): Promise<number> {
  if (positional.length !== 1) throw new UsageError('list needs exactly one document');
  const format = options.format ?? 'text';
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not '${format}'`);
  const opened = await openFor(store, positional[0], io);
  if (!opened) return 1;
  const text = await readDocumentText(opened.documentPath);
  const { placed, orphans } = reanchor(opened.sidecar.sidecar.annotations, text);
  const rows = [
    ...placed.map((p) => ({ ...summary(p.item), start: p.start, end: p.end, text: text.slice(p.start, p.end), status: p.status as string })),
    ...orphans.map((o) => ({ ...summary(o.item), start: undefined, end: undefined, text: o.item.selectors.quote.exact, status: 'orphan', reason: o.message })),
  ].sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ sidecar: opened.sidecar.path, annotations: rows }, undefined, 2)}\n`);
    return 0;
  }
  for (const r of rows) {
    const where = r.start === undefined ? 'orphan' : `${r.start}-${r.end}`;
    const extra = [r.label && `label=${r.label}`, r.entityId && `entity=${r.entityId}`, r.note && `note=${JSON.stringify(r.note)}`].filter(Boolean);
    io.stdout(`${r.id}  ${r.kind.padEnd(7)} ${where.padEnd(13)} ${JSON.stringify(r.text)}${extra.length ? '  ' + extra.join(' ') : ''}\n`);
  }
  if (rows.length === 0) io.stdout('no annotations\n');
  return 0;
}

async function remove(store: SidecarStore, positional: string[], io: CliIo): Promise<number> {
  if (positional.length !== 2) throw new UsageError('remove needs a document and an annotation id');
  const opened = await openFor(store, positional[0], io);
  if (!opened) return 1;
  const id = positional[1];
  if (!opened.sidecar.sidecar.annotations.some((a) => a.id === id)) {
    io.stderr(`marginalia annotate: no annotation '${id}' in ${opened.sidecar.path}\n`);
    return 1;
  }
  opened.sidecar.edit({ type: 'removeAnnotation', id });
  await opened.sidecar.save();
  io.stdout(`removed ${id}\n`);
  return 0;
}

function summary(a: Annotation): { id: string; kind: string; label?: string; note?: string; entityId?: string } {
  return { id: a.id, kind: a.kind, label: a.label, note: a.note, entityId: a.entityId };
}

function offset(value: string | undefined, name: string): number {
  if (value === undefined) throw new UsageError(`--${name} is required`);
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, not '${value}'`);
  return Number(value);
}
