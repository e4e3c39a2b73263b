/**
 * Path arithmetic on Uris, for editor code that must run where `node:path` does not (VS Code for the Web): a
 * Uri's path is always `/`-separated, whatever the OS, and a derived Uri keeps the scheme and authority.
 * Written against the few members of `vscode.Uri` it uses, so the unit tests run it without an editor.
 */

/** What these helpers need of a `vscode.Uri`. */
export interface UriLike<U> {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
  with(change: { path: string }): U;
}

function trimmed(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** The Uri's last path segment (a file or folder name). */
export function uriBasename<U>(uri: UriLike<U>): string {
  const path = trimmed(uri.path);
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The Uri's folder: the same Uri with its last path segment removed (the root stays the root). */
export function uriDirname<U>(uri: UriLike<U>): U {
  const path = trimmed(uri.path);
  const i = path.lastIndexOf('/');
  return uri.with({ path: i <= 0 ? '/' : path.slice(0, i) });
}

/** The file name without its last extension (`report.v2.txt` -> `report.v2`; `.env` stays `.env`). */
export function uriStem<U>(uri: UriLike<U>): string {
  const name = uriBasename(uri);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * The `/`-separated path from `folder` to `uri`, or undefined when `uri` is not inside `folder` (another scheme
 * or authority, or another branch of the tree). The folder itself gives ''.
 */
export function uriRelative<U>(folder: UriLike<U>, uri: UriLike<U>): string | undefined {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return undefined;
  const base = trimmed(folder.path);
  const path = trimmed(uri.path);
  if (path === base) return '';
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

/** True when `uri` is `folder` or lies inside it. */
export function uriIsInside<U>(folder: UriLike<U>, uri: UriLike<U>): boolean {
  return uriRelative(folder, uri) !== undefined;
}
