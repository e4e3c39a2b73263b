/**
 * Where documents come from, as the document pipeline sees it (see documentPipeline.ts): their bytes decoded,
 * the documents under a folder, and what a document is analysed with besides its text, its lexicon and its
 * sidecar. One implementation per host: Node's file system for the CLI, export and the scan worker
 * (hosts/nodeDocumentSource.ts), `vscode.workspace.fs` for the editor (features/editorDocumentSource.ts).
 * A location is whatever the host names a document by: a path for Node, a URI string in the editor.
 */
import type { Lexicon } from '../lexicon/lexicon';
import type { Sidecar } from '../model/annotation';

export type DocumentRead =
  /** `bytes`: the UTF-8 bytes the text was decoded from, when it was UTF-8 (the scan keeps them in its place). */
  | { ok: true; text: string; bytes?: Uint8Array }
  /** Not a document (a folder, a FIFO, a device, a binary file) or over the size limit: not read, for `reason`. */
  | { ok: false; reason: string };

/** A document's lexicon, with the problems of its lexicon file (reported once per file by a source). */
export interface LexiconLookup {
  lexicon: Lexicon;
  problems: string[];
}

/** A document's sidecar: absent when it has none; `problems` (naming the file) when it has one that does not load. */
export interface SidecarLookup {
  sidecar?: Sidecar;
  /** Where the sidecar is (or would be). */
  path?: string;
  problems: string[];
}

export interface DocumentSource {
  /**
   * Reads and decodes a document of at most `maxBytes` (the default limit when undefined). Rejects only when the
   * file cannot be read at all (missing, permission denied), with an error naming it.
   */
  readDocument(location: string, maxBytes?: number): Promise<DocumentRead>;
  /** The documents under a folder (see listDocumentsUnder); folders that cannot be listed go to `failed`. */
  listDocuments(folder: string, failed: (folder: string, error: unknown) => void): Promise<string[]>;
  /** The lexicon the document is analysed with: built-in data merged with its workspace's lexicon file. */
  lexiconFor(location: string): Promise<LexiconLookup>;
  /** The document's sidecar, read-only; `root` is the workspace it must be in when the host does not know it. */
  sidecarFor(location: string, root?: string): Promise<SidecarLookup>;
}
