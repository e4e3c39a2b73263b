/**
 * The {@link DocumentSource} on Node's file system, for the CLI, export (also the editor's Export command) and,
 * through its {@link NodeDocumentReader}, the scan worker. A document's lexicon is the nearest
 * `.marginalia/lexicon.yaml` at or above its folder unless the host gives its own (the editor's, which honours
 * `marginalia.lexicon.path`); its sidecar is read, never written, through a {@link SidecarStore} of its workspace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_LEXICON } from '../core/lexicon/builtinLexicon';
import type { Lexicon } from '../core/lexicon/lexicon';
import { formatLexiconProblem, mergeLexicons, parseWorkspaceLexicon } from '../core/lexicon/workspaceLexicon';
import type { DocumentSource, LexiconLookup, SidecarLookup } from '../core/ports/documentSource';
import type { SidecarStore } from '../core/sidecar/sidecarStore';
import { NodeDocumentReader, type NodeReaderOptions } from './nodeDocumentReader';
import { createNodeSidecarStore } from './nodeSidecarStore';
import { findWorkspaceRoot } from './workspaceRoot';

export { describeFsError } from './nodeDocumentReader';

/** Where a workspace keeps its own people and treaties, relative to the workspace folder. */
export const WORKSPACE_LEXICON_PATH = path.join('.marginalia', 'lexicon.yaml');

export interface NodeSourceOptions extends NodeReaderOptions {
  /** The lexicon of a document (absolute path) when the host has its own; else the nearest lexicon file above. */
  lexiconFor?: (absPath: string) => Lexicon;
}

export class NodeDocumentSource extends NodeDocumentReader implements DocumentSource {
  /** Lexicon files already loaded, by path: their problems are reported once. */
  private readonly lexicons = new Map<string, Lexicon>();
  private readonly stores = new Map<string, SidecarStore>();

  constructor(private readonly sourceOptions: NodeSourceOptions) {
    super(sourceOptions);
  }

  async lexiconFor(location: string): Promise<LexiconLookup> {
    const abs = this.resolve(location);
    if (this.sourceOptions.lexiconFor) return { lexicon: this.sourceOptions.lexiconFor(abs), problems: [] };
    const file = this.lexiconFileAbove(path.dirname(abs));
    if (!file) return { lexicon: BUILTIN_LEXICON, problems: [] };
    const cached = this.lexicons.get(file);
    if (cached) return { lexicon: cached, problems: [] };
    let loaded: LexiconLookup;
    try {
      const { lexicon, problems } = parseWorkspaceLexicon(await fs.promises.readFile(file, 'utf8'), file);
      loaded = { lexicon: mergeLexicons(BUILTIN_LEXICON, lexicon), problems: problems.map(formatLexiconProblem) };
    } catch (e) {
      loaded = { lexicon: BUILTIN_LEXICON, problems: [`${file}: ${e instanceof Error ? e.message : String(e)}`] };
    }
    this.lexicons.set(file, loaded.lexicon);
    return loaded;
  }

  /** `root` defaults to the document's workspace (see workspaceRoot.ts). */
  async sidecarFor(location: string, root?: string): Promise<SidecarLookup> {
    const abs = this.resolve(location);
    const workspace = root === undefined ? this.workspaceOf(abs) : this.resolve(root);
    let store = this.stores.get(workspace);
    if (!store) this.stores.set(workspace, (store = createNodeSidecarStore({ root: workspace, cwd: this.options.cwd, readOnly: true })));
    let file;
    try {
      file = await store.open(abs);
    } catch (e) {
      return { problems: [`${abs}: sidecar not read: ${e instanceof Error ? e.message : String(e)} (see --root)`] };
    }
    if (file.state === 'failed') return { path: file.path, problems: [`${file.path} cannot be loaded; its manual annotations are not used:`, ...file.problems.map((p) => `  ${p}`)] };
    return { sidecar: file.state === 'loaded' ? file.sidecar : undefined, path: file.path, problems: [] };
  }

  /** The nearest workspace lexicon file at or above `dir` (absolute). */
  protected lexiconFileAbove(dir: string): string | undefined {
    for (let d = dir; ; d = path.dirname(d)) {
      const candidate = path.join(d, WORKSPACE_LEXICON_PATH);
      if (fs.existsSync(candidate)) return candidate;
      if (path.dirname(d) === d) return undefined;
    }
  }

  /** The workspace of the document at `abs` (see workspaceRoot.ts). */
  protected workspaceOf(abs: string): string {
    return findWorkspaceRoot(abs);
  }
}
