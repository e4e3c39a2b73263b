/**
 * Which documents Marginalia serves: the configured languages (plain text and Markdown by default) plus extra
 * globs, on real files and untitled buffers, minus excluded folders. Providers are registered with
 * {@link servedSelector}; listeners check {@link isServed} because they see every document.
 */
import * as vscode from 'vscode';
import { readSettings } from './settings';

/** Real files, untitled buffers, github.dev's repositories, and a server's files in its web client (code-server). */
const SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'];

/** The document selector for providers (hover, symbols, references). */
export function servedSelector(): vscode.DocumentFilter[] {
  const s = readSettings();
  const filters: vscode.DocumentFilter[] = [];
  for (const scheme of SCHEMES) {
    for (const language of s.languages) filters.push({ language, scheme });
    for (const pattern of s.includeGlobs) filters.push({ pattern, scheme });
  }
  return filters;
}

/** True when Marginalia analyses and decorates this document. */
export function isServed(document: vscode.TextDocument): boolean {
  if (!SCHEMES.includes(document.uri.scheme)) return false;
  const s = readSettings(document.uri);
  const byLanguage = s.languages.includes(document.languageId);
  const byGlob = s.includeGlobs.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
  if (!byLanguage && !byGlob) return false;
  return !s.excludeGlobs.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
}

/**
 * True when a file matches one of the globs, by VS Code's own glob matcher (it only reads the `uri` and `languageId`
 * of what it is given). Watcher events are not filtered by `findFiles`' exclude, so they are checked with this.
 */
export function matchesGlob(uri: vscode.Uri, globs: readonly string[]): boolean {
  const probe = { uri, languageId: '' } as unknown as vscode.TextDocument;
  return globs.some((pattern) => vscode.languages.match({ pattern }, probe) > 0);
}

/** The exclude globs as one `{a,b}` glob for `workspace.findFiles`, or undefined when there are none. */
export function excludeGlob(excludeGlobs: readonly string[]): string | undefined {
  if (excludeGlobs.length === 0) return undefined;
  return excludeGlobs.length === 1 ? excludeGlobs[0] : `{${excludeGlobs.join(',')}}`;
}

/** A short, workspace-relative name of a document for lists and hover cards. */
export function documentName(uri: string | vscode.Uri): string {
  const u = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  if (u.scheme === 'untitled') return u.path;
  return vscode.workspace.asRelativePath(u, vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
}

/**
 * Keeps the `marginalia.servedLanguages` context key current, so menus and keybindings can say
 * `editorLangId in marginalia.servedLanguages`.
 */
export function registerServedContext(): vscode.Disposable {
  const update = (): void => {
    void vscode.commands.executeCommand('setContext', 'marginalia.servedLanguages', readSettings().languages);
  };
  update();
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('marginalia.files.languages')) update();
  });
}
