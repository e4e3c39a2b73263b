/**
 * Reading a document from the local disk, for the CLI and both threads of the editor's scan. Only regular files
 * are read (a symlink is followed to one): a FIFO would block the reader forever and a link to /dev/zero would
 * fill its memory. Files over the size limit are not read, and the bytes are decoded by {@link decodeDocument}.
 * Anything not read comes back with the reason, for the caller to report with the file's name.
 */
import * as fs from 'node:fs';
import { decodeDocument, DEFAULT_MAX_DOCUMENT_BYTES } from '../core/model/documentEncoding';

export type DocumentFile =
  /** `bytes`: the UTF-8 bytes the text was decoded from, when it was UTF-8 (the scan keeps them in its place). */
  | { ok: true; text: string; bytes?: Uint8Array }
  | { ok: false; reason: string };

/** Why a document was not read; its message names the file. */
export class DocumentNotReadError extends Error {
  /** Errno-style, so callers that describe file-system errors describe this one too. */
  readonly code = 'ENOTDOCUMENT';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

const CHUNK = 64 * 1024;
// Opening a FIFO without O_NONBLOCK waits for a writer; on a regular file the flag changes nothing.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Reads and decodes a document; throws only for file-system errors (missing, permission denied...). */
export function readDocumentFileSync(path: string, maxBytes = DEFAULT_MAX_DOCUMENT_BYTES): DocumentFile {
  // Checked before opening (opening a device can have effects) and again on what was opened (it may have changed).
  const refused = refusal(fs.statSync(path), maxBytes);
  if (refused) return { ok: false, reason: refused };
  const fd = fs.openSync(path, OPEN_FLAGS);
  try {
    const stat = fs.fstatSync(fd);
    const again = refusal(stat, maxBytes);
    if (again) return { ok: false, reason: again };
    const fill = (buffer: Buffer) => {
      let n = 0;
      for (let r = -1; n < buffer.length && r !== 0; n += r) r = fs.readSync(fd, buffer, n, buffer.length - n, null);
      return n;
    };
    // The whole file in a buffer of its own (transferable to another thread), then a probe for more: a file that
    // grew after its size was taken is read on, up to one byte past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (let buffer = Buffer.allocUnsafeSlow(stat.size); ; buffer = Buffer.allocUnsafe(Math.min(chunks.length === 1 ? 1 : CHUNK, maxBytes + 1 - total))) {
      const n = fill(buffer);
      chunks.push(buffer.subarray(0, n));
      total += n;
      if (n < buffer.length || total > maxBytes) break;
    }
    const first = chunks[0] as Buffer;
    return decoded(total === first.length ? first : Buffer.concat(chunks, total), maxBytes);
  } finally {
    fs.closeSync(fd);
  }
}

/** {@link readDocumentFileSync} without blocking the thread (for slow disks). */
export async function readDocumentFile(path: string, maxBytes = DEFAULT_MAX_DOCUMENT_BYTES): Promise<DocumentFile> {
  const refused = refusal(await fs.promises.stat(path), maxBytes);
  if (refused) return { ok: false, reason: refused };
  const handle = await fs.promises.open(path, OPEN_FLAGS);
  try {
    const again = refusal(await handle.stat(), maxBytes);
    if (again) return { ok: false, reason: again };
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, Math.min(CHUNK, maxBytes + 1 - total), null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return decoded(Buffer.concat(chunks, total), maxBytes);
  } finally {
    await handle.close();
  }
}

/** Reads a document that must be read (annotate, check, import): its text, else a {@link DocumentNotReadError}. */
export async function readDocumentText(path: string): Promise<string> {
  const read = await readDocumentFile(path);
  if (!read.ok) throw new DocumentNotReadError(path, read.reason);
  return read.text;
}

function refusal(stat: fs.Stats, maxBytes: number): string | undefined {
  if (!stat.isFile()) return `not a regular file (${kindOf(stat)}), not read`;
  return stat.size > maxBytes ? tooLarge(`${stat.size} bytes`, maxBytes) : undefined;
}

/** Why a file of `size` ("1234 bytes") is not read. */
export function tooLarge(size: string, maxBytes: number): string {
  return `${size}, over the ${maxBytes}-byte limit for a document (marginalia.files.maxFileSize), not read`;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'a special file';
}

function decoded(bytes: Buffer, maxBytes: number): DocumentFile {
  // It grew past the limit after its size was checked.
  if (bytes.length > maxBytes) return { ok: false, reason: tooLarge(`more than ${maxBytes} bytes`, maxBytes) };
  const text = decodeDocument(bytes);
  if (!text.ok) return text;
  return { ok: true, text: text.text, bytes: text.encoding === 'utf-8' ? bytes : undefined };
}
