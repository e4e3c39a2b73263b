/**
 * A quote's row in the views that list quotes (Quotes, Who Spoke About Which Treaty): its first words, its document
 * and date, the whole quote and its speaker on hover, and a click that reveals it.
 */
import * as vscode from 'vscode';
import { firstWords, type QuoteItem } from '../core/index/quoteList';
import { clipQuote } from '../core/index/quotes';
import { dateInWords } from '../core/model/dateWords';
import { documentName } from './servedDocuments';

export function quoteTreeItem(q: QuoteItem, id: string, speaker: string): vscode.TreeItem {
  const item = new vscode.TreeItem(`\u201c${firstWords(q.text)}\u201d`, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  const name = documentName(q.uri);
  item.description = q.date ? `${name} \u00b7 ${dateInWords(q.date, undefined, vscode.l10n)}` : name;
  item.tooltip = vscode.l10n.t('\u201c{0}\u201d \u2014 {1}', clipQuote(q.text), speaker);
  // A tree reads a string tooltip to screen readers instead of the row: say the document and date as well.
  const words = clipQuote(q.text);
  item.accessibilityInformation = {
    label: q.date
      ? vscode.l10n.t('{0}: \u201c{1}\u201d, in {2}, {3}', speaker, words, name, dateInWords(q.date, undefined, vscode.l10n))
      : vscode.l10n.t('{0}: \u201c{1}\u201d, in {2}', speaker, words, name),
  };
  item.iconPath = new vscode.ThemeIcon('quote');
  item.command = { title: vscode.l10n.t('Reveal'), command: 'marginalia.revealMention', arguments: [q.uri, q.start, q.end] };
  return item;
}
