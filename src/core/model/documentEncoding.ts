/**
 * A document's bytes as text, the one decoding every reader uses (the CLI, the scan on either thread), so
 * offsets agree with what the editor shows: UTF-8 with its byte-order mark dropped (VS Code drops it too),
 * UTF-16 when a byte-order mark says so, and binary files refused rather than analysed as mojibake.
 */

/** The largest document read by default (bytes): the default of the editor's `marginalia.files.maxFileSize`. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 4_000_000;
/** How much of a file's start tells text from binary. */
export const SNIFF_BYTES = 1024;

export type DocumentEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DecodedDocument = { ok: true; text: string; encoding: DocumentEncoding } | { ok: false; reason: string };

/** Decodes a document, or says why it is not text. */
export function decodeDocument(bytes: Uint8Array): DecodedDocument {
  const encoding = bomEncoding(bytes);
  if (encoding !== 'utf-8') return { ok: true, text: new TextDecoder(encoding).decode(bytes), encoding };
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return { ok: false, reason: `a binary file (NUL bytes in its first ${SNIFF_BYTES} bytes), not read` };
  try {
    // Streamed, so a character cut by the end of the sample is not taken for an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return { ok: false, reason: `a binary file (not UTF-8 or UTF-16 text in its first ${SNIFF_BYTES} bytes), not read` };
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes), encoding };
}

function bomEncoding(bytes: Uint8Array): DocumentEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
