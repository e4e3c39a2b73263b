/**
 * `-` as a command's input: what was piped in, for the CLI commands that read documents (`analyze`, `export`)
 * or sidecars (`check`). Stdin has no path, so no folder: its lexicon is the current folder's, and it has no
 * sidecar and no file date.
 */
import * as fs from 'node:fs';
import { decodeDocument, type DecodedDocument } from '../core/model/documentEncoding';

/** The argument that names stdin. */
export const STDIN = '-';

/** Everything piped in (read once, whole: stdin cannot be read again). */
export function readStdin(): Uint8Array {
  return fs.readFileSync(0);
}

/** The document piped in, decoded as a file's would be, or why it is not text. */
export function readStdinDocument(): DecodedDocument {
  return decodeDocument(readStdin());
}
