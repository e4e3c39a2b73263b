/**
 * What the sidecar stores: the user's manual annotations, the automatic mentions they rejected, and facts about
 * the document. Plain data; offsets are UTF-16 code units, end exclusive, like {@link Mention}.
 */
import type { MentionKind } from './mention';

/** The current sidecar format version (`marginalia: 1`). Newer files are refused, never rewritten. */
export const SIDECAR_FORMAT_VERSION = 1;

/** Where an annotation was, by offsets into the text it was made on (W3C TextPositionSelector). */
export interface PositionSelector {
  start: number;
  end: number;
}

/**
 * What an annotation covered, by content (W3C TextQuoteSelector): the exact text plus about 32 characters on
 * each side, so it can be found again after the text changed.
 */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Selectors {
  position: PositionSelector;
  quote: QuoteSelector;
}

/** One manual annotation: a user-made mention with a stable id. */
export interface Annotation {
  /** Stable id (`a-` + 16 base32 characters); never reused, survives every edit. */
  id: string;
  kind: MentionKind;
  /** User-defined label (for `custom` kinds, or a refinement of a built-in kind). */
  label?: string;
  note?: string;
  /** Canonical entity this annotation links to (`person:sergey-ryabkov`). */
  entityId?: string;
  attributes?: Record<string, string>;
  author?: string;
  /** ISO 8601 timestamps. */
  created: string;
  modified: string;
  selectors: Selectors;
}

/**
 * An automatic mention the user said is wrong. Kept by kind and quote (with the position as a hint) so it stays
 * hidden after edits and reloads, like an annotation is re-anchored.
 */
export interface Rejection {
  /** Stable id (`r-` + 16 base32 characters). */
  id: string;
  kind: MentionKind;
  author?: string;
  created: string;
  selectors: Selectors;
}

/** Facts about the document the sidecar belongs to. */
export interface DocumentMetadata {
  title?: string;
  source?: string;
  /** Reference date (ISO 8601) for relative dates such as "yesterday". */
  date?: string;
  /** Fingerprint of the text the positions were recorded on ({@link textFingerprint}). */
  fingerprint?: string;
}

/** The whole content of one sidecar file, as the core models it. */
export interface Sidecar {
  version: number;
  document: DocumentMetadata;
  annotations: Annotation[];
  rejections: Rejection[];
}

/** An empty sidecar for a document that has none yet. */
export function emptySidecar(): Sidecar {
  return { version: SIDECAR_FORMAT_VERSION, document: {}, annotations: [], rejections: [] };
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * A new random id with the given prefix: 16 base32 characters (80 bits), so two people annotating the same
 * document on two machines never collide and merges need no renumbering. `random` is injectable for tests.
 */
export function newId(prefix: 'a' | 'r', random?: () => number): string {
  const digits = random ? Array.from({ length: 16 }, () => Math.floor(random() * 32) % 32) : secureDigits();
  let id = `${prefix}-`;
  for (const d of digits) id += BASE32[d];
  return id;
}

/** 16 base32 digits from Web Crypto where the host has it (Node 20, the extension host, browsers). */
function secureDigits(): number[] {
  const c = (globalThis as { crypto?: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto;
  const bytes = c ? c.getRandomValues(new Uint8Array(16)) : Uint8Array.from({ length: 16 }, () => Math.floor(Math.random() * 256));
  return Array.from(bytes, (b) => b & 31);
}

/** Orders annotations the way the sidecar file lists them: by position, then id, so order is deterministic. */
export function compareAnnotations(a: { id: string; selectors: Selectors }, b: { id: string; selectors: Selectors }): number {
  const pa = a.selectors.position;
  const pb = b.selectors.position;
  return pa.start - pb.start || pa.end - pb.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
