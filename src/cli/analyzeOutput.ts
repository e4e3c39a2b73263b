/**
 * What `marginalia analyze` writes, one document at a time. People are linked across the files (one id per person,
 * as the editor's index shows them), which is known only once the last file is analysed: until then each document
 * waits, serialized, in a temporary file, so memory holds the people of the batch, never all of its documents
 * (a batch of one document keeps it in memory: no file). A document none of whose people is linked is copied to
 * stdout as the bytes it was written as; the others are relinked where their person ids stand.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dateOrigin } from '../core/recognizers/context';
import { linkPeopleAcrossDocuments, type WorkspacePerson } from '../core/recognizers/speakers/workspacePeople';
import type { AnalyzedFile, JsonDocument } from './analyzeCommand';
import type { CliIo } from './cliIo';
import { relink, relinkJson } from './relinkDocument';

/** Version of `analyze --format json`; bumped only for changes an older reader would misread. */
export const ANALYZE_FORMAT_VERSION = 1;

export type AnalyzeFormat = 'json' | 'jsonl' | 'text';

export class AnalyzeOutput {
  private readonly spool = new Spool();
  private readonly people = new Map<string, WorkspacePerson>();
  /** The person ids of each spooled document: a document none of whose people is linked is copied as it is. */
  private readonly idsOf: string[][] = [];

  constructor(
    private readonly format: AnalyzeFormat,
    private readonly io: CliIo,
  ) {}

  /** The batch's first document, until a second one comes: then both go to the temporary file. */
  private first: string | Uint8Array | undefined;

  add(result: AnalyzedFile): void {
    if (result.json === undefined) return;
    if (this.idsOf.length === 0) this.first = result.json;
    else {
      if (this.first !== undefined) this.spool.append(this.first);
      this.first = undefined;
      this.spool.append(result.json);
    }
    this.idsOf.push(result.people.map((p) => p.id));
    for (const p of result.people) if (!this.people.has(p.id)) this.people.set(p.id, p);
  }

  /** Writes every document, linked, in the order they were added; removes the temporary file. */
  async finish(): Promise<void> {
    try {
      const links = linkPeopleAcrossDocuments(this.people.values());
      if (this.format === 'json') this.io.stdout(`{"marginalia-analyze":${ANALYZE_FORMAT_VERSION},"offsetUnit":"utf-16","documents":[`);
      let i = 0;
      const held = this.first;
      const documents = held === undefined ? this.spool.lines() : [typeof held === 'string' ? held : Buffer.concat([held, NEWLINE])];
      for (const line of documents) {
        const linked = (this.idsOf[i] as string[]).some((id) => links.has(id));
        const json = () => (typeof line === 'string' ? line : line.toString('utf8', 0, line.length - 1));
        if (this.format === 'text') this.io.stdout(`${i > 0 ? '\n' : ''}${renderText(relink(JSON.parse(json()) as JsonDocument, links))}`);
        else if (linked || typeof line === 'string' || !this.io.stdoutBytes) {
          const out = linked ? relinkJson(json(), links) : json();
          this.io.stdout(this.format === 'json' ? `${i > 0 ? ',' : ''}${out}` : `${out}\n`);
        } else if (this.format === 'jsonl') this.io.stdoutBytes(line);
        else this.io.stdoutBytes(i > 0 ? Buffer.concat([COMMA, line.subarray(0, line.length - 1)]) : line.subarray(0, line.length - 1));
        i++;
        const drained = this.io.drained?.();
        if (drained) await drained;
      }
      if (this.format === 'json') this.io.stdout(']}\n');
    } finally {
      this.spool.close();
    }
  }

  /** Removes the temporary file without writing (the run failed). */
  discard(): void {
    this.spool.close();
  }
}

/** A readable table: a header line per document, one row per entity, documents apart by an empty line. */
function renderText(doc: JsonDocument): string {
  const out: string[] = [];
  const dated = doc.documentDate ? `, dated ${doc.documentDate.value} ${dateOrigin(doc.documentDate.source)}` : '';
  out.push(`${doc.path}  (${doc.entities.length} entities${dated})`);
  const rows = doc.entities.map((e) => [e.kind, `${e.start}-${e.end}`, JSON.stringify(e.text), e.value ?? e.speaker ?? '', e.id ?? e.speakerId ?? '']);
  const widths = [0, 1, 2, 3].map((c) => Math.max(0, ...rows.map((r) => (r[c] as string).length)));
  for (const r of rows) out.push(`  ${r.map((cell, c) => (c < 4 ? cell.padEnd(widths[c] as number) : cell)).join('  ').trimEnd()}`);
  out.push('');
  return out.join('\n');
}

const NEWLINE = new Uint8Array([10]);
const COMMA = new Uint8Array([44]);

/** Lines appended to a temporary file and read back in order (JSON escapes newlines, so a line is a document). */
class Spool {
  private dir: string | undefined;
  private fd: number | undefined;
  private readonly removeOnExit = () => this.close();

  append(line: string | Uint8Array): void {
    if (this.fd === undefined) {
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-analyze-'));
      this.fd = fs.openSync(path.join(this.dir, 'documents.jsonl'), 'w+', 0o600);
      process.once('exit', this.removeOnExit);
    }
    if (typeof line === 'string') fs.writeSync(this.fd, `${line}\n`);
    else fs.writeSync(this.fd, Buffer.concat([line, NEWLINE]));
  }

  /** Each line with its newline, as a buffer of its own (it may be queued for writing while the next is read). */
  *lines(): Generator<Buffer> {
    if (this.fd === undefined) return;
    const chunk = Buffer.allocUnsafe(1 << 20);
    let carry: Buffer[] = [];
    let position = 0;
    for (let n = fs.readSync(this.fd, chunk, 0, chunk.length, position); n > 0; n = fs.readSync(this.fd, chunk, 0, chunk.length, position)) {
      position += n;
      let from = 0;
      for (let nl = chunk.indexOf(10, from); nl >= 0 && nl < n; nl = chunk.indexOf(10, from)) {
        carry.push(chunk.subarray(from, nl + 1));
        yield Buffer.concat(carry);
        carry = [];
        from = nl + 1;
      }
      if (from < n) carry.push(Buffer.from(chunk.subarray(from, n)));
    }
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    if (this.dir !== undefined) fs.rmSync(this.dir, { recursive: true, force: true });
    this.fd = undefined;
    this.dir = undefined;
    process.removeListener('exit', this.removeOnExit);
  }
}
