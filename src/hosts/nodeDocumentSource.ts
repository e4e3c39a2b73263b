/**
 * The {@link DocumentSource} on Node's file system, for the CLI, export (also the editor's Export command) and
 * the scan worker. Documents are read by documentFile.ts; a document's lexicon is the nearest
 * `.marginalia/lexicon.yaml` at or above its folder unless the host gives its own (the editor's, which honours
 * `marginalia.lexicon.path`); its sidecar is read, never written, through a {@link SidecarStore} of its workspace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_LEXICON } from '../core/lexicon/builtinLexicon';
import type { Lexicon } from '../core/lexicon/lexicon';
import { formatLexiconProblem, mergeLexicons, parseWorkspaceLexicon } from '../core/lexicon/workspaceLexicon';
import { listDocumentsUnder } from '../core/model/documentFiles';
import type { DocumentRead, DocumentSource, LexiconLookup, SidecarLookup } from '../core/ports/documentSource';
import type { SidecarStore } from '../core/sidecar/sidecarStore';
import { DocumentNotReadError, readDocumentFile, readDocumentFileSync } from './documentFile';
import { createNodeSidecarStore } from './nodeSidecarStore';
import { findWorkspaceRoot } from './workspaceRoot';

/** Where a workspace keeps its own people and treaties, relative to the workspace folder. */
export const WORKSPACE_LEXICON_PATH = path.join('.marginalia', 'lexicon.yaml');

export interface NodeSourceOptions {
  /** What relative locations are relative to. */
  cwd: string;
  /** The lexicon of a document (absolute path) when the host has its own; else the nearest lexicon file above. */
  lexiconFor?: (absPath: string) => Lexicon;
}

export interface CollectedDocuments {
  /** Document paths, as given for files, joined onto the folder for files found inside folders; in order. */
  files: string[];
  /** One line per path that could not be read ("path: problem"). */
  errors: string[];
}

export class NodeDocumentSource implements DocumentSource {
  /** Lexicon files already loaded, by path: their problems are reported once. */
  private readonly lexicons = new Map<string, Lexicon>();
  private readonly stores = new Map<string, SidecarStore>();

  constructor(private readonly options: NodeSourceOptions) {}

  private resolve(location: string): string {
    return path.resolve(this.options.cwd, location);
  }

  readDocument(location: string, maxBytes?: number): Promise<DocumentRead> {
    return readDocumentFile(this.resolve(location), maxBytes);
  }

  /** {@link readDocument} on this thread (the scan worker answers one message at a time). */
  readDocumentSync(location: string, maxBytes?: number): DocumentRead {
    return readDocumentFileSync(this.resolve(location), maxBytes);
  }

  listDocuments(folder: string, failed: (folder: string, error: unknown) => void): Promise<string[]> {
    const entries = async (dir: string) =>
      (await fs.promises.readdir(this.resolve(dir), { withFileTypes: true })).map((e) => ({ name: e.name, folder: e.isDirectory() }));
    return listDocumentsUnder(folder, { entries, join: path.join }, failed);
  }

  /**
   * Expands CLI arguments into document paths: files are taken as given (whatever their ending), folders are
   * listed by {@link listDocuments}.
   */
  async collect(args: readonly string[]): Promise<CollectedDocuments> {
    const files: string[] = [];
    const errors: string[] = [];
    for (const arg of args) {
      let folder: boolean;
      try {
        folder = fs.statSync(this.resolve(arg)).isDirectory();
      } catch (e) {
        errors.push(`${arg}: ${describeFsError(e)}`);
        continue;
      }
      if (folder) files.push(...(await this.listDocuments(arg, (dir, e) => errors.push(`${dir}: ${describeFsError(e)}`))));
      else files.push(arg);
    }
    return { files, errors };
  }

  async lexiconFor(location: string): Promise<LexiconLookup> {
    const abs = this.resolve(location);
    if (this.options.lexiconFor) return { lexicon: this.options.lexiconFor(abs), problems: [] };
    const file = findUp(path.dirname(abs));
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
    const workspace = root === undefined ? findWorkspaceRoot(abs) : this.resolve(root);
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
}

function findUp(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, WORKSPACE_LEXICON_PATH);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(d) === d) return undefined;
  }
}

/** A short, human message for a Node fs error ("no such file", "permission denied"...). */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      if (e instanceof DocumentNotReadError) return e.reason;
      return e instanceof Error ? e.message : String(e);
  }
}
