/**
 * Where the documents of an `analyze` batch wait, serialized, until the last one is analysed and the people are
 * linked across them: a temporary folder with one file per thread that writes. A worker thread writes its own
 * documents there and sends the main thread only where each one lies, so no document crosses between threads
 * and the main thread writes none of them twice. Each document is followed by where its person ids stand
 * (relinkDocument.ts), found where it was serialized, so that relinking it is splicing bytes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { personRefs, type PersonRefs } from './relinkDocument';

/**
 * Where a document lies in the spool: its file's name in the folder, its first byte, its length in bytes and the
 * length of its person references' line after it.
 */
export interface SpooledDocument {
  file: string;
  offset: number;
  length: number;
  refsLength: number;
}

/** A document read back: its bytes with the newline that follows them, and where its person ids stand. */
export interface ReadDocument {
  line: Buffer;
  /** The buffer read into, to read the next document into once this one is written. */
  bytes: Buffer;
  refs: PersonRefs | undefined;
}

const NEWLINE = Buffer.from('\n');

/**
 * The least a document is read back into. The main thread of a batch allocates almost nothing on its heap while
 * it writes, so nothing prompts a collection: a new buffer per document would pile up outside the heap (tens of
 * megabytes) before the buffers written were freed. One buffer, filled again once stdout has taken it, does not.
 */
const READ_SIZE = 256 * 1024;

/** One thread's file of the spool: documents appended one after the other, each line followed by its references' line. */
export class SpoolWriter {
  private readonly fd: number;
  private size = 0;

  constructor(
    folder: string,
    private readonly name: string,
  ) {
    this.fd = fs.openSync(path.join(folder, name), 'w', 0o600);
  }

  append(json: string): SpooledDocument {
    const bytes = Buffer.from(json);
    const refs = Buffer.from(`${JSON.stringify(personRefs(bytes) ?? null)}\n`);
    const offset = this.size;
    writeAll(this.fd, bytes);
    writeAll(this.fd, NEWLINE);
    writeAll(this.fd, refs);
    this.size += bytes.length + 1 + refs.length;
    return { file: this.name, offset, length: bytes.length, refsLength: refs.length };
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

/** The spool's folder, made when the first document needs it and removed (with its files) by {@link remove}. */
export class SpoolFolder {
  private dir: string | undefined;
  private own: SpoolWriter | undefined;
  private readonly readers = new Map<string, number>();
  private readonly removeOnExit = () => this.remove();

  /** The folder, made now if need be: worker threads are given it to write their files in. */
  path(): string {
    if (this.dir === undefined) {
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-analyze-'));
      process.once('exit', this.removeOnExit);
    }
    return this.dir;
  }

  /** Appends a document to this thread's file. */
  append(json: string): SpooledDocument {
    this.own ??= new SpoolWriter(this.path(), 'main.jsonl');
    return this.own.append(json);
  }

  /**
   * A document's bytes with the newline that follows it, in `into` when it is large enough, else in a buffer of
   * its own (it may wait to be written).
   */
  read(doc: SpooledDocument, into?: Buffer): ReadDocument {
    let fd = this.readers.get(doc.file);
    if (fd === undefined) this.readers.set(doc.file, (fd = fs.openSync(path.join(this.path(), doc.file), 'r')));
    const size = doc.length + 1 + doc.refsLength;
    const bytes = into && into.length >= size ? into.subarray(0, size) : Buffer.allocUnsafe(Math.max(size, READ_SIZE));
    for (let at = 0; at < size; ) {
      const n = fs.readSync(fd, bytes, at, size - at, doc.offset + at);
      if (n === 0) throw new Error(`the temporary file ${doc.file} ended early`);
      at += n;
    }
    const line = bytes.subarray(0, doc.length + 1);
    return { line, bytes, refs: (JSON.parse(bytes.toString('utf8', doc.length + 1, size)) as PersonRefs | null) ?? undefined };
  }

  remove(): void {
    this.own?.close();
    this.own = undefined;
    for (const fd of this.readers.values()) fs.closeSync(fd);
    this.readers.clear();
    if (this.dir !== undefined) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
    process.removeListener('exit', this.removeOnExit);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}
