import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentAnalyzer } from '../core/analyze';
import type { Mention } from '../core/model/mention';
import { collectDocuments, describeFsError } from '../hosts/collectDocuments';
import { loadLexiconForPath } from '../hosts/lexiconLoader';
import { UsageError, type CliCommand, type CliIo } from './cliIo';

const USAGE = `Usage: marginalia analyze [--format json|text] <files or folders...>

Finds speakers, dates and treaty names in each document.
  --format json   {"documents":[{"path","entities":[{kind,start,end,text,id,value}]}]} on stdout
                  (UTF-16 offsets, end exclusive, as JavaScript and VS Code count them); what a person
                  said is an entity {kind:"quote",start,end,text,speaker,speakerId}
  --format text   a readable table (default)
Folders are searched for .txt and .md files. A .marginalia/lexicon.yaml in the folder or above adds people
and treaties. Unreadable files are reported on stderr and make the exit code 1; the others are still analysed.`;

interface JsonEntity {
  kind: string;
  start: number;
  end: number;
  text: string;
  id?: string;
  value?: string;
  /** A quote's speaker: the canonical name and the person's id. */
  speaker?: string;
  speakerId?: string;
}

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: 'find speakers, dates and treaties in documents (json or text)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let format = 'text';
    const inputs: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '--format') format = args[++i] ?? '';
      else if (a.startsWith('--format=')) format = a.slice('--format='.length);
      else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
      else inputs.push(a);
    }
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not '${format}'`);
    if (inputs.length === 0) throw new UsageError('name at least one file or folder');

    const { files, errors } = collectDocuments(inputs, io.cwd);
    const documents: { path: string; entities: JsonEntity[] }[] = [];
    for (const file of files) {
      const abs = path.resolve(io.cwd, file);
      let text: string;
      try {
        text = stripBom(fs.readFileSync(abs, 'utf8'));
      } catch (e) {
        errors.push(`${file}: ${describeFsError(e)}`);
        continue;
      }
      const { lexicon, problems } = loadLexiconForPath(abs);
      for (const p of problems) io.stderr(`marginalia analyze: ${p}\n`);
      const result = new DocumentAnalyzer({ lexicon }).analyze(text);
      documents.push({ path: file, entities: result.mentions.filter((m) => !m.layer || m.kind === 'quote').map(toJson) });
    }
    for (const e of errors) io.stderr(`marginalia analyze: ${e}\n`);
    io.stdout(format === 'json' ? `${JSON.stringify({ documents })}\n` : renderText(documents));
    return errors.length > 0 ? 1 : 0;
  },
};

function toJson(m: Mention): JsonEntity {
  if (m.kind === 'quote') return { kind: m.kind, start: m.start, end: m.end, text: m.text, speaker: m.value, speakerId: m.entityId };
  return { kind: m.kind, start: m.start, end: m.end, text: m.text, id: m.entityId, value: m.value };
}

/** A BOM is not part of the text anyone reads; offsets count from the first real character. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function renderText(documents: { path: string; entities: JsonEntity[] }[]): string {
  const out: string[] = [];
  for (const doc of documents) {
    out.push(`${doc.path}  (${doc.entities.length} entities)`);
    const rows = doc.entities.map((e) => [e.kind, `${e.start}-${e.end}`, JSON.stringify(e.text), e.value ?? e.speaker ?? '', e.id ?? e.speakerId ?? '']);
    const widths = [0, 1, 2, 3].map((c) => Math.max(0, ...rows.map((r) => (r[c] as string).length)));
    for (const r of rows) out.push(`  ${r.map((cell, c) => (c < 4 ? cell.padEnd(widths[c] as number) : cell)).join('  ').trimEnd()}`);
    out.push('');
  }
  return out.join('\n');
}
