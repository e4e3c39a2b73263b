/**
 * The sidecar store as the CLI (and any Node host) builds it: Node file system, this process for temp names and
 * lock ownership, a workspace root that every path must stay inside.
 */
import * as path from 'node:path';
import type { SidecarLocation } from '../core/sidecar/sidecarPaths';
import { SidecarStore } from '../core/sidecar/sidecarStore';
import { isProcessAlive, NodeFileSystem } from './nodeFileSystem';

export interface NodeStoreOptions {
  /** Workspace root; relative to `cwd`. */
  root: string;
  cwd: string;
  readOnly?: boolean;
  /** Beside the documents (default) or in a mirror folder. */
  location?: SidecarLocation;
}

/** A store over the real file system rooted at `root`. */
export function createNodeSidecarStore(options: NodeStoreOptions): SidecarStore {
  return new SidecarStore({
    fs: new NodeFileSystem(),
    root: path.resolve(options.cwd, options.root),
    readOnly: options.readOnly,
    location: options.location,
    process: { pid: process.pid, isAlive: isProcessAlive },
  });
}

/**
 * A document's text as the editor sees it: UTF-8 with the byte-order mark removed (VS Code drops it too, so
 * offsets agree). Line ends are kept: VS Code keeps CRLF in the text it hands out.
 */
export async function readDocumentText(store: SidecarStore, documentPath: string): Promise<string> {
  const bytes = await store.options.fs.readFile(documentPath);
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
