/**
 * Sidecars in the editor: one {@link SidecarStore} per workspace folder (over the file system the host chooses,
 * see sidecarPlaces.ts; read-only in Restricted Mode), one loaded {@link SidecarFile} per document, and the
 * {@link MentionReconciler} that puts manual annotations and rejections into every document view. Loading is
 * asynchronous and reconciling is not: a document whose sidecar is not loaded yet shows its automatic mentions,
 * and is reconciled again when the sidecar arrives. External changes (git pull, another window, the CLI) come in
 * through a file watcher, and a hash re-check when the window regains focus (watchers miss events); the file is
 * reloaded and merged, never overwritten. Positions are written back when the document is saved, so the
 * sidecar's fingerprint and offsets always describe the text on disk.
 */
import * as vscode from 'vscode';
import type { AnalysisResult } from '../../core/analyze';
import { withSelectors } from '../../core/anchoring/reanchor';
import { BackgroundReanchor, type ReanchorRunner } from '../../core/anchoring/backgroundReanchor';
import { reconcile, type DocumentView } from '../../core/model/documentView';
import { basename, dirname } from '../../core/ports/fileSystem';
import type { Annotation, Rejection } from '../../core/model/annotation';
import { textFingerprint } from '../../core/sidecar/fingerprint';
import type { SidecarEdit } from '../../core/sidecar/sidecarEdits';
import type { SidecarFile } from '../../core/sidecar/sidecarFile';
import { SIDECAR_SUFFIX } from '../../core/sidecar/sidecarPaths';
import { reconciledView } from '../../core/documentPipeline';
import type { MentionReconciler } from '../documentModel';
import { readSettings } from '../settings';
import type { SidecarPlace, SidecarPlaces } from './sidecarPlaces';

/** How long a folder listing answers "has this document a sidecar?" (a scan's burst of documents). */
const LISTING_TTL_MS = 2000;

export class SidecarHost implements MentionReconciler, vscode.Disposable {
  private stores = new Map<string, SidecarPlace>();
  private readonly files = new Map<string, SidecarFile>();
  private readonly loading = new Map<string, Promise<SidecarFile | undefined>>();
  private readonly views = new Map<string, DocumentView>();
  private readonly unsubscribe = new Map<string, () => void>();
  /**
   * Documents known to have no sidecar, by the sidecar path they would have: found with one listing of the
   * sidecars' folder instead of four file-system calls per document (a scan of 1,000 files). They get a
   * SidecarFile when one is needed (an annotation) or when their sidecar appears (the watcher).
   */
  private readonly absent = new Map<string, string>();
  /** The same, the other way round: document URI -> the sidecar path it would have. */
  private readonly absentSidecarOf = new Map<string, string>();
  /** Folder listings (file names) for {@link absent}, kept for {@link LISTING_TTL_MS}. */
  private readonly listings = new Map<string, { at: number; names: Promise<Set<string>> }>();
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Places annotations, off this thread when that takes long (a large document, many annotations). */
  private readonly placing: BackgroundReanchor<Annotation, Rejection>;

  /** Fires with a document URI when its manual annotations changed (MentionReconciler). */
  readonly onDidChange = this.changed.event;

  /**
   * `places`: where the host keeps a workspace folder's sidecars (Node's fs or `vscode.workspace.fs`);
   * `reanchorRunner`: where long re-anchoring runs (see BackgroundReanchor); without one, in this thread.
   */
  constructor(
    private readonly places: SidecarPlaces,
    reanchorRunner?: ReanchorRunner,
  ) {
    // An answer from the runner is picked up by reconciling the document again (the model listens to this event).
    this.placing = new BackgroundReanchor(reanchorRunner, (key) => this.changed.fire(key));
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    this.subscriptions.push(
      watcher,
      watcher.onDidChange((u) => void this.externalChange(u)),
      watcher.onDidCreate((u) => void this.externalChange(u)),
      watcher.onDidDelete((u) => void this.externalChange(u)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.resetStores()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.resetStores()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('marginalia.sidecar')) this.resetStores();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => void this.writePositions(d)),
      vscode.window.onDidChangeWindowState((s) => {
        if (s.focused) void this.recheckAll();
      }),
      this.changed,
    );
  }

  /** The document's sidecar, loaded once and kept current; undefined outside a workspace folder or not on disk. */
  open(uri: vscode.Uri): Promise<SidecarFile | undefined> {
    const key = uri.toString();
    this.forgetAbsent(key);
    const file = this.files.get(key);
    if (file) return Promise.resolve(file);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.load(uri).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  /** MentionReconciler: the sidecar is loaded before a scanned document is indexed. */
  async prepare(uri: vscode.Uri): Promise<unknown> {
    const key = uri.toString();
    if (this.absentSidecarOf.has(key)) return undefined;
    if (this.files.has(key) || this.loading.has(key)) return this.open(uri);
    const place = this.storeFor(uri);
    const sidecarPath = place?.store.sidecarPath(place.pathOf(uri));
    if (place && sidecarPath && !(await this.listing(place, dirname(sidecarPath))).has(basename(sidecarPath))) {
      this.absent.set(sidecarPath, key);
      this.absentSidecarOf.set(key, sidecarPath);
      return undefined;
    }
    return this.open(uri);
  }

  /** The sidecar of a document if it is loaded (no file-system access). */
  loaded(uri: vscode.Uri | string): SidecarFile | undefined {
    return this.files.get(uri.toString());
  }

  private listing(place: SidecarPlace, folder: string): Promise<Set<string>> {
    const now = performance.now();
    const cached = this.listings.get(folder);
    if (cached && now - cached.at < LISTING_TTL_MS) return cached.names;
    const names = place.store.options.fs.readDirectory(folder).then(
      (list) => new Set(list),
      () => new Set<string>(),
    );
    this.listings.set(folder, { at: now, names });
    return names;
  }

  private forgetAbsent(key: string): void {
    const sidecarPath = this.absentSidecarOf.get(key);
    if (sidecarPath === undefined) return;
    this.absentSidecarOf.delete(key);
    this.absent.delete(sidecarPath);
  }

  /** Why the document's sidecar cannot be written now, or undefined when it can. */
  async whyReadOnly(uri: vscode.Uri): Promise<string | undefined> {
    if (!vscode.workspace.isTrusted) return vscode.l10n.t('this workspace is in Restricted Mode: Marginalia writes no sidecar until you trust it');
    let file: SidecarFile | undefined;
    try {
      file = await this.open(uri);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    if (!file) return vscode.l10n.t('{0} is not a file inside a workspace folder, so it has no sidecar', uri.fsPath || uri.toString());
    if (file.state === 'failed') return vscode.l10n.t('{0} cannot be read ({1}); fix it before annotating', file.path, file.problems[0] ?? vscode.l10n.t('see the file'));
    return undefined;
  }

  /** Records edits in the document's sidecar and writes it at once; throws with a message naming the file. */
  async applyAndSave(uri: vscode.Uri, edits: SidecarEdit[]): Promise<void> {
    const why = await this.whyReadOnly(uri);
    if (why) throw new Error(why);
    const file = (await this.open(uri)) as SidecarFile;
    const text = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText();
    file.edit(...edits, ...(text !== undefined && !isDirty(uri) ? [fingerprintEdit(text)] : []));
    await file.save();
  }

  /** The last view reconciled for a document (placed annotations, orphans, rejections). */
  viewOf(uri: vscode.Uri | string): DocumentView | undefined {
    return this.views.get(uri.toString());
  }

  /** Every document whose last reconciled view has orphaned annotations. */
  orphaned(): Array<{ uri: string; view: DocumentView }> {
    return [...this.views].filter(([, v]) => v.orphans.length > 0).map(([uri, view]) => ({ uri, view }));
  }

  hasManualData(uri: vscode.Uri): boolean {
    return this.files.has(uri.toString());
  }

  documentDateFor(uri: vscode.Uri): string | undefined {
    return this.files.get(uri.toString())?.sidecar.document.date;
  }

  reconcile(uri: vscode.Uri, text: string, auto: AnalysisResult): DocumentView {
    const key = uri.toString();
    const file = this.files.get(key);
    if (!file && !this.absentSidecarOf.has(key) && this.storeFor(uri)) void this.open(uri);
    const sidecar = file?.sidecar;
    const placed = sidecar && (sidecar.annotations.length > 0 || sidecar.rejections.length > 0);
    if (!placed) this.placing.forget(key);
    const placements = placed ? this.placing.place(key, versionOf(key), text, sidecar.annotations, sidecar.rejections).placements : undefined;
    const shown = reconciledView(text, auto, sidecar, undefined, placements);
    if (shown.reconciled) this.views.set(key, shown);
    else this.views.delete(key);
    return shown;
  }

  private async load(uri: vscode.Uri): Promise<SidecarFile | undefined> {
    const place = this.storeFor(uri);
    if (!place) return undefined;
    const file = await place.store.open(place.pathOf(uri));
    const key = uri.toString();
    this.files.set(key, file);
    this.unsubscribe.set(key, file.onDidChange(() => this.changed.fire(key)));
    if (file.state !== 'missing') this.changed.fire(key);
    return file;
  }

  private storeFor(uri: vscode.Uri): SidecarPlace | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || folder.uri.scheme !== uri.scheme) return undefined;
    const root = folder.uri.toString();
    // A folder-level mirror folder is a path setting: ignored in Restricted Mode (trustedValue).
    const mirrorFolder = readSettings(folder.uri).sidecarMirrorFolder;
    const storeKey = `${root}\u0000${mirrorFolder}`;
    let store = this.stores.get(storeKey);
    if (!store) {
      store = this.places(folder.uri, { readOnly: !vscode.workspace.isTrusted, location: mirrorFolder ? { mirrorFolder } : {} });
      this.stores.set(storeKey, store);
    }
    return store;
  }

  /** Trust granted or folders changed: stores are rebuilt (writable now) and sidecars read again. */
  private resetStores(): void {
    this.stores = new Map();
    this.absent.clear();
    this.absentSidecarOf.clear();
    this.listings.clear();
    for (const off of this.unsubscribe.values()) off();
    this.unsubscribe.clear();
    this.files.clear();
    this.changed.fire(undefined);
  }

  private async externalChange(sidecarUri: vscode.Uri): Promise<void> {
    this.listings.clear();
    // A sidecar appeared for a document that had none: load it now.
    const sidecarPath = this.storeFor(sidecarUri)?.pathOf(sidecarUri);
    if (sidecarPath === undefined) return;
    const absentKey = this.absent.get(sidecarPath);
    if (absentKey !== undefined) {
      await this.open(vscode.Uri.parse(absentKey));
      this.changed.fire(absentKey);
      return;
    }
    // Beside the document or in a mirror folder: the loaded file that has this path.
    const entry = [...this.files].find(([, f]) => f.path === sidecarPath);
    if (!entry) return;
    await entry[1].reload();
    this.changed.fire(entry[0]);
  }

  private async recheckAll(): Promise<void> {
    for (const [key, file] of this.files) {
      if (await file.changedOnDisk().catch(() => false)) {
        await file.reload();
        this.changed.fire(key);
      }
    }
  }

  /**
   * After the document is saved, annotations that moved with the edits are written at their new offsets with
   * fresh quotes, and the fingerprint names the saved text. Orphans stay as they are: never dropped.
   */
  private async writePositions(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const file = this.files.get(key);
    if (!file || file.state === 'failed' || !vscode.workspace.isTrusted) return;
    const sidecar = file.sidecar;
    if (sidecar.annotations.length === 0 && sidecar.rejections.length === 0) return;
    const text = document.getText();
    // Placed off this thread when that takes long (see BackgroundReanchor); the sidecar may change meanwhile.
    const placements = await this.placing.placed(key, document.version, text, sidecar.annotations, sidecar.rejections);
    if (file.sidecar !== sidecar) return;
    const view = reconcile({ mentions: [], entities: [] }, sidecar, text, placements);
    const edits: SidecarEdit[] = [];
    for (const p of view.placed) {
      const pos = p.annotation.selectors.position;
      if (pos.start !== p.start || pos.end !== p.end || p.status !== 'exact') {
        edits.push({ type: 'putAnnotation', annotation: withSelectors(p.annotation, text, p.start, p.end) });
      }
    }
    if (sidecar.document.fingerprint !== textFingerprint(text)) edits.push(fingerprintEdit(text));
    if (edits.length === 0) return;
    try {
      file.edit(...edits);
      await file.save();
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Marginalia could not update {0}: {1}', basename(file.path), e instanceof Error ? e.message : String(e)));
    }
  }

  dispose(): void {
    for (const off of this.unsubscribe.values()) off();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

function fingerprintEdit(text: string): SidecarEdit {
  return { type: 'setMetadata', metadata: { fingerprint: textFingerprint(text) } };
}

/** The version of the open document `key` (a URI string), -1 when it is not open. */
function versionOf(key: string): number {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key)?.version ?? -1;
}

function isDirty(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty);
}

