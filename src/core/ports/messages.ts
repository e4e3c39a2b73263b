/**
 * The words the core builds for people (hover cards, dates in words, export format names, orphan reasons), in
 * the reader's language. The core cannot ask the editor for translations, so whoever shows them passes a
 * {@link Messages}: the editor passes `vscode.l10n` itself (its `t` looks the English message up in the
 * extension's l10n bundle), the CLI and the exports nothing, which is English.
 *
 * Every message is written in the code as a literal `l10n.t('...')` call (the port is always named `l10n`), so
 * `scripts/l10nBundle.ts` finds it for `l10n/bundle.l10n.json` the same way as the editor's own messages.
 */
export interface Messages {
  /** `message` (English, with `{0}`-style places) in the reader's language, its places filled with `args`. */
  t(message: string, ...args: Array<string | number>): string;
}

/** The messages as written: English, places filled. */
export const ENGLISH: Messages = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (place, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : place)),
};
