/**
 * One file of `marginalia analyze` read, analysed and serialized, in whichever thread analyses it (the main thread
 * with --jobs 1, a worker thread otherwise): apart from the command, so that the main thread of a batch on worker
 * threads never loads the recognizers.
 */
import * as path from 'node:path';
import type { AnalysisCache } from '../core/analysisCache';

export { AnalysisCache } from '../core/analysisCache';
import { viewDocument } from '../core/documentPipeline';
import type { Entity } from '../core/model/entity';
import type { Mention } from '../core/model/mention';
import type { DocumentDate, DocumentDateSource } from '../core/recognizers/context';
import type { WorkspacePerson } from '../core/recognizers/speakers/workspacePeople';
import { fileDateUnlessPathDated, type FileDateMode } from '../hosts/fileDate';
import { describeFsError, type NodeDocumentSource } from '../hosts/nodeDocumentSource';
import { readStdinDocument, STDIN } from '../hosts/stdinInput';
import type { SpooledDocument } from './analyzeSpool';

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

export interface JsonDocument {
  path: string;
  /** The date relative dates were resolved against, and where it came from; absent when none was found. */
  documentDate: { value: string; source: DocumentDateSource } | undefined;
  entities: JsonEntity[];
}

/** What every file of a batch is analysed with; sent to worker threads, so plain data. */
export interface AnalyzeSettings {
  cwd: string;
  documentDate: DocumentDate | undefined;
  /** Whether an undated file is dated by its modification time or last commit (src/hosts/fileDate.ts). */
  fileDate: FileDateMode;
}

/** One file analysed: what the output and the linking of people across files need, as plain data. */
export interface AnalyzedFile {
  /** The file's {@link JsonDocument}, serialized; absent when not analysed or when {@link spooled}. */
  json?: string;
  /** Where a worker thread wrote the serialized document instead (analyzeSpool.ts). */
  spooled?: SpooledDocument;
  /** The people of the document. */
  people: WorkspacePerson[];
  /** Lines for stderr: a file skipped, a lexicon's problems. */
  notes: string[];
  /** Why the file could not be read (the exit code is then 1). */
  error?: string;
}

/**
 * Reads, analyses and serializes one file through the one document pipeline, as the editor shows it: its lexicon,
 * its sidecar's date, annotations and rejections (a worker thread runs this too, with a source of its own). `cache`
 * is what the batch's analyses keep across documents (see analysisCache.ts).
 */
export async function analyzeFile(file: string, settings: AnalyzeSettings, source: NodeDocumentSource, cache: AnalysisCache): Promise<AnalyzedFile> {
  const notes: string[] = [];
  const stdin = file === STDIN;
  const abs = path.resolve(settings.cwd, file);
  let text: string;
  try {
    // Read on this thread: a batch has nothing else to do meanwhile, and each read through the thread pool costs
    // several round trips that wait for a free core on a busy machine.
    const read = stdin ? readStdinDocument() : source.readDocumentSync(abs);
    if (!read.ok) return { people: [], notes: [`${file}: ${read.reason}`] };
    text = read.text;
  } catch (e) {
    return { people: [], notes, error: `${file}: ${describeFsError(e)}` };
  }
  // Text from stdin has no folder: the workspace lexicon of the current one, and no sidecar, path or file date.
  const { lexicon, problems } = await source.lexiconFor(stdin ? path.join(settings.cwd, STDIN) : abs);
  const found = stdin ? { problems: [] } : await source.sidecarFor(abs);
  notes.push(...problems, ...found.problems);
  const fileDay = stdin || settings.documentDate ? undefined : fileDateUnlessPathDated(abs, settings.fileDate);
  const view = viewDocument(text, { lexicon, sidecar: found.sidecar, path: stdin ? undefined : abs, givenDate: settings.documentDate, fileDate: fileDay, cache });
  const dated = view.documentDate && { value: view.documentDate.value, source: view.documentDate.source };
  const doc: JsonDocument = { path: file, documentDate: dated, entities: view.mentions.filter((m) => !m.layer || m.kind === 'quote').map(toJson) };
  return { json: JSON.stringify(doc), people: peopleOf(view.entities), notes };
}

function peopleOf(entities: readonly Entity[]): WorkspacePerson[] {
  const people: WorkspacePerson[] = [];
  for (const e of entities) {
    if (e.type === 'person') people.push({ id: e.id, name: e.name, lexicon: e.facts.source === 'lexicon' });
  }
  return people;
}

function toJson(m: Mention): JsonEntity {
  const e: JsonEntity =
    m.kind === 'quote'
      ? { kind: m.kind, start: m.start, end: m.end, text: m.text, speaker: m.value, speakerId: m.entityId }
      : { kind: m.kind, start: m.start, end: m.end, text: m.text, id: m.entityId, value: m.value };
  if (m.source === 'manual') e.source = 'manual';
  return e;
}
