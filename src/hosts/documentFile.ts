/**
 * Reading a document from the local disk, for the CLI and both threads of the editor's scan. Only regular files
 * are read (a symlink is followed to one): a FIFO would block the reader forever and a link to /dev/zero would
 * fill its memory. Files over the size limit are not read, and the bytes are decoded by {@link decodeDocument}.
 * Anything not read comes back with the reason, for the caller to report with the file's name.
 */
import * as fs from 'node:fs';
import { decodeDocument, DEFAULT_MAX_DOCUMENT_BYTES, tooLarge } from '../core/model/documentEncoding';
import type { DocumentRead } from '../core/ports/documentSource';

export type DocumentFile = DocumentRead;

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
    // Its size when opened, in a buffer of its own (transferable to another thread): a file that grows meanwhile
    // is read as it was, as readFileSync does, and never past the limit.
    const bytes = Buffer.allocUnsafeSlow(stat.size);
    let length = 0;
    for (let n = -1; length < bytes.length && n !== 0; length += n) n = fs.readSync(fd, bytes, length, bytes.length - length, null);
    return decoded(length === bytes.length ? bytes : bytes.subarray(0, length));
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
    const stat = await handle.stat();
    const again = refusal(stat, maxBytes);
    if (again) return { ok: false, reason: again };
    const bytes = Buffer.allocUnsafeSlow(stat.size);
    let length = 0;
    for (let n = -1; length < bytes.length && n !== 0; length += n) n = (await handle.read(bytes, length, bytes.length - length, null)).bytesRead;
    return decoded(length === bytes.length ? bytes : bytes.subarray(0, length));
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

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'a special file';
}

function decoded(bytes: Buffer): DocumentFile {
  const text = decodeDocument(bytes);
  if (!text.ok) return text;
  return { ok: true, text: text.text, bytes: text.encoding === 'utf-8' ? bytes : undefined };
}
