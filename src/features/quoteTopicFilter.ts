/**
 * The Quotes view's filters by treaty and by date, and the words that say which are on. A quote is about a
 * treaty when the paragraph it stands in names it (see src/core/desk/quoteTopics.ts); its date is its document's.
 * Commands take their values as arguments (tests, keybindings' `args`, the speaker x treaty view) or ask for them.
 */
import * as vscode from 'vscode';
import type { DeskData } from '../core/desk/deskData';
import { parseDayRange, type DaySpan } from '../core/desk/timeSpan';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { Command } from './command';

export interface QuoteTopicFilter {
  treaty?: { key: string; name: string };
  range?: { span: DaySpan; from: string; to: string };
}

/** The filter in a few words for the view's description, and in a sentence for its message; undefined when off. */
export function topicFilterWords(topic: QuoteTopicFilter): { short: string; long: string } | undefined {
  const parts: string[] = [];
  const sentences: string[] = [];
  if (topic.treaty) {
    parts.push(vscode.l10n.t('about {0}', topic.treaty.name));
    sentences.push(vscode.l10n.t('Quotes about {0}: its paragraph names it.', topic.treaty.name));
  }
  if (topic.range) {
    const { from, to } = topic.range;
    const words = from && to ? vscode.l10n.t('{0} to {1}', from, to) : from ? vscode.l10n.t('from {0}', from) : vscode.l10n.t('until {0}', to);
    parts.push(words);
    sentences.push(vscode.l10n.t('Dated (by their document) {0}.', words));
  }
  return parts.length ? { short: parts.join(' \u00b7 '), long: sentences.join(' ') } : undefined;
}

export function quoteTopicCommands(index: WorkspaceIndex, desk: DeskData, current: () => QuoteTopicFilter, set: (topic: QuoteTopicFilter) => void): Command[] {
  return [
    {
      id: 'marginalia.filterQuotesByTreaty',
      /** With a treaty key (`treaty:new-start`), shows the quotes about it; '' clears; else asks which treaty. */
      execute: async (given?: unknown) => {
        let key = typeof given === 'string' ? given : undefined;
        if (key === undefined) {
          const counts = new Map<string, number>();
          for (const p of desk.topics()) for (const q of p.quotes) for (const t of q.treaties) counts.set(t, (counts.get(t) ?? 0) + 1);
          const items = [...counts]
            .map(([k, n]) => ({ label: index.displayName(k), description: n === 1 ? vscode.l10n.t('1 quote') : vscode.l10n.t('{0} quotes', n), key: k }))
            .sort((a, b) => a.label.localeCompare(b.label));
          if (items.length === 0) {
            void vscode.window.showInformationMessage(vscode.l10n.t('No quote stands in a paragraph that names a treaty.'));
            return;
          }
          const picked = await vscode.window.showQuickPick([{ label: vscode.l10n.t('All treaties'), key: '' }, ...items], {
            title: vscode.l10n.t('Show the quotes about a treaty (named in the quote\u2019s paragraph)'),
          });
          if (!picked) return;
          key = picked.key;
        }
        const { treaty: _, ...rest } = current();
        set(key ? { ...rest, treaty: { key, name: index.displayName(key) } } : rest);
      },
    },
    {
      id: 'marginalia.filterQuotesByDate',
      /** With (from, to) as `2023`, `2023-11` or `2023-11-29` (either may be ''), filters; else asks for a range. */
      execute: async (from?: unknown, to?: unknown) => {
        let range: [string, string] | undefined = typeof from === 'string' || typeof to === 'string' ? [String(from ?? ''), String(to ?? '')] : undefined;
        if (!range) {
          const now = current().range;
          const typed = await vscode.window.showInputBox({
            prompt: vscode.l10n.t('Show the quotes of documents dated in a range: from and to, e.g. 2022-06 .. 2023 (either end may be left out)'),
            value: now ? `${now.from} .. ${now.to}` : '',
            placeHolder: vscode.l10n.t('2022-06 .. 2023-12-31'),
            validateInput: (v) => {
              try {
                const [a, b] = splitRange(v);
                parseDayRange(a, b);
                return undefined;
              } catch (e) {
                return (e as Error).message;
              }
            },
          });
          if (typed === undefined) return;
          range = splitRange(typed);
        }
        const [a, b] = range;
        const { range: _, ...rest } = current();
        if (!a.trim() && !b.trim()) {
          set(rest);
          return;
        }
        try {
          set({ ...rest, range: { span: parseDayRange(a, b), from: a.trim(), to: b.trim() } });
        } catch (e) {
          void vscode.window.showErrorMessage(vscode.l10n.t('Marginalia cannot filter quotes by date: {0}', (e as Error).message));
        }
      },
    },
  ];
}

/** "2022-06 .. 2023" (or "2022-06 - 2023", "2022-06 to 2023") as [from, to]; one date alone is its own period. */
export function splitRange(typed: string): [string, string] {
  const parts = typed.split(/\s*(?:\.\.|\u2013|\s-\s|\sto\s)\s*/);
  const from = parts[0] ?? '';
  return [from, parts.length > 1 ? (parts[1] ?? '') : from];
}
