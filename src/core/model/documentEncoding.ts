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

const UTF8 = new TextDecoder('utf-8');

/** Decodes a document, or says why it is not text. */
export function decodeDocument(bytes: Uint8Array): DecodedDocument {
  const encoding = bomEncoding(bytes);
  if (encoding !== 'utf-8') return { ok: true, text: new TextDecoder(encoding).decode(bytes), encoding };
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return { ok: false, reason: `a binary file (NUL bytes in its first ${SNIFF_BYTES} bytes), not read` };
  if (!isUtf8Start(head)) return { ok: false, reason: `a binary file (not UTF-8 or UTF-16 text in its first ${SNIFF_BYTES} bytes), not read` };
  return { ok: true, text: UTF8.decode(bytes), encoding };
}

/**
 * True when `head` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF), a
 * character cut by its end included. By hand: a fatal TextDecoder per file cost more than the read.
 */
function isUtf8Start(head: Uint8Array): boolean {
  for (let i = 0; i < head.length; ) {
    const c = head[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const length = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (length === 0) return false;
    // The second byte's range is narrower after E0, ED, F0 and F4 (overlong forms, surrogates, past U+10FFFF).
    const low = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const high = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length && i + k < head.length; k++) {
      const b = head[i + k] as number;
      if (k === 1 ? b < low || b > high : b < 0x80 || b > 0xbf) return false;
    }
    i += length;
  }
  return true;
}

function bomEncoding(bytes: Uint8Array): DocumentEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Why a file of `size` ("1234 bytes") is not read. */
export function tooLarge(size: string, maxBytes: number): string {
  return `${size}, over the ${maxBytes}-byte limit for a document (marginalia.files.maxFileSize), not read`;
}
