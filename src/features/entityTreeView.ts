/**
 * The two entity views in the Marginalia container: "Entities" (the whole workspace) and "This Document" (the
 * active editor's document). Owns their refresh (debounced, and for "This Document" only when its document
 * changed), the scan progress shown in the view, and the view-title commands: filter, sort, expand, rescan,
 * and reveal the mention under the cursor.
 */
import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { Command } from './command';
import { registerCommands } from './command';
import type { DocumentModelService } from './documentModel';
import { EntityTreeProvider, type TreeNode } from './entityTreeProvider';
import { personCommands } from './personCommands';
import { isServed } from './servedDocuments';
import { affectsMarginalia, readSettings } from './settings';
import { itemsDue, PacedChanges } from './viewPace';
import type { ScanState } from './scanObserver';
import type { WorkspaceScanner } from './workspaceScanner';

export const WORKSPACE_VIEW = 'marginalia.entities';
export const DOCUMENT_VIEW = 'marginalia.documentEntities';

/** The views and their providers, for commands and the test API. */
export interface EntityViews {
  workspace: { provider: EntityTreeProvider; view: vscode.TreeView<TreeNode> };
  document: { provider: EntityTreeProvider; view: vscode.TreeView<TreeNode> };
}

export function registerEntityViews(
  index: WorkspaceIndex,
  model: DocumentModelService,
  scanner: WorkspaceScanner | undefined,
): { views: EntityViews; disposable: vscode.Disposable } {
  let documentUri = servedActiveUri();
  const workspaceProvider = new EntityTreeProvider(index, 'workspace');
  const documentProvider = new EntityTreeProvider(index, 'document', () => documentUri);
  const workspaceView = vscode.window.createTreeView(WORKSPACE_VIEW, { treeDataProvider: workspaceProvider, showCollapseAll: true });
  const documentView = vscode.window.createTreeView(DOCUMENT_VIEW, { treeDataProvider: documentProvider, showCollapseAll: true });
  const views: EntityViews = {
    workspace: { provider: workspaceProvider, view: workspaceView },
    document: { provider: documentProvider, view: documentView },
  };

  // The workspace view's items and message change at a pace the workbench shows (see viewPace.ts): while a scan
  // runs, both would otherwise change too often for any change to reach the screen before the scan ends.
  let scan: ScanState | undefined;
  let refreshPending = false;
  let messagePending = false;
  let listedAt = -Infinity;
  const workspaceChanges = new PacedChanges(() => {
    const now = performance.now();
    if (refreshPending && itemsDue(scan?.scanning ?? false, now - listedAt)) {
      refreshPending = false;
      listedAt = now;
      workspaceProvider.refresh();
      void vscode.commands.executeCommand('setContext', 'marginalia.indexEmpty', index.documentCount === 0);
    }
    if (messagePending) {
      messagePending = false;
      workspaceView.message = scan?.scanning ? vscode.l10n.t('Scanning {0} of {1} files\u2026', scan.done, scan.total) : filterMessage(workspaceProvider);
    }
    // Items held back while a scan runs are listed later.
    if (refreshPending) workspaceChanges.request();
  });
  const refreshWorkspace = (): void => {
    refreshPending = true;
    workspaceChanges.request();
  };
  const showWorkspaceMessage = (): void => {
    messagePending = true;
    workspaceChanges.request();
  };
  const refreshDocument = (): void => {
    documentProvider.refresh();
    documentView.description = documentUri ? vscode.workspace.asRelativePath(vscode.Uri.parse(documentUri)) : undefined;
  };
  refreshDocument();
  void vscode.commands.executeCommand('setContext', 'marginalia.treeSort', readSettings().treeSort);

  let progressDone: (() => void) | undefined;
  const onScan = (state: ScanState): void => {
    scan = state;
    showWorkspaceMessage();
    if (state.scanning && !progressDone) {
      void vscode.window.withProgress({ location: { viewId: WORKSPACE_VIEW } }, () => new Promise<void>((resolve) => (progressDone = resolve)));
    } else if (!state.scanning && progressDone) {
      progressDone();
      progressDone = undefined;
      refreshWorkspace();
    }
  };

  const setFilter = (text: string): void => {
    for (const p of [workspaceProvider, documentProvider]) {
      p.filter = text.trim().toLowerCase();
      p.refresh();
    }
    showWorkspaceMessage();
    documentView.message = filterMessage(documentProvider);
    void vscode.commands.executeCommand('setContext', 'marginalia.entityFilterActive', text.trim() !== '');
  };

  const commands: Command[] = [
    {
      id: 'marginalia.filterEntities',
      /** With a string argument (a keybinding's `args`, tests), filters without asking. */
      execute: async (given?: unknown) => {
        if (typeof given === 'string') {
          setFilter(given);
          return;
        }
        const text = await vscode.window.showInputBox({
          prompt: vscode.l10n.t('Show entities whose name contains'),
          value: workspaceProvider.filter,
          placeHolder: vscode.l10n.t('e.g. Ryabkov, START, 2022'),
        });
        if (text !== undefined) setFilter(text);
      },
    },
    { id: 'marginalia.clearEntityFilter', execute: () => setFilter('') },
    { id: 'marginalia.sortEntitiesByName', execute: () => setSort('name') },
    { id: 'marginalia.sortEntitiesByCount', execute: () => setSort('count') },
    {
      id: 'marginalia.expandAllEntities',
      execute: async () => {
        const target = documentView.visible && !workspaceView.visible ? views.document : views.workspace;
        // Each reveal scrolls to its kind: the last one revealed is the first kind, so the view ends at the top.
        for (const node of [...target.provider.getChildren(undefined)].reverse()) await target.view.reveal(node, { expand: 2, select: false, focus: false });
      },
    },
    { id: 'marginalia.refreshEntities', execute: () => scanner?.rescan() },
    {
      id: 'marginalia.revealInTree',
      execute: async () => {
        const editor = vscode.window.activeTextEditor;
        if (!editor) return;
        model.ensureCurrent(editor.document);
        const node = documentProvider.findMention(editor.document.uri.toString(), editor.document.offsetAt(editor.selection.active));
        if (!node) {
          void vscode.window.setStatusBarMessage(vscode.l10n.t('Marginalia: no entity at the cursor'), 3000);
          return;
        }
        await documentView.reveal(node, { select: true, focus: true, expand: true });
      },
    },
    ...personCommands(index),
  ];

  const disposable = vscode.Disposable.from(
    workspaceView,
    documentView,
    workspaceProvider,
    documentProvider,
    registerCommands(commands),
    model.onDidUpdate((u) => {
      refreshWorkspace();
      if (u.uri === documentUri) refreshDocument();
    }),
    ...(scanner ? [scanner.onDidChangeState(onScan)] : []),
    vscode.window.onDidChangeActiveTextEditor(() => {
      const next = servedActiveUri();
      if (next !== undefined && next !== documentUri) {
        documentUri = next;
        refreshDocument();
      }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsMarginalia(e, 'tree', 'kinds')) return;
      void vscode.commands.executeCommand('setContext', 'marginalia.treeSort', readSettings().treeSort);
      workspaceProvider.refresh();
      documentProvider.refresh();
    }),
    workspaceChanges,
    new vscode.Disposable(() => {
      progressDone?.();
    }),
  );
  return { views, disposable };
}

async function setSort(sort: 'name' | 'count'): Promise<void> {
  await vscode.workspace.getConfiguration('marginalia').update('tree.sortBy', sort, vscode.ConfigurationTarget.Global);
}

function filterMessage(provider: EntityTreeProvider): string | undefined {
  return provider.filter ? vscode.l10n.t('Filtered by \u201c{0}\u201d', provider.filter) : undefined;
}

/** The active editor's document when Marginalia serves it (the "This Document" view keeps the last one). */
function servedActiveUri(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && isServed(editor.document) ? editor.document.uri.toString() : undefined;
}
