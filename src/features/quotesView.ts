/**
 * The Quotes view in the Marginalia container: people -> every quote the analysis attributed to them across the
 * workspace, in time order (see quoteList.ts), a row revealing its quote. Filtered by person as the Entities
 * view is filtered by name (`marginalia.filterQuotes`, which a speaker's hover card runs with the person's key
 * to show that person's quotes), by treaty (the quotes whose paragraph names it: see quoteTopics.ts) and by a range
 * of document dates; the view's description says which filters are on. Refreshed, debounced, when the index
 * changes; the list is made when the view asks for it, once per index version (DeskData).
 */
import * as vscode from 'vscode';
import type { DeskData } from '../core/desk/deskData';
import { filterTopics, type TopicFilter } from '../core/desk/quoteTopics';
import { matchesPerson, type PersonQuotes, type QuoteItem } from '../core/index/quoteList';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { registerCommands, type Command } from './command';
import type { DocumentModelService } from './documentModel';
import { PAGE_SIZE } from './entityTreeProvider';
import { quoteTopicCommands, topicFilterWords, type QuoteTopicFilter } from './quoteTopicFilter';
import { quoteTreeItem } from './quoteTreeItem';
import { PacedChanges } from './viewPace';

export const QUOTES_VIEW = 'marginalia.quotes';
/** The command that filters the view by person: read-only navigation, so hover cards may link to it. */
export const FILTER_QUOTES = 'marginalia.filterQuotes';

export type QuoteNode =
  | { type: 'person'; id: string; person: PersonQuotes }
  | { type: 'range'; id: string; person: PersonQuotes; from: number; to: number }
  | { type: 'quote'; id: string; person: PersonQuotes; quote: QuoteItem };

/** What the view shows: everyone, the people whose name contains a text, or one person (by key). */
export type QuoteFilter = { text: string } | { key: string; name: string };

export class QuotesTreeProvider implements vscode.TreeDataProvider<QuoteNode> {
  private readonly changed = new vscode.EventEmitter<QuoteNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  filter: QuoteFilter = { text: '' };
  /** The treaty and date range the quotes are narrowed to. */
  topic: QuoteTopicFilter = {};
  private people: PersonQuotes[] = [];
  private builtAt = -1;
  private builtFor: QuoteTopicFilter | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly desk: DeskData,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** Every person with quotes within the treaty and date filters, made again only when the index or they changed. */
  allPeople(): PersonQuotes[] {
    if (this.builtAt !== this.index.version || this.builtFor !== this.topic) {
      const filter: TopicFilter = { treaty: this.topic.treaty?.key, range: this.topic.range?.span };
      this.people = filterTopics(this.desk.topics(), filter);
      this.builtAt = this.index.version;
      this.builtFor = this.topic;
    }
    return this.people;
  }

  getChildren(node?: QuoteNode): QuoteNode[] {
    if (!node) {
      const f = this.filter;
      const people = 'key' in f ? this.allPeople().filter((p) => p.key === this.index.canonicalKey(f.key)) : this.allPeople().filter((p) => matchesPerson(p, f.text));
      return people.map((person) => ({ type: 'person', id: `q:${person.key}`, person }));
    }
    if (node.type === 'quote') return [];
    const { person } = node;
    const quoteNode = (quote: QuoteItem): QuoteNode => ({ type: 'quote', id: `q:${person.key}/${quote.uri}#${quote.start}`, person, quote });
    if (node.type === 'range') return person.quotes.slice(node.from, node.to).map(quoteNode);
    if (person.quotes.length <= PAGE_SIZE) return person.quotes.map(quoteNode);
    // As in the Entities view: VS Code's tree stalls on a node with thousands of children.
    const ranges: QuoteNode[] = [];
    for (let from = 0; from < person.quotes.length; from += PAGE_SIZE) {
      ranges.push({ type: 'range', id: `q:${person.key}/r${from}`, person, from, to: Math.min(person.quotes.length, from + PAGE_SIZE) });
    }
    return ranges;
  }

  getTreeItem(node: QuoteNode): vscode.TreeItem {
    if (node.type === 'person') {
      const one = 'key' in this.filter;
      const item = new vscode.TreeItem(node.person.name, one ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      const n = node.person.quotes.length;
      item.description = n === 1 ? vscode.l10n.t('1 quote') : vscode.l10n.t('{0} quotes', n);
      item.iconPath = new vscode.ThemeIcon('person');
      item.contextValue = 'marginalia.quotePerson';
      return item;
    }
    if (node.type === 'range') {
      const item = new vscode.TreeItem(`${node.from + 1}\u2013${node.to}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = vscode.l10n.t('of {0}', node.person.quotes.length);
      return item;
    }
    const item = quoteTreeItem(node.quote, node.id, node.person.name);
    item.contextValue = 'marginalia.quote';
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Registers the Quotes view and its filter commands; returns the provider for the test API. */
export function registerQuotesView(index: WorkspaceIndex, model: DocumentModelService, desk: DeskData): { provider: QuotesTreeProvider; disposable: vscode.Disposable } {
  const provider = new QuotesTreeProvider(index, desk);
  const view = vscode.window.createTreeView(QUOTES_VIEW, { treeDataProvider: provider, showCollapseAll: true });

  // Paced so each refresh reaches the screen while the index keeps changing (a scan): see viewPace.ts.
  const refreshes = new PacedChanges(() => provider.refresh());
  const refreshSoon = (): void => refreshes.request();

  /** Says in the view's description and message which filters are on. */
  const showFilters = (): void => {
    const f = provider.filter;
    const shown = 'key' in f ? f.name : f.text;
    const topic = topicFilterWords(provider.topic);
    view.description = [shown, topic?.short].filter(Boolean).join(' \u00b7 ') || undefined;
    view.message = [shown ? vscode.l10n.t('Filtered by \u201c{0}\u201d.', shown) : '', topic?.long ?? ''].filter(Boolean).join(' ') || undefined;
    void vscode.commands.executeCommand('setContext', 'marginalia.quoteFilterActive', shown !== '' || topic !== undefined);
  };
  const setFilter = (filter: QuoteFilter): void => {
    provider.filter = filter;
    provider.refresh();
    showFilters();
  };
  const setTopic = (topic: QuoteTopicFilter): void => {
    provider.topic = topic;
    provider.refresh();
    showFilters();
  };

  const commands: Command[] = [
    {
      id: 'marginalia.filterQuotes',
      /**
       * With a person's key (a hover card's "All quotes..." link), shows all of that person's quotes (a date or
       * treaty filter left on would hide some) and focuses the view; with another string (tests, keybindings'
       * `args`), filters by name; else asks for a name.
       */
      execute: async (given?: unknown) => {
        if (typeof given === 'string' && given.startsWith('person:')) {
          provider.topic = {};
          setFilter({ key: given, name: index.displayName(index.canonicalKey(given)) });
          await vscode.commands.executeCommand(`${QUOTES_VIEW}.focus`);
          return;
        }
        if (typeof given === 'string') {
          setFilter({ text: given.trim().toLowerCase() });
          return;
        }
        const text = await vscode.window.showInputBox({
          prompt: vscode.l10n.t('Show the quotes of people whose name contains'),
          value: 'key' in provider.filter ? provider.filter.name : provider.filter.text,
          placeHolder: vscode.l10n.t('e.g. Ryabkov'),
        });
        if (text !== undefined) setFilter({ text: text.trim().toLowerCase() });
      },
    },
    ...quoteTopicCommands(index, desk, () => provider.topic, setTopic),
    {
      id: 'marginalia.clearQuoteFilter',
      execute: () => {
        provider.topic = {};
        setFilter({ text: '' });
      },
    },
  ];

  const disposable = vscode.Disposable.from(
    view,
    provider,
    registerCommands(commands),
    model.onDidUpdate(refreshSoon),
    refreshes,
  );
  return { provider, disposable };
}
