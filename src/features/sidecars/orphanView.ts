/**
 * The "Orphaned Annotations" view: annotations whose text is gone, by document, so none is forgotten (the
 * Problems panel lists them too). A click opens the document where the annotation last was; the view is shown
 * only while there are orphans.
 */
import * as vscode from 'vscode';
import type { Orphan } from '../../core/anchoring/reanchor';
import type { Annotation } from '../../core/model/annotation';
import type { DocumentModelService } from '../documentModel';
import { documentName } from '../servedDocuments';
import type { SidecarHost } from './sidecarHost';
import { orphanMessage } from '../../core/anchoring/orphanWords';

type Node = { type: 'document'; uri: string; count: number } | { type: 'orphan'; uri: string; orphan: Orphan<Annotation> };

export class OrphanTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly sidecars: SidecarHost) {}

  refresh(): void {
    const any = this.sidecars.orphaned().length > 0;
    void vscode.commands.executeCommand('setContext', 'marginalia.hasOrphans', any);
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      return this.sidecars
        .orphaned()
        .sort((a, b) => (a.uri < b.uri ? -1 : 1))
        .map(({ uri, view }) => ({ type: 'document', uri, count: view.orphans.length }));
    }
    if (node.type === 'document') {
      const view = this.sidecars.viewOf(node.uri);
      return (view?.orphans ?? []).map((orphan) => ({ type: 'orphan', uri: node.uri, orphan }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'document') {
      const item = new vscode.TreeItem(documentName(node.uri), vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.count}`;
      item.resourceUri = vscode.Uri.parse(node.uri);
      item.iconPath = vscode.ThemeIcon.File;
      return item;
    }
    const a = node.orphan.item;
    const item = new vscode.TreeItem(`"${a.selectors.quote.exact}"`, vscode.TreeItemCollapsibleState.None);
    item.description = a.note ? vscode.l10n.t('{0} \u00b7 {1}', a.label ?? a.kind, a.note) : (a.label ?? a.kind);
    item.tooltip = orphanMessage(node.orphan, a.selectors.quote.exact, vscode.l10n);
    item.iconPath = new vscode.ThemeIcon('warning');
    item.contextValue = 'marginalia.orphan';
    item.command = {
      title: vscode.l10n.t('Show where it was'),
      command: 'marginalia.revealMention',
      arguments: [node.uri, a.selectors.position.start, a.selectors.position.start],
    };
    return item;
  }
}

export function registerOrphanView(sidecars: SidecarHost, model: DocumentModelService): vscode.Disposable {
  const provider = new OrphanTreeProvider(sidecars);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      provider.refresh();
    }, 100);
  };
  return vscode.Disposable.from(
    vscode.window.createTreeView('marginalia.orphans', { treeDataProvider: provider }),
    model.onDidUpdate(later),
    new vscode.Disposable(() => timer && clearTimeout(timer)),
  );
}
