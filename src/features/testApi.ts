/**
 * Read-only internal commands for the integration tests and the in-editor benchmark. VS Code has no API to read
 * decorations or tree contents back, so these report what Marginalia applied. They are not contributed to the
 * Command Palette and change nothing.
 */
import type * as vscode from 'vscode';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { Command } from './command';
import type { DecorationController } from './decorations';
import type { DocumentModelService } from './documentModel';
import { DOCUMENT_VIEW, type EntityViews } from './entityTreeView';
import { ScanFigures } from './scanObserver';
import type { WorkspaceScanner } from './workspaceScanner';
import { QUOTES_VIEW, type QuotesTreeProvider } from './quotesView';

/** What the tests read of any of the trees. */
interface TreeProvider {
  getChildren(node?: unknown): unknown[];
  getTreeItem(node: unknown): vscode.TreeItem;
}

/** A tree row as the tests see it. */
export interface TreeRow {
  id: string;
  label: string;
  description: string | undefined;
  command: unknown[] | undefined;
}

export function testApiCommands(
  index: WorkspaceIndex,
  model: DocumentModelService,
  scanner: WorkspaceScanner | undefined,
  decorations: DecorationController,
  viewsOf: () => EntityViews | undefined,
  quotesOf: () => QuotesTreeProvider | undefined,
  timings: { activateMs: number },
): Command[] {
  // The scan's figures are added up here, for the benchmark and tests, not by the scanner.
  const scan = new ScanFigures();
  scanner?.observe(scan);
  return [
    {
      /** `(uri)` -> `{kind: [[startLine, startChar, endLine, endChar], ...]}`, plus `rulerMarks` and `visibleOnly`. */
      id: 'marginalia.internal.decorations',
      execute: (uri: unknown) => {
        const applied = decorations.appliedFor(String(uri));
        if (!applied) return undefined;
        const ranges: Record<string, number[][]> = {};
        for (const [kind, list] of Object.entries(applied.ranges)) {
          ranges[kind] = (list ?? []).map((r) => [r.start.line, r.start.character, r.end.line, r.end.character]);
        }
        return { ranges, notes: applied.notes, rulerMarks: applied.rulerMarks, visibleOnly: applied.visibleOnly, firstPart: applied.firstPart, applyMs: applied.applyMs };
      },
    },
    {
      /** `(viewId, labels[])`: the rows under the path of labels (each matched by prefix) in that view. */
      id: 'marginalia.internal.treeChildren',
      execute: (viewId: unknown, path: unknown): TreeRow[] | undefined => {
        const views = viewsOf();
        const provider: TreeProvider | undefined = viewId === QUOTES_VIEW ? quotesOf() : views && (viewId === DOCUMENT_VIEW ? views.document : views.workspace).provider;
        if (!provider) return undefined;
        let node: unknown;
        for (const label of Array.isArray(path) ? path : []) {
          node = provider.getChildren(node).find((n) => String(provider.getTreeItem(n).label).startsWith(String(label)));
          if (!node) return undefined;
        }
        return provider.getChildren(node).map((n) => {
          const item = provider.getTreeItem(n);
          return { id: String(item.id), label: String(item.label), description: item.description?.toString(), command: item.command?.arguments };
        });
      },
    },
    {
      /**
       * Drops every document that is not open from the index (as if the workspace had never been scanned), so the
       * benchmark can time indexing from empty; returns how many were dropped. Nothing on disk is touched.
       */
      id: 'marginalia.internal.forgetScanned',
      execute: () => {
        const scanned = index.uris().filter((u) => !model.isTracked(u));
        for (const u of scanned) model.remove(u);
        return scanned.length;
      },
    },
    {
      /** Resolves when the workspace scan and pending edits are done; returns the index's document count. */
      id: 'marginalia.internal.whenIdle',
      execute: async () => {
        await scanner?.idle();
        await model.whenIdle();
        return index.documentCount;
      },
    },
    {
      /** Timings for the benchmark: last analysis, last decoration pass of a URI, last scan's busy time. */
      id: 'marginalia.internal.stats',
      execute: (uri: unknown) => ({
        analysisMs: model.stats.lastAnalysisMs,
        analysisPath: model.stats.lastPath,
        updates: model.stats.updates,
        editDelayMs: typeof uri === 'string' ? model.editDelayFor(uri) : undefined,
        applyMs: typeof uri === 'string' ? decorations.appliedFor(uri)?.applyMs : undefined,
        scanBusyMs: scan.busyMs,
        scanLongestFileMs: scan.longestFileMs,
        scanLongestFileAt: scan.longestFileAt,
        scanLongestFileAnalyzeMs: scan.longestFileAnalyzeMs,
        scanWorkerFiles: scan.workerFiles,
        scanWorkerFilesTotal: scan.workerFilesTotal,
        scanWorkerProblem: scanner?.workerProblem,
        activateMs: timings.activateMs,
        documents: index.documentCount,
      }),
    },
    {
      /** The ids of the selected rows of both views (after revealInTree), for tests. */
      id: 'marginalia.internal.treeSelection',
      execute: () => {
        const views = viewsOf();
        return views ? views.document.view.selection.map((n) => n.id).concat(views.workspace.view.selection.map((n) => n.id)) : [];
      },
    },
  ];
}
