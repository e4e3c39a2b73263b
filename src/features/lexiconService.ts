/**
 * The lexicon each document is analysed with: the built-in people and treaties merged with its workspace
 * folder's `.marginalia/lexicon.yaml` (path configurable, Restricted-Mode aware). The file is read through
 * `vscode.workspace.fs` (so it works in remote and virtual workspaces), watched, and its problems shown as
 * diagnostics on the file. A missing file is normal and silent.
 */
import * as vscode from 'vscode';
import { AnalysisCache } from '../core/analysisCache';
import { BUILTIN_LEXICON } from '../core/lexicon/builtinLexicon';
import type { Lexicon } from '../core/lexicon/lexicon';
import { lexiconFileOf, readLexiconFile } from './editorDocumentSource';
import { affectsMarginalia } from './settings';

export class LexiconService implements vscode.Disposable {
  private readonly byFolder = new Map<string, Lexicon>();
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('marginalia-lexicon');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private loading: Promise<void> | undefined;

  /** Fires after a lexicon file was added, changed or removed, or the path setting changed. */
  readonly onDidChange = this.changed.event;
  /**
   * What the analyses with these lexicons keep across documents (see analysisCache.ts): kept as long as the
   * lexicons, emptied when one changes (before the listeners of {@link onDidChange} analyse the documents again).
   */
  readonly analysisCache = new AnalysisCache();

  constructor() {
    this.subscriptions.push(
      this.onDidChange(() => this.analysisCache.clear()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload(), this),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsMarginalia(e, 'lexicon.path')) this.reload();
      }, this),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload(), this),
    );
  }

  /** Loads every folder's lexicon; resolves when done. Called once at activation and on every change. */
  ready(): Promise<void> {
    this.loading ??= this.loadAll();
    return this.loading;
  }

  /** The merged lexicon for a document (built-in only for documents outside the workspace folders). */
  lexiconFor(uri: vscode.Uri): Lexicon {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return (folder && this.byFolder.get(folder.uri.toString())) ?? BUILTIN_LEXICON;
  }

  private reload(): void {
    this.loading = this.loadAll().then(() => this.changed.fire());
  }

  private async loadAll(): Promise<void> {
    for (const w of this.watchers.values()) w.dispose();
    this.watchers.clear();
    this.byFolder.clear();
    this.diagnostics.clear();
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.loadFolder(f, true)));
  }

  private async loadFolder(folder: vscode.WorkspaceFolder, watch: boolean): Promise<void> {
    const at = lexiconFileOf(folder);
    if (!at) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Marginalia: the lexicon path must be a relative path inside the workspace folder; using the built-in lexicon.'),
      );
      return;
    }
    const { file, relative } = at;
    if (watch) {
      // A glob over the path's names, not the plain path: VS Code watches a plain path without recursion and
      // misses the file when its folder (.marginalia) does not exist yet; and a folder created with the file
      // already in it may come as one event for the folder. So the file or any folder on its path counts.
      const segments = relative.split('/');
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `**/{${segments.join(',')}}`));
      const onPath = new Set(segments.map((_, i) => vscode.Uri.joinPath(folder.uri, ...segments.slice(0, i + 1)).toString()));
      const onEvent = (uri: vscode.Uri): void => {
        if (!onPath.has(uri.toString())) return;
        void this.loadFolder(folder, false).then(() => this.changed.fire());
      };
      this.watchers.set(
        folder.uri.toString(),
        vscode.Disposable.from(watcher, watcher.onDidChange(onEvent), watcher.onDidCreate(onEvent), watcher.onDidDelete(onEvent)),
      );
    }
    try {
      const loaded = await readLexiconFile(file, relative);
      if (!loaded) {
        this.byFolder.delete(folder.uri.toString());
        this.diagnostics.delete(file);
        return;
      }
      const { lexicon, problems } = loaded;
      this.byFolder.set(folder.uri.toString(), lexicon);
      this.diagnostics.set(
        file,
        problems.map((p) => {
          const line = Math.max(0, (p.line ?? 1) - 1);
          const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), p.message, vscode.DiagnosticSeverity.Warning);
          d.source = 'Marginalia';
          return d;
        }),
      );
    } catch (e) {
      this.byFolder.delete(folder.uri.toString());
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), e instanceof Error ? e.message : String(e), vscode.DiagnosticSeverity.Error);
      d.source = 'Marginalia';
      this.diagnostics.set(file, [d]);
    }
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.dispose();
    vscode.Disposable.from(...this.subscriptions, this.diagnostics, this.changed).dispose();
  }
}
