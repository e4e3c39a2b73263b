/**
 * The {@link NodeDocumentSource} of one `analyze` batch (each worker thread has its own): what is the same for
 * every document of a folder is looked up once per folder, not once per file. That is the nearest lexicon file
 * and the workspace root (a walk up the folders, a few checks per level), and whether a document has a sidecar:
 * a folder is listed once, and a document whose sidecar is not in the listing goes without one, after its
 * folder's first document was checked the whole way (that the folder lies inside its workspace). A file created
 * while the batch runs is not seen; the next run sees it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SidecarLookup } from '../core/ports/documentSource';
import { SIDECAR_SUFFIX } from '../core/sidecar/sidecarPaths';
import { NodeDocumentSource } from './nodeDocumentSource';

export class BatchDocumentSource extends NodeDocumentSource {
  private readonly lexiconFiles = new Map<string, string | undefined>();
  private readonly workspaces = new Map<string, string>();
  /** Each folder's file names, or undefined when it could not be listed. */
  private readonly listings = new Map<string, Set<string> | undefined>();
  /** Folders whose sidecars resolve inside their workspace: a document there without a sidecar needs no more. */
  private readonly checkedFolders = new Set<string>();

  protected override lexiconFileAbove(dir: string): string | undefined {
    if (!this.lexiconFiles.has(dir)) this.lexiconFiles.set(dir, super.lexiconFileAbove(dir));
    return this.lexiconFiles.get(dir);
  }

  protected override workspaceOf(abs: string): string {
    const dir = path.dirname(abs);
    let root = this.workspaces.get(dir);
    if (root === undefined) this.workspaces.set(dir, (root = super.workspaceOf(abs)));
    return root;
  }

  override async sidecarFor(location: string, root?: string): Promise<SidecarLookup> {
    // Only sidecars beside their documents in their own workspace (what analyze reads) take the short way.
    if (root !== undefined) return super.sidecarFor(location, root);
    const abs = this.resolve(location);
    const folder = path.dirname(abs);
    const sidecarName = `${path.basename(abs)}${SIDECAR_SUFFIX}`;
    if (this.checkedFolders.has(folder) && this.listing(folder)?.has(sidecarName) === false) return { path: path.join(folder, sidecarName), problems: [] };
    const found = await super.sidecarFor(location);
    if (found.problems.length === 0) this.checkedFolders.add(folder);
    return found;
  }

  private listing(folder: string): Set<string> | undefined {
    if (!this.listings.has(folder)) {
      let names: Set<string> | undefined;
      try {
        names = new Set(fs.readdirSync(folder));
      } catch {
        names = undefined;
      }
      this.listings.set(folder, names);
    }
    return this.listings.get(folder);
  }
}
