/**
 * The entity tree: kind -> entity (name, mention count) -> mentions (document, line, snippet), for the whole
 * workspace or for one document, optionally grouped by document first. Children are computed on demand from the
 * index when a node is expanded; lists longer than {@link PAGE_SIZE} are split into range buckets so no node has
 * thousands of direct children (VS Code's tree stalls there). Nodes are interned by id so `TreeView.reveal` finds
 * the very objects it was given.
 */
import * as vscode from 'vscode';
import { entityKey, type EntitySummary, type MentionRef, type WorkspaceIndex } from '../core/index/workspaceIndex';
import type { MentionKind } from '../core/model/mention';
import { compareDatesInTime, monthPeriod, yearPeriod, type DatePeriod } from '../core/model/datePeriods';
import { kindGroup } from './kindNames';
import { documentName } from './servedDocuments';
import { EDITOR_KINDS, readSettings } from './settings';

/** Most direct children of any node; longer lists are bucketed. */
export const PAGE_SIZE = 200;

export type TreeNode = KindNode | DocumentNode | PeriodNode | EntityNode | MentionNode | BucketNode;

interface BaseNode {
  id: string;
  parent: TreeNode | undefined;
}
export interface DocumentNode extends BaseNode {
  type: 'document';
  uri: string;
}
export interface KindNode extends BaseNode {
  type: 'kind';
  kind: MentionKind;
  /** Restricts the subtree to one document. */
  uri: string | undefined;
  count: number;
}
/** A year, then a month, that the workspace's dates are grouped by (in time order). */
export interface PeriodNode extends BaseNode {
  type: 'period';
  kind: MentionKind;
  uri: string | undefined;
  level: 'year' | 'month';
  period: DatePeriod;
  count: number;
}
export interface EntityNode extends BaseNode {
  type: 'entity';
  kind: MentionKind;
  key: string;
  name: string;
  count: number;
  documents: number;
  uri: string | undefined;
}
export interface MentionNode extends BaseNode {
  type: 'mention';
  ref: MentionRef;
  line: number;
  snippet: string;
}
export interface BucketNode extends BaseNode {
  type: 'bucket';
  from: number;
  to: number;
  total: number;
}

const KIND_ICONS: Record<MentionKind, string> = { speaker: 'person', date: 'calendar', treaty: 'law', person: 'account', custom: 'tag', quote: 'quote' };

export class EntityTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  private readonly nodes = new Map<string, TreeNode>();
  /** Text filter on entity names (lower case), or '' for none. */
  filter = '';

  readonly onDidChangeTreeData = this.changed.event;

  /**
   * @param scope `workspace` lists every indexed document; `document` lists the one document `scopeUri()` names.
   */
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly scope: 'workspace' | 'document',
    private readonly scopeUri: () => string | undefined = () => undefined,
  ) {}

  refresh(): void {
    this.nodes.clear();
    this.changed.fire(undefined);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return this.page(node, this.allChildren(node));
  }

  /** The children of `node` before bucketing (for a bucket: its parent's full list). */
  private allChildren(node: TreeNode | undefined): TreeNode[] {
    if (!node) return this.roots();
    switch (node.type) {
      case 'document':
        return this.kindNodes(node.uri, node);
      case 'kind':
        return node.kind === 'date' && this.scope === 'workspace' ? this.periodNodes(node, 'year') : this.entityNodes(node);
      case 'period':
        return node.level === 'year' ? [...this.entityNodes(node, (v) => !monthPeriod(v)), ...this.periodNodes(node, 'month')] : this.entityNodes(node);
      case 'entity':
        return this.mentionNodes(node);
      case 'bucket':
        return this.allChildren(node.parent);
      case 'mention':
        return [];
    }
  }

  private page(node: TreeNode | undefined, all: TreeNode[]): TreeNode[] {
    if (node?.type === 'bucket') return all.slice(node.from, node.to);
    if (all.length <= PAGE_SIZE) return all;
    const buckets: TreeNode[] = [];
    for (let from = 0; from < all.length; from += PAGE_SIZE) {
      const to = Math.min(all.length, from + PAGE_SIZE);
      buckets.push(this.intern({ type: 'bucket', id: `${node?.id ?? 'root'}/b${from}`, parent: node, from, to, total: all.length }));
    }
    return buckets;
  }

  private roots(): TreeNode[] {
    if (this.scope === 'document') {
      const uri = this.scopeUri();
      return uri && this.index.document(uri) ? this.kindNodes(uri, undefined) : [];
    }
    if (readSettings().treeGrouping === 'document') {
      return this.index
        .uris()
        .filter((uri) => this.kindNodes(uri, undefined).length > 0)
        .sort((a, b) => documentName(a).localeCompare(documentName(b)))
        .map((uri) => this.intern({ type: 'document', id: `d:${uri}`, parent: undefined, uri }));
    }
    return this.kindNodes(undefined, undefined);
  }

  private kindNodes(uri: string | undefined, parent: TreeNode | undefined): KindNode[] {
    const kinds = readSettings(uri ? vscode.Uri.parse(uri) : undefined).kinds;
    const out: KindNode[] = [];
    for (const kind of EDITOR_KINDS) {
      if (!kinds.has(kind)) continue;
      const count = this.entities(kind, uri).length;
      if (count === 0) continue;
      out.push(this.intern({ type: 'kind', id: `${parent?.id ?? this.scope}/k:${kind}`, parent, kind, uri, count }));
    }
    return out;
  }

  private entities(kind: MentionKind, uri: string | undefined): EntitySummary[] {
    const list = this.index.entitiesOfKind(kind, uri);
    if (!this.filter) return list;
    return list.filter((e) => {
      if (e.name.toLowerCase().includes(this.filter)) return true;
      return (this.index.entity(e.id)?.aliases ?? []).some((a) => a.toLowerCase().includes(this.filter));
    });
  }

  /**
   * The dates of a kind node (or of a year) grouped by year (or month), in time order; each group counts its
   * dates. Groups hold only dates that pass the filter.
   */
  private periodNodes(parent: KindNode | PeriodNode, level: 'year' | 'month'): PeriodNode[] {
    const groups = new Map<string, { period: DatePeriod; count: number }>();
    for (const e of this.entitiesUnder(parent)) {
      const value = dateValueOf(e.id);
      const period = level === 'year' ? yearPeriod(value, vscode.l10n) : monthPeriod(value, vscode.l10n);
      if (!period) continue;
      const g = groups.get(period.key) ?? { period, count: 0 };
      g.count++;
      groups.set(period.key, g);
    }
    return [...groups.values()]
      .sort((a, b) => (a.period.order < b.period.order ? -1 : a.period.order > b.period.order ? 1 : 0))
      .map(({ period, count }) =>
        this.intern({ type: 'period', id: `${parent.id}/p:${period.key}`, parent, kind: parent.kind, uri: parent.uri, level, period, count }),
      );
  }

  /** The entities a kind node or a period holds (a period: the dates that fall in it). */
  private entitiesUnder(node: KindNode | PeriodNode): EntitySummary[] {
    const list = this.entities(node.kind, node.uri);
    if (node.type === 'kind') return list;
    const inPeriod = node.level === 'year' ? (v: string) => yearPeriod(v).key === node.period.key : (v: string) => monthPeriod(v)?.key === node.period.key;
    return list.filter((e) => inPeriod(dateValueOf(e.id)));
  }

  private entityNodes(parent: KindNode | PeriodNode, keep: (dateValue: string) => boolean = () => true): EntityNode[] {
    let list = this.entitiesUnder(parent);
    if (parent.kind === 'date') {
      // Dates are listed in time order, whatever the sort setting.
      list = list.filter((e) => keep(dateValueOf(e.id))).sort((a, b) => compareDatesInTime(dateValueOf(a.id), dateValueOf(b.id)));
    } else if (readSettings().treeSort === 'name') list.sort((a, b) => a.name.localeCompare(b.name) || b.count - a.count);
    else list.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    // A date's name in words in the reader's language (the index's list has it in English).
    const nameOf = (e: (typeof list)[number]) => (parent.kind === 'date' ? this.index.displayName(e.id, vscode.l10n) : e.name);
    return list.map((e) =>
      this.intern({ type: 'entity', id: `${parent.id}/e:${e.id}`, parent, kind: parent.kind, key: e.id, name: nameOf(e), count: e.count, documents: e.documents, uri: parent.uri }),
    );
  }

  private mentionNodes(entity: EntityNode): MentionNode[] {
    return this.index
      .mentionsOf(entity.key, entity.uri)
      .filter((r) => r.mention.kind === entity.kind)
      .map((ref) => {
        return this.intern({
          type: 'mention',
          id: `${entity.id}/m:${ref.uri}#${ref.mention.start}-${ref.mention.end}`,
          parent: entity,
          ref,
          line: this.index.locate(ref.uri, ref.mention)?.start.line ?? 0,
          snippet: this.index.snippet(ref.uri, ref.index) ?? ref.mention.text,
        });
      });
  }

  /** The node of the mention at `offset` in `uri`, with its parent chain built (for `TreeView.reveal`). */
  findMention(uri: string, offset: number): TreeNode | undefined {
    const ref = this.index.mentionAt(uri, offset);
    if (!ref) return undefined;
    let level: TreeNode | undefined;
    let candidates = this.getChildren(undefined);
    for (let depth = 0; depth < 8; depth++) {
      const next: TreeNode | undefined = candidates.find((n) => this.leadsTo(n, ref));
      if (!next) return undefined;
      if (next.type === 'mention') return next;
      level = next;
      candidates = this.getChildren(level);
    }
    return undefined;
  }

  private leadsTo(node: TreeNode, ref: MentionRef): boolean {
    switch (node.type) {
      case 'document':
        return node.uri === ref.uri;
      case 'kind':
        return node.kind === ref.mention.kind;
      case 'period': {
        if (ref.mention.kind !== 'date') return false;
        const value = dateValueOf(entityKey(ref.mention));
        return node.level === 'year' ? yearPeriod(value).key === node.period.key : monthPeriod(value)?.key === node.period.key;
      }
      case 'entity':
        return node.key === entityKey(ref.mention);
      case 'mention':
        return sameRef(node.ref, ref);
      case 'bucket':
        return this.allChildren(node.parent).slice(node.from, node.to).some((n) => this.leadsTo(n, ref));
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.type) {
      case 'document': {
        const item = new vscode.TreeItem(documentName(node.uri), C.Collapsed);
        item.resourceUri = vscode.Uri.parse(node.uri);
        item.iconPath = vscode.ThemeIcon.File;
        return withId(item, node, 'marginalia.document');
      }
      case 'kind': {
        // "This Document" is short, so its kinds start open; the workspace view starts with the kinds closed
        // so all of them fit on screen.
        const item = new vscode.TreeItem(kindGroup(node.kind), this.scope === 'document' ? C.Expanded : C.Collapsed);
        item.description = `${node.count}`;
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.kind], new vscode.ThemeColor(`marginalia.${node.kind}Border`));
        return withId(item, node, 'marginalia.kind');
      }
      case 'period': {
        const item = new vscode.TreeItem(node.period.label, C.Collapsed);
        item.description = `${node.count}`;
        return withId(item, node, 'marginalia.period');
      }
      case 'entity': {
        const item = new vscode.TreeItem(node.name, C.Collapsed);
        item.description = this.scope === 'workspace' && !node.uri ? `${node.count} \u00b7 ${node.documents} doc${node.documents === 1 ? '' : 's'}` : `${node.count}`;
        item.tooltip = this.index.entity(node.key)?.facts.role?.toString() ?? this.index.entity(node.key)?.facts.fullName?.toString();
        // People get their own context value: "Merge with..." and "Add alias..." are offered on them only.
        return withId(item, node, node.key.startsWith('person:') ? 'marginalia.person' : 'marginalia.entity');
      }
      case 'mention': {
        const where = node.parent?.type === 'entity' && node.parent.uri ? `line ${node.line + 1}` : `${documentName(node.ref.uri)}:${node.line + 1}`;
        const item = new vscode.TreeItem(where, C.None);
        item.description = node.snippet;
        item.tooltip = node.snippet;
        item.command = { title: vscode.l10n.t('Reveal'), command: 'marginalia.revealMention', arguments: [node.ref.uri, node.ref.mention.start, node.ref.mention.end] };
        return withId(item, node, 'marginalia.mention');
      }
      case 'bucket': {
        const item = new vscode.TreeItem(`${node.from + 1}\u2013${node.to}`, C.Collapsed);
        item.description = vscode.l10n.t('of {0}', node.total);
        return withId(item, node, 'marginalia.bucket');
      }
    }
  }

  private intern<T extends TreeNode>(node: T): T {
    const existing = this.nodes.get(node.id);
    if (existing && existing.type === node.type) return Object.assign(existing, node) as T;
    this.nodes.set(node.id, node);
    return node;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function withId(item: vscode.TreeItem, node: TreeNode, contextValue: string): vscode.TreeItem {
  item.id = node.id;
  item.contextValue = contextValue;
  return item;
}

/** The ISO value of a date entity key (`date:2021-12-30`); a date with no value has none (`''`). */
function dateValueOf(key: string): string {
  return key.startsWith('date:') && key[5] !== '~' ? key.slice(5) : '';
}

function sameRef(a: MentionRef, b: MentionRef): boolean {
  return a.uri === b.uri && a.mention.start === b.mention.start && a.mention.end === b.mention.end && a.mention.kind === b.mention.kind;
}
