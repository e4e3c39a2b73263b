import * as path from 'node:path';
import { viewDocument } from '../core/documentPipeline';
import type { Entity } from '../core/model/entity';
import type { Mention } from '../core/model/mention';
import { dateOrigin, type DocumentDate, type DocumentDateSource } from '../core/recognizers/context';
import { isIsoDay } from '../core/recognizers/dates/calendar';
import { linkPeopleAcrossDocuments, type WorkspacePerson } from '../core/recognizers/speakers/workspacePeople';
import { fileDateUnlessPathDated, parseFileDateMode } from '../hosts/fileDate';
import { describeFsError, NodeDocumentSource } from '../hosts/nodeDocumentSource';
import { UsageError, type CliCommand, type CliIo } from './cliIo';

const USAGE = `Usage: marginalia analyze [--format json|text] [--document-date YYYY-MM-DD] [--file-date off|modified|git-commit]
                         <files or folders...>

Finds speakers, dates and treaty names in each document.
  --format json   {"documents":[{"path","documentDate":{value,source},"entities":[{kind,start,end,text,id,value}]}]}
                  on stdout (UTF-16 offsets, end exclusive, as JavaScript and VS Code count them); what a person
                  said is an entity {kind:"quote",start,end,text,speaker,speakerId}; a manual annotation from
                  the document's sidecar has "source":"manual"
  --format text   a readable table (default)
  --document-date the date relative dates ("yesterday", "on Monday") are resolved against, for every document;
                  without it, each document's dateline or title line, else a date in its file or folder name
  --file-date     last of all, the day the file was modified, or of its last git commit (default off: a copied
                  file's time says when it was copied)
Folders are searched for .txt and .md files. A .marginalia/lexicon.yaml in the folder or above adds people
and treaties. A document's sidecar is applied as the editor applies it: its document.date, its annotations and
its rejections. Documents are read as UTF-8, or UTF-16 when they start with its byte-order mark. Unreadable
files are reported on stderr and make the exit code 1; files that are not documents (FIFOs, devices, binary
files, files over 4 MB) are skipped with a warning. The others are still analysed.`;

/** One entity of `analyze --format json`, as scripts (and the CLI's tests) read it. */
export interface JsonEntity {
  kind: string;
  start: number;
  end: number;
  text: string;
  id?: string;
  value?: string;
  /** A quote's speaker: the canonical name and the person's id. */
  speaker?: string;
  speakerId?: string;
  /** Set for a manual annotation from the document's sidecar. */
  source?: 'manual';
}

interface JsonDocument {
  path: string;
  /** The date relative dates were resolved against, and where it came from; absent when none was found. */
  documentDate: { value: string; source: DocumentDateSource } | undefined;
  entities: JsonEntity[];
}

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: 'find speakers, dates and treaties in documents (json or text)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let format = 'text';
    let given: string | undefined;
    let fileDate = 'off';
    const inputs: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '--format') format = args[++i] ?? '';
      else if (a.startsWith('--format=')) format = a.slice('--format='.length);
      else if (a === '--document-date') given = args[++i] ?? '';
      else if (a.startsWith('--document-date=')) given = a.slice('--document-date='.length);
      else if (a === '--file-date') fileDate = args[++i] ?? '';
      else if (a.startsWith('--file-date=')) fileDate = a.slice('--file-date='.length);
      else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
      else inputs.push(a);
    }
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not '${format}'`);
    if (inputs.length === 0) throw new UsageError('name at least one file or folder');
    if (given !== undefined && !isIsoDay(given)) throw new UsageError(`--document-date must be a date YYYY-MM-DD, not '${given}'`);
    const documentDate: DocumentDate | undefined = given === undefined ? undefined : { value: given, source: 'option' };
    const fileDateMode = parseFileDateMode(fileDate);
    if (!fileDateMode) throw new UsageError(`--file-date must be off, modified or git-commit, not '${fileDate}'`);

    const source = new NodeDocumentSource({ cwd: io.cwd });
    const { files, errors } = await source.collect(inputs);
    const documents: JsonDocument[] = [];
    const people = new Map<string, WorkspacePerson>();
    for (const file of files) {
      let read;
      try {
        read = await source.readDocument(file);
      } catch (e) {
        errors.push(`${file}: ${describeFsError(e)}`);
        continue;
      }
      if (!read.ok) {
        io.stderr(`marginalia analyze: ${file}: ${read.reason}\n`);
        continue;
      }
      const { lexicon, problems } = await source.lexiconFor(file);
      const found = await source.sidecarFor(file);
      for (const p of [...problems, ...found.problems]) io.stderr(`marginalia analyze: ${p}\n`);
      const abs = path.resolve(io.cwd, file);
      const fileDay = documentDate ? undefined : fileDateUnlessPathDated(abs, fileDateMode);
      const view = viewDocument(read.text, { lexicon, sidecar: found.sidecar, path: abs, givenDate: documentDate, fileDate: fileDay });
      const dated = view.documentDate && { value: view.documentDate.value, source: view.documentDate.source };
      documents.push({ path: file, documentDate: dated, entities: view.mentions.filter((m) => !m.layer || m.kind === 'quote').map(toJson) });
      countPeople(people, view.entities);
    }
    // One id per person across the files, as the editor's index shows them.
    const links = linkPeopleAcrossDocuments(people.values());
    for (const doc of documents) {
      for (const e of doc.entities) {
        const to = e.id === undefined ? undefined : links.get(e.id);
        if (to) {
          e.id = to.id;
          e.value = to.name;
        }
        // A quote's speaker is the same person across the files too.
        const speaker = e.speakerId === undefined ? undefined : links.get(e.speakerId);
        if (speaker) {
          e.speakerId = speaker.id;
          e.speaker = speaker.name;
        }
      }
    }
    for (const e of errors) io.stderr(`marginalia analyze: ${e}\n`);
    io.stdout(format === 'json' ? `${JSON.stringify({ documents })}\n` : renderText(documents));
    return errors.length > 0 ? 1 : 0;
  },
};

function countPeople(people: Map<string, WorkspacePerson>, entities: readonly Entity[]): void {
  for (const e of entities) {
    if (e.type !== 'person') continue;
    if (!people.has(e.id)) people.set(e.id, { id: e.id, name: e.name, lexicon: e.facts.source === 'lexicon' });
  }
}

function toJson(m: Mention): JsonEntity {
  const e: JsonEntity =
    m.kind === 'quote'
      ? { kind: m.kind, start: m.start, end: m.end, text: m.text, speaker: m.value, speakerId: m.entityId }
      : { kind: m.kind, start: m.start, end: m.end, text: m.text, id: m.entityId, value: m.value };
  if (m.source === 'manual') e.source = 'manual';
  return e;
}

function renderText(documents: JsonDocument[]): string {
  const out: string[] = [];
  for (const doc of documents) {
    const dated = doc.documentDate ? `, dated ${doc.documentDate.value} ${dateOrigin(doc.documentDate.source)}` : '';
    out.push(`${doc.path}  (${doc.entities.length} entities${dated})`);
    const rows = doc.entities.map((e) => [e.kind, `${e.start}-${e.end}`, JSON.stringify(e.text), e.value ?? e.speaker ?? '', e.id ?? e.speakerId ?? '']);
    const widths = [0, 1, 2, 3].map((c) => Math.max(0, ...rows.map((r) => (r[c] as string).length)));
    for (const r of rows) out.push(`  ${r.map((cell, c) => (c < 4 ? cell.padEnd(widths[c] as number) : cell)).join('  ').trimEnd()}`);
    out.push('');
  }
  return out.join('\n');
}
