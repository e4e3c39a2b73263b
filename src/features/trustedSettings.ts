/**
 * Restricted Mode rules for settings, as plain functions (no `vscode` import) so they are unit-tested in Node.
 * A cloned repository's `.vscode/settings.json` is untrusted input: in Restricted Mode, path-like settings take
 * only the user's own value, and any path must stay inside its workspace folder.
 */

/** The values VS Code reports for one setting (`WorkspaceConfiguration.inspect`). */
export interface InspectedValue<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/**
 * The effective value of a restricted setting: the most specific one when the workspace is trusted; otherwise
 * the user's (global) value or the default, never a value the workspace supplied.
 */
export function effectiveValue<T>(inspected: InspectedValue<T> | undefined, trusted: boolean, fallback: T): T {
  if (!inspected) return fallback;
  if (trusted) return inspected.workspaceFolderValue ?? inspected.workspaceValue ?? inspected.globalValue ?? inspected.defaultValue ?? fallback;
  return inspected.globalValue ?? inspected.defaultValue ?? fallback;
}

/**
 * A workspace-relative path that stays inside its folder, normalised to `/` separators, or undefined: absolute
 * paths, drive letters, UNC paths, `..` segments and NUL characters are refused.
 */
export function safeRelativePath(path: string): string | undefined {
  if (!path || path.includes('\0')) return undefined;
  if (/^([\\/]|[A-Za-z]:)/.test(path)) return undefined;
  const parts = path.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..')) return undefined;
  return parts.join('/');
}
