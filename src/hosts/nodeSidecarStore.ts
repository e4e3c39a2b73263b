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
