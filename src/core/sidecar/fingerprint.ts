/**
 * A fingerprint of a document's text, stored in the sidecar so tools can tell whether the text changed since
 * the positions were recorded. FNV-1a 64 instead of SHA-256: the core cannot reach `node:crypto` or the async
 * Web Crypto API from pure synchronous code, and this is a change detector, not a security boundary. It hashes
 * the normalised text (no BOM, LF, NFC), so CRLF and LF checkouts of one document share a fingerprint.
 */
import { normalizeText } from '../anchoring/normalizedText';

/** `fnv1a64:` + 16 hex digits of the normalised text. */
export function textFingerprint(text: string): string {
  return `fnv1a64:${fnv1a64(normalizeText(text).text)}`;
}

/** FNV-1a 64 over the UTF-16 code units of `s` (low byte first), as 16 hex digits. */
export function fnv1a64(s: string): string {
  // Four 16-bit limbs, low first: exact 64-bit arithmetic without BigInt (which is ~20x slower here).
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    for (let b = 0; b < 2; b++) {
      h0 ^= b === 0 ? unit & 0xff : unit >>> 8;
      // h * 0x100000001b3 = h * 0x1b3 + (h << 40)
      let t0 = h0 * 0x1b3;
      let t1 = h1 * 0x1b3;
      let t2 = h2 * 0x1b3 + (h0 << 8);
      let t3 = h3 * 0x1b3 + (h1 << 8);
      t1 += t0 >>> 16;
      t0 &= 0xffff;
      t2 += t1 >>> 16;
      t1 &= 0xffff;
      t3 += t2 >>> 16;
      t2 &= 0xffff;
      h0 = t0;
      h1 = t1;
      h2 = t2;
      h3 = t3 & 0xffff;
    }
  }
  return [h3, h2, h1, h0].map((h) => h.toString(16).padStart(4, '0')).join('');
}

/**
 * A fast hash of raw bytes for the store's "bytes last read" check (reliability #5): two 32-bit multiplicative
 * lanes over 4-byte words, plus the length. It detects changes; it is not meant to resist a crafted collision
 * (anyone able to craft one can simply write the file).
 */
export function bytesHash(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const words = bytes.length >>> 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < words; i++) {
    const w = view.getUint32(i * 4, true);
    h1 = Math.imul(h1 ^ w, 0x01000193);
    h2 = Math.imul(h2 ^ w, 0x5bd1e995) ^ (h1 >>> 15);
  }
  for (let i = words * 4; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i], 0x01000193);
    h2 = Math.imul(h2 ^ bytes[i], 0x5bd1e995) ^ (h1 >>> 15);
  }
  return `${bytes.length}:${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}
