/**
 * What `marginalia analyze` writes, one document at a time. People are linked across the files (one id per person,
 * as the editor's index shows them), which is known only once the last file is analysed: until then each document
 * waits, serialized, in a temporary file, so memory holds the people of the batch, never all of its documents
 * (a batch of one document keeps it in memory: no file). A document none of whose people is linked is copied to
 * stdout as the bytes it was written as; the others are relinked where their person ids stand, in their bytes.
 */
import { splitsSurrogatePair } from '../core/export/offsets';
import { dateOriginWords } from '../core/model/dateOriginWords';
import { NameKeys } from '../core/recognizers/speakers/nameKeys';
import { linkPeopleAcrossDocuments, type WorkspacePerson } from '../core/recognizers/speakers/workspacePeople';
import type { AnalyzedFile, JsonDocument } from './analyzeFile';
import { SpoolFolder, type SpooledDocument } from './analyzeSpool';
import type { CliIo } from './cliIo';
import { LinkedBytes, personRefs, relink, relinkParts } from './relinkDocument';

/** Version of `analyze --format json`; bumped only for changes an older reader would misread. */
export const ANALYZE_FORMAT_VERSION = 1;

export type AnalyzeFormat = 'json' | 'jsonl' | 'text';

export class AnalyzeOutput {
  private readonly spool = new SpoolFolder();
  private readonly people = new Map<string, WorkspacePerson>();
  /**
   * The people's name keys, made as they come: with worker threads, this thread waits for them meanwhile, and
   * linking them (after the last document, before anything is written) only looks the keys up.
   */
  private readonly names = new NameKeys();
  /** Where each document waits, in the order they were added. */
  private readonly spooled: SpooledDocument[] = [];
  /** The person ids of each document: a document none of whose people is linked is copied as it is. */
  private readonly idsOf: string[][] = [];
  /** The batch's first document, until a second one comes: then both go to the temporary file. */
  private first: string | undefined;

  constructor(
    private readonly format: AnalyzeFormat,
    private readonly io: CliIo,
  ) {}

  /** The temporary folder worker threads write their documents in (see analyzeSpool.ts). */
  spoolFolder(): string {
    return this.spool.path();
  }

  add(result: AnalyzedFile): void {
    if (result.spooled) this.spooled.push(result.spooled);
    else if (result.json === undefined) return;
    else if (this.idsOf.length === 0) this.first = result.json;
    else {
      if (this.first !== undefined) this.spooled.push(this.spool.append(this.first));
      this.first = undefined;
      this.spooled.push(this.spool.append(result.json));
    }
    this.idsOf.push(result.people.map((p) => p.id));
    for (const p of result.people) {
      if (this.people.has(p.id)) continue;
      this.people.set(p.id, p);
      this.names.of(p.name, false);
    }
  }

  /** Writes every document, linked, in the order they were added; removes the temporary files. */
  async finish(): Promise<void> {
    try {
      const links = linkPeopleAcrossDocuments(this.people.values(), this.names);
      const linkedBytes = new LinkedBytes(links);
      if (this.format === 'json') this.io.stdout(`{"marginalia-analyze":${ANALYZE_FORMAT_VERSION},"offsetUnit":"utf-16","documents":[`);
      // Buffers to fill again once stdout has taken what was written from them (see READ_SIZE in analyzeSpool.ts).
      let scratch: Buffer | undefined;
      let framing: Buffer | undefined;
      for (let i = 0; i < this.idsOf.length; i++) {
        // The document's bytes with their newline, or the held first document.
        // The held first document's person references are looked for only when one of its people is linked.
        const held = this.first !== undefined;
        const read = held ? { line: Buffer.from(`${this.first}\n`), refs: undefined, bytes: undefined } : this.spool.read(this.spooled[i] as SpooledDocument, scratch);
        const { line, refs } = read;
        scratch = undefined;
        const doc = line.subarray(0, line.length - 1);
        const linked = (this.idsOf[i] as string[]).some((id) => links.has(id));
        if (this.format === 'text') {
          this.io.stdout(`${i > 0 ? '\n' : ''}${renderText(relink(JSON.parse(doc.toString('utf8')) as JsonDocument, links))}`);
          scratch = read.bytes;
        } else {
          const parts = linked ? relinkParts(doc, held ? personRefs(doc) : refs, linkedBytes) : [doc];
          const framed = this.format === 'jsonl' ? [...parts, NEWLINE] : i > 0 ? [COMMA, ...parts] : parts;
          let bytes: Uint8Array;
          let joined: Buffer | undefined;
          if (this.format === 'jsonl' && parts.length === 1 && parts[0] === doc) bytes = line;
          else if (framed.length === 1) bytes = framed[0] as Uint8Array;
          else bytes = (joined = roomFor(framed, framing)).subarray(0, joinInto(framed, joined));
          if (!this.io.stdoutBytes) this.io.stdout(Buffer.from(bytes).toString('utf8'));
          else if (this.io.stdoutBytes(bytes) === true) {
            scratch = read.bytes;
            framing = joined ?? framing;
          } else framing = undefined;
        }
        const drained = this.io.drained?.();
        if (drained) await drained;
      }
      if (this.format === 'json') this.io.stdout(']}\n');
    } finally {
      this.spool.remove();
    }
  }

  /** Removes the temporary files without writing (the run failed). */
  discard(): void {
    this.spool.remove();
  }
}

/** A readable table: a header line per document, one row per entity, documents apart by an empty line. */
function renderText(doc: JsonDocument): string {
  const out: string[] = [];
  const dated = doc.documentDate ? `, dated ${doc.documentDate.value} ${dateOriginWords(doc.documentDate.source)}` : '';
  out.push(`${doc.path}  (${doc.entities.length} entities${dated})`);
  const rows = doc.entities.map((e) => [e.kind, `${e.start}-${e.end}`, shownText(e.text), e.value ?? e.speaker ?? '', e.id ?? e.speakerId ?? '']);
  const widths = [0, 1, 2, 3].map((c) => Math.max(0, ...rows.map((r) => (r[c] as string).length)));
  for (const r of rows) out.push(`  ${r.map((cell, c) => (c < 4 ? cell.padEnd(widths[c] as number) : cell)).join('  ').trimEnd()}`);
  out.push('');
  return out.join('\n');
}

/**
 * At most this many characters of an entity's text in the table: a quote can run to thousands, and every row is
 * padded to the widest (the JSON formats give the text whole).
 */
const SHOWN_CHARS = 60;

function shownText(text: string): string {
  if (text.length <= SHOWN_CHARS) return JSON.stringify(text);
  let cut = SHOWN_CHARS - 1;
  if (splitsSurrogatePair(text, cut)) cut--;
  return JSON.stringify(`${text.slice(0, cut)}…`);
}

/** `into` when the parts fit in it, else a new buffer they fit in. */
function roomFor(parts: Uint8Array[], into: Buffer | undefined): Buffer {
  const size = parts.reduce((n, p) => n + p.length, 0);
  return into && into.length >= size ? into : Buffer.allocUnsafe(Math.max(size, 256 * 1024));
}

/** Copies the parts one after the other to the start of `out`; returns their length. */
function joinInto(parts: Uint8Array[], out: Buffer): number {
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return at;
}

const COMMA = Buffer.from(',');
const NEWLINE = Buffer.from('\n');
