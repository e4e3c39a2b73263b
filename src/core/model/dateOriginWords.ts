/**
 * Where a document's date came from, in words for a hover or the status bar ("from the file name"), in the
 * reader's language. One `l10n.t` call per source, so that each is a message of its own in the l10n bundle.
 */
import type { DocumentDateSource } from '../recognizers/context';
import { ENGLISH, type Messages } from '../ports/messages';

export function dateOriginWords(source: DocumentDateSource, l10n: Messages = ENGLISH): string {
  switch (source) {
    case 'metadata':
      return l10n.t('from the sidecar');
    case 'option':
      return l10n.t('given on the command line');
    case 'dateline':
      return l10n.t('from the dateline');
    case 'title':
      return l10n.t('from the title line');
    case 'file name':
      return l10n.t('from the file name');
    case 'folder':
      return l10n.t('from the folder name');
    case 'file time':
      return l10n.t("from the file's modification time");
    case 'git commit':
      return l10n.t("from the file's last commit");
  }
}
