/**
 * "Marginalia: Export Annotations…": one document, chosen documents or folders (also the Explorer's
 * multi-selection), or the whole workspace, in any format of the core's registry, manual annotations only or
 * manual and automatic, to a file or folder the user picks. Its host (exportHost.ts: Node's fs on the desktop,
 * `vscode.workspace.fs` in the browser) reads the documents as saved, sidecars read-only, and writes the files
 * inside the chosen folder only. Tests pass an {@link ExportRequest} and skip the pickers and dialogs.
 */
import * as vscode from 'vscode';
import { countExported } from '../../core/export/exportViews';
import { formatNames } from '../../core/export/formatNames';
import { EXPORT_FORMATS, exportDocuments, exportFormat, type ExportFormatInfo } from '../../core/export/registry';
import type { ExportFormat, ExportedFile } from '../../core/export/types';
import type { Command } from '../command';
import type { LexiconService } from '../lexiconService';
import type { MentionNode, TreeNode } from '../entityTreeProvider';
import { documentName, excludeGlob, isServed } from '../servedDocuments';
import { linkBaseFor, openReport, suggestedExportFolder } from './exportLocation';
import type { ExportHost } from './exportHost';
import { readSettings } from '../settings';
import { uriBasename, uriDirname, uriIsInside, uriStem } from '../uriPaths';

/** What the command needs; anything missing is asked for. */
export interface ExportRequest {
  /** Documents or folders (file: URIs on the desktop). Missing: the user picks a scope. */
  uris?: vscode.Uri[];
  format?: ExportFormat;
  manualOnly?: boolean;
  /** A file for single-file formats, a folder for multi-file ones. Missing: a save or folder dialog. */
  target?: vscode.Uri;
  /** Open a written report and say what was written, as a user's export does (a caller's export does neither unless asked). */
  open?: boolean;
}

/** What an export did, returned to callers (tests) and summarised to the user. */
export interface ExportOutcome {
  /** The files written: paths for local files, else Uris. */
  files: string[];
  documents: number;
  annotations: number;
  problems: string[];
}

const LAST_FORMAT = 'marginalia.export.lastFormat';
const LAST_FOLDER = 'marginalia.export.lastFolder';

export class ExportAnnotationsCommand implements Command {
  readonly id = 'marginalia.exportAnnotations';

  constructor(
    private readonly state: vscode.Memento,
    /** The Marginalia output channel, created on first use. */
    private readonly log: () => vscode.OutputChannel,
    /** Where the editor's lexicons are: the export analyses each document with the one the editor uses. */
    private readonly lexicons: LexiconService,
    private readonly host: ExportHost,
  ) {}

  /** Palette: no arguments. Explorer: (clicked, selected[]). Editor title: (document URI). Tests: a request. */
  async execute(first?: unknown, second?: unknown): Promise<ExportOutcome | undefined> {
    const request: ExportRequest = isRequest(first) ? { ...first } : { uris: urisFromMenu(first, second) };
    const uris = request.uris?.length ? request.uris : await this.pickScope();
    if (!uris?.length) return undefined;
    const local = uris.filter((u) => this.host.canExport(u));
    if (local.length < uris.length) {
      void vscode.window.showErrorMessage(this.host.cannotExportMessage());
      if (local.length === 0) return undefined;
    }
    if (!(await this.saveDirty(local))) return undefined;
    const format = request.format ? exportFormat(request.format) : await this.pickFormat();
    if (!format) return undefined;
    const manualOnly = request.manualOnly ?? (await pickContent());
    if (manualOnly === undefined) return undefined;
    const target = request.target ?? (await this.pickTarget(format, local));
    if (!target) return undefined;
    await this.state.update(LAST_FORMAT, format.id);
    await this.state.update(LAST_FOLDER, (format.multiFile ? target : uriDirname(target)).toString());
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Marginalia: exporting {0}', formatNames(format.id, vscode.l10n).label), cancellable: true },
      (progress, token) => this.run(local, format, manualOnly, target, progress, token),
    );
    if (outcome && (!isRequest(first) || request.open === true)) {
      void openReport(format.id, target);
      void this.report(outcome, format, target);
    }
    return outcome;
  }

  private async run(
    uris: vscode.Uri[],
    format: ExportFormatInfo,
    manualOnly: boolean,
    target: vscode.Uri,
    progress: vscode.Progress<{ message?: string }>,
    token: vscode.CancellationToken,
  ): Promise<ExportOutcome | undefined> {
    const first = uris[0] as vscode.Uri;
    const root = vscode.workspace.getWorkspaceFolder(first)?.uri ?? uriDirname(first);
    progress.report({
      message: uris.length === 1 ? vscode.l10n.t('reading {0}…', uriBasename(first)) : vscode.l10n.t('reading {0} items…', uris.length),
    });
    const loaded = await this.host.load(uris, root, this.lexicons);
    const problems = [...loaded.problems];
    if (token.isCancellationRequested) return undefined;
    if (loaded.documents.length === 0) {
      void vscode.window.showWarningMessage(problems.length ? vscode.l10n.t('Marginalia found no document to export: {0}', problems[0]) : vscode.l10n.t('Marginalia found no document to export.'));
      return undefined;
    }
    const n = loaded.documents.length;
    progress.report({ message: n === 1 ? vscode.l10n.t('writing 1 document…') : vscode.l10n.t('writing {0} documents…', n) });
    const byPath = new Map(loaded.documents.map((d, i) => [d.path, loaded.uris[i] as vscode.Uri]));
    const folder = format.multiFile ? target : uriDirname(target);
    const result = exportDocuments(format.id, loaded.documents, {
      manualOnly,
      entities: loaded.entities,
      documentIri: (p) => (byPath.get(p) ?? vscode.Uri.file(p)).toString(),
      linkBase: linkBaseFor(folder, loaded.root),
      l10n: vscode.l10n,
      // The report's words are in the display language only where a translation is loaded; else English.
      language: vscode.l10n.bundle ? vscode.env.language : 'en',
    });
    problems.push(...result.warnings);
    if (token.isCancellationRequested) return undefined;
    const written = await this.host.write(
      folder,
      format.multiFile ? result.files : [{ path: uriBasename(target), content: (result.files[0] as ExportedFile).content }],
    );
    const annotations = countExported(loaded.documents, { manualOnly });
    for (const p of problems) this.log().appendLine(`[export] ${p}`);
    return { files: written.map(shown), documents: loaded.documents.length, annotations, problems };
  }

  private async report(outcome: ExportOutcome, format: ExportFormatInfo, target: vscode.Uri): Promise<void> {
    const files = outcome.files.length;
    const where = !format.multiFile
      ? shown(target)
      : files === 1
        ? vscode.l10n.t('1 file in {0}', shown(target))
        : vscode.l10n.t('{0} files in {1}', files, shown(target));
    const annotations = outcome.annotations === 1 ? vscode.l10n.t('1 annotation') : vscode.l10n.t('{0} annotations', outcome.annotations);
    const documents = outcome.documents === 1 ? vscode.l10n.t('1 document') : vscode.l10n.t('{0} documents', outcome.documents);
    const summary = vscode.l10n.t('Marginalia exported {0} from {1} to {2}.', annotations, documents, where);
    const [open, reveal, showProblems] = [vscode.l10n.t('Open'), vscode.l10n.t('Reveal'), vscode.l10n.t('Show Problems')];
    const actions = format.multiFile ? [reveal] : [open, reveal];
    if (outcome.problems.length) actions.push(showProblems);
    const choice = await (outcome.problems.length
      ? vscode.window.showWarningMessage(
          outcome.problems.length === 1
            ? vscode.l10n.t('{0} 1 problem was noted.', summary)
            : vscode.l10n.t('{0} {1} problems were noted.', summary, outcome.problems.length),
          ...actions,
        )
      : vscode.window.showInformationMessage(summary, ...actions));
    if (choice === open) await vscode.window.showTextDocument(target);
    // The browser has no file manager to show a file in: the Explorer shows it instead.
    else if (choice === reveal) await vscode.commands.executeCommand(target.scheme === 'file' ? 'revealFileInOS' : 'revealInExplorer', target);
    else if (choice === showProblems) this.log().show(true);
  }

  private async pickScope(): Promise<vscode.Uri[] | undefined> {
    const active = vscode.window.activeTextEditor?.document;
    const items: (vscode.QuickPickItem & { scope: 'document' | 'choose' | 'workspace' })[] = [];
    if (active && isServed(active) && this.host.canExport(active.uri)) {
      items.push({ label: vscode.l10n.t('$(file) This document'), description: uriBasename(active.uri), scope: 'document' });
    }
    items.push({ label: vscode.l10n.t('$(files) Choose documents or folders…'), scope: 'choose' });
    if (vscode.workspace.workspaceFolders?.length) items.push({ label: vscode.l10n.t('$(root-folder) Whole workspace'), description: vscode.l10n.t('every document Marginalia reads'), scope: 'workspace' });
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export annotations of…') });
    if (!picked) return undefined;
    if (picked.scope === 'document') return [(active as vscode.TextDocument).uri];
    if (picked.scope === 'workspace') {
      const s = readSettings();
      return vscode.workspace.findFiles(s.scanGlob, excludeGlob(s.excludeGlobs), s.maxFiles);
    }
    return vscode.window.showOpenDialog({
      canSelectMany: true,
      canSelectFiles: true,
      canSelectFolders: true,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      openLabel: vscode.l10n.t('Export'),
      filters: { [vscode.l10n.t('Documents')]: ['txt', 'md', 'markdown'] },
    });
  }

  private async pickFormat(): Promise<ExportFormatInfo | undefined> {
    const last = this.state.get<string>(LAST_FORMAT);
    const items = EXPORT_FORMATS.map((f) => {
      const words = formatNames(f.id, vscode.l10n);
      return { label: words.label, description: f.id, detail: words.description, format: f };
    });
    items.sort((a, b) => Number(b.format.id === last) - Number(a.format.id === last));
    return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export format'), matchOnDetail: true }))?.format;
  }

  private async pickTarget(format: ExportFormatInfo, uris: vscode.Uri[]): Promise<vscode.Uri | undefined> {
    const first = uris[0] as vscode.Uri;
    const base = suggestedExportFolder(this.state.get<string>(LAST_FOLDER), vscode.workspace.getWorkspaceFolder(first)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri, uriDirname(first));
    // The dialog cannot start in a folder that does not exist yet (`.marginalia/exports` before the first export).
    await Promise.resolve(vscode.workspace.fs.createDirectory(base)).catch(() => undefined);
    if (format.multiFile) {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: base, openLabel: vscode.l10n.t('Export {0} here', formatNames(format.id, vscode.l10n).label) });
      return picked?.[0];
    }
    const name = uris.length === 1 ? uriStem(first) : 'marginalia-export';
    return vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(base, `${name}.${extensionOf(format.id)}`),
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export {0}', formatNames(format.id, vscode.l10n).label),
    });
  }

  /**
   * Export reads documents from disk: unsaved changes are saved first, or the user exports the saved text. Only
   * documents the export reads count: served ones whose file still exists (an editor left open on a deleted file,
   * or on a settings file inside the folder, is not exported).
   */
  private async saveDirty(uris: vscode.Uri[]): Promise<boolean> {
    const dirty: vscode.TextDocument[] = [];
    for (const d of vscode.workspace.textDocuments) {
      if (!d.isDirty || d.isUntitled || !isServed(d) || !uris.some((c) => uriIsInside(c, d.uri))) continue;
      if (await vscode.workspace.fs.stat(d.uri).then(() => true, () => false)) dirty.push(d);
    }
    if (dirty.length === 0) return true;
    const [saveFirst, savedVersions] = [vscode.l10n.t('Save and Export'), vscode.l10n.t('Export Saved Versions')];
    const names = dirty.slice(0, 3).map((d) => documentName(d.uri)).join(', ') + (dirty.length > 3 ? ', …' : '');
    const choice = await vscode.window.showWarningMessage(
      dirty.length === 1
        ? vscode.l10n.t('{0} has unsaved changes. Export reads documents as saved.', names)
        : vscode.l10n.t('{0} documents to export have unsaved changes ({1}). Export reads documents as saved.', dirty.length, names),
      { modal: true },
      saveFirst,
      savedVersions,
    );
    if (choice === saveFirst) return (await Promise.all(dirty.map((d) => d.save()))).every(Boolean);
    return choice === savedVersions;
  }
}

/** A file as the user reads its name: a path for a local file, else its Uri. */
function shown(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

async function pickContent(): Promise<boolean | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Manual and automatic annotations'), manualOnly: false },
      { label: vscode.l10n.t('Manual annotations only'), description: vscode.l10n.t('what you added or accepted by hand'), manualOnly: true },
    ],
    { title: vscode.l10n.t('Which annotations?') },
  );
  return picked?.manualOnly;
}

function extensionOf(format: ExportFormat): string {
  switch (format) {
    case 'json':
    case 'w3c':
      return 'json';
    case 'jsonl':
      return 'jsonl';
    case 'csv':
      return 'csv';
    case 'conll':
      return 'conll';
    case 'report':
      return 'md';
    case 'report-html':
      return 'html';
    default:
      return format;
  }
}

function isRequest(x: unknown): x is ExportRequest {
  return typeof x === 'object' && x !== null && !(x instanceof vscode.Uri) && ('format' in x || 'uris' in x || 'target' in x || 'manualOnly' in x);
}

/**
 * The Explorer passes (clicked URI, all selected URIs); the editor title passes the document's URI; the entity
 * tree passes its node: a document node or a mention stands for its document, a node of "This Document" too.
 */
function urisFromMenu(first: unknown, second: unknown): vscode.Uri[] | undefined {
  if (Array.isArray(second) && second.length > 0 && second.every((u) => u instanceof vscode.Uri)) return second as vscode.Uri[];
  if (first instanceof vscode.Uri) return [first];
  if (typeof first === 'object' && first !== null) {
    const node = first as Partial<TreeNode>;
    const uri = node.type === 'mention' ? (node as MentionNode).ref.uri : 'uri' in node ? node.uri : undefined;
    if (typeof uri === 'string') return [vscode.Uri.parse(uri)];
  }
  return undefined;
}

/** The file extensions the Explorer's "Export Annotations…" shows for (folders always). */
export function registerExportContext(): void {
  void vscode.commands.executeCommand('setContext', 'marginalia.exportableExtensions', ['.txt', '.md', '.markdown']);
}
