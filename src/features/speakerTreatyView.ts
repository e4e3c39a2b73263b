/**
 * The "Who Spoke About Which Treaty" view: people -> the treaties their quotes are about (count) -> those quotes,
 * a row revealing its quote. A quote is about a treaty when the paragraph it stands in names it (see
 * src/core/desk/quoteTopics.ts). Read from DeskData, refreshed (paced) when the index changes.
 */
import * as vscode from 'vscode';
import type { DeskData } from '../core/desk/deskData';
import type { SpeakerTopics, TopicCell, TopicQuote } from '../core/desk/quoteTopics';
import { quoteTreeItem } from './quoteTreeItem';
import { PacedChanges } from './viewPace';

export const SPEAKER_TREATY_VIEW = 'marginalia.speakerTreaties';

export type SpeakerTreatyNode =
  | { type: 'speaker'; id: string; row: SpeakerTopics }
  | { type: 'cell'; id: string; row: SpeakerTopics; cell: TopicCell }
  | { type: 'quote'; id: string; row: SpeakerTopics; quote: TopicQuote };

export class SpeakerTreatyProvider implements vscode.TreeDataProvider<SpeakerTreatyNode> {
  private readonly changed = new vscode.EventEmitter<SpeakerTreatyNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly desk: DeskData) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: SpeakerTreatyNode): SpeakerTreatyNode[] {
    if (!node) return this.desk.speakerTreaties().map((row) => ({ type: 'speaker', id: `st:${row.key}`, row }));
    if (node.type === 'speaker') return node.row.cells.map((cell) => ({ type: 'cell', id: `st:${node.row.key}/${cell.treaty}`, row: node.row, cell }));
    if (node.type === 'cell') return node.cell.quotes.map((quote) => ({ type: 'quote', id: `st:${node.row.key}/${node.cell.treaty}/${quote.uri}#${quote.start}`, row: node.row, quote }));
    return [];
  }

  getTreeItem(node: SpeakerTreatyNode): vscode.TreeItem {
    const count = (n: number) => (n === 1 ? vscode.l10n.t('1 quote') : vscode.l10n.t('{0} quotes', n));
    if (node.type === 'speaker') {
      const item = new vscode.TreeItem(node.row.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      const n = node.row.cells.length;
      item.description = n === 1 ? vscode.l10n.t('1 treaty') : vscode.l10n.t('{0} treaties', n);
      item.iconPath = new vscode.ThemeIcon('person');
      return item;
    }
    if (node.type === 'cell') {
      const name = this.desk.index.displayName(node.cell.treaty);
      const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = count(node.cell.quotes.length);
      item.tooltip = vscode.l10n.t('{0} about {1}: {2} (the quote\u2019s paragraph names the treaty)', node.row.name, name, count(node.cell.quotes.length));
      item.iconPath = new vscode.ThemeIcon('law');
      return item;
    }
    return quoteTreeItem(node.quote, node.id, node.row.name);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Registers the view; returns its provider for the test API. */
export function registerSpeakerTreatyView(desk: DeskData, onDidUpdate: vscode.Event<unknown>): { provider: SpeakerTreatyProvider; disposable: vscode.Disposable } {
  const provider = new SpeakerTreatyProvider(desk);
  const view = vscode.window.createTreeView(SPEAKER_TREATY_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  view.description = vscode.l10n.t('quotes whose paragraph names the treaty');
  // Paced so each refresh reaches the screen while the index keeps changing (a scan): see viewPace.ts.
  const refreshes = new PacedChanges(() => provider.refresh());
  const disposable = vscode.Disposable.from(
    view,
    provider,
    onDidUpdate(() => refreshes.request()),
    refreshes,
  );
  return { provider, disposable };
}
