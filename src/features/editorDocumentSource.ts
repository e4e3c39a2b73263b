/**
 * The {@link DocumentSource} of the editor, on `vscode.workspace.fs` and `vscode.Uri` only (no Node module), so
 * it works for any file-system provider: remote and virtual workspaces, and the extension in the browser. A
 * location is a URI string. A document's lexicon is its workspace folder's `marginalia.lexicon.path` (a path
 * setting, Restricted-Mode aware); its sidecar is beside it or in the folder's `marginalia.sidecar.mirrorFolder`.
 */
import * as vscode from 'vscode';
import { BUILTIN_LEXICON } from '../core/lexicon/builtinLexicon';
import type { Lexicon } from '../core/lexicon/lexicon';
import { formatLexiconProblem, mergeLexicons, parseWorkspaceLexicon, type LexiconProblem } from '../core/lexicon/workspaceLexicon';
import { decodeDocument, DEFAULT_MAX_DOCUMENT_BYTES, tooLarge } from '../core/model/documentEncoding';
import { listDocumentsUnder } from '../core/model/documentFiles';
import type { DocumentRead, DocumentSource, LexiconLookup, SidecarLookup } from '../core/ports/documentSource';
import { describeProblems, parseSidecar } from '../core/sidecar/parseSidecar';
import { PathRefusedError, refusedPathMessage, sidecarPathFor } from '../core/sidecar/sidecarPaths';
import { readSettings } from './settings';
import { safeRelativePath } from './trustedSettings';

/** A workspace folder's lexicon file, parsed and merged with the built-in one; undefined when there is none. */
export async function readLexiconFile(file: vscode.Uri, name: string): Promise<{ lexicon: Lexicon; problems: LexiconProblem[] } | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(file);
  } catch {
    return undefined;
  }
  const { lexicon, problems } = parseWorkspaceLexicon(new TextDecoder('utf-8').decode(bytes), name, vscode.l10n);
  return { lexicon: mergeLexicons(BUILTIN_LEXICON, lexicon), problems };
}

/** Where a workspace folder's lexicon file is, or undefined when the setting names a path outside the folder. */
export function lexiconFileOf(folder: vscode.WorkspaceFolder): { file: vscode.Uri; relative: string } | undefined {
  const relative = safeRelativePath(readSettings(folder.uri).lexiconPath);
  return relative === undefined ? undefined : { file: vscode.Uri.joinPath(folder.uri, relative), relative };
}

/**
 * A document's bytes, undecoded (a web scan worker decodes them), with its modification time (ms since the
 * epoch), or why it is not read: not a regular file, too large.
 */
export async function readDocumentBytes(uri: vscode.Uri, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array; mtime: number } | { ok: false; reason: string }> {
  const st = await vscode.workspace.fs.stat(uri);
  if ((st.type & vscode.FileType.File) === 0) {
    return { ok: false, reason: `not a regular file${st.type & vscode.FileType.Directory ? ' (a folder)' : ''}, not read` };
  }
  if (st.size > maxBytes) return { ok: false, reason: tooLarge(`${st.size} bytes`, maxBytes) };
  return { ok: true, bytes: await vscode.workspace.fs.readFile(uri), mtime: st.mtime };
}

export class EditorDocumentSource implements DocumentSource {
  async readDocument(location: string, maxBytes = DEFAULT_MAX_DOCUMENT_BYTES): Promise<DocumentRead> {
    const read = await readDocumentBytes(vscode.Uri.parse(location), maxBytes);
    if (!read.ok) return read;
    const decoded = decodeDocument(read.bytes);
    return decoded.ok ? { ok: true, text: decoded.text } : decoded;
  }

  listDocuments(folder: string, failed: (folder: string, error: unknown) => void): Promise<string[]> {
    const entries = async (dir: string) =>
      // A link to a folder is not followed, as on Node: it could lead anywhere, or in a circle.
      (await vscode.workspace.fs.readDirectory(vscode.Uri.parse(dir))).map(([name, type]) => ({ name, folder: type === vscode.FileType.Directory }));
    return listDocumentsUnder(folder, { entries, join: (dir, name) => vscode.Uri.joinPath(vscode.Uri.parse(dir), name).toString() }, failed);
  }

  async lexiconFor(location: string): Promise<LexiconLookup> {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(location));
    const at = folder && lexiconFileOf(folder);
    if (!at) return { lexicon: BUILTIN_LEXICON, problems: [] };
    try {
      const loaded = await readLexiconFile(at.file, at.relative);
      return loaded ? { lexicon: loaded.lexicon, problems: loaded.problems.map(formatLexiconProblem) } : { lexicon: BUILTIN_LEXICON, problems: [] };
    } catch (e) {
      return { lexicon: BUILTIN_LEXICON, problems: [`${at.relative}: ${e instanceof Error ? e.message : String(e)}`] };
    }
  }

  /** Read-only; `root` is not needed: a document's workspace is its workspace folder. */
  async sidecarFor(location: string): Promise<SidecarLookup> {
    const uri = vscode.Uri.parse(location);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return { problems: [] };
    const mirrorFolder = readSettings(folder.uri).sidecarMirrorFolder;
    let path: string;
    try {
      path = sidecarPathFor(folder.uri.path, uri.path, { mirrorFolder: mirrorFolder || undefined });
    } catch (e) {
      const why = e instanceof PathRefusedError ? refusedPathMessage(e.path, e.refusal, vscode.l10n) : e instanceof Error ? e.message : String(e);
      return { problems: [`${uri.toString()}: ${why}`] };
    }
    const file = uri.with({ path });
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(file);
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { path: file.toString(), problems: [] };
      return { path: file.toString(), problems: [`${file.toString()}: ${e instanceof Error ? e.message : String(e)}`] };
    }
    const parsed = parseSidecar(bytes, undefined, vscode.l10n);
    if (!parsed.ok) return { path: file.toString(), problems: describeProblems(file.toString(), parsed.problems) };
    return { sidecar: parsed.sidecar, path: file.toString(), problems: [] };
  }
}
