/** What to load in the workbench besides the folder: VS Code's extension development mode. */
export interface DevelopmentPaths {
  /** Absolute folder of the extension under development (its package.json). */
  extensionDevelopmentPath?: string;
  /** Absolute folder of the compiled suite index whose `run()` the extension host calls. */
  extensionTestsPath?: string;
}

/**
 * The URL that opens `folder` in the workbench. Development paths travel in the `payload` query parameter
 * as `vscode-remote://` URIs, exactly as the desktop's `--extensionDevelopmentPath` would pass them.
 */
export function workbenchUrl(baseUrl: string, folder: string, dev: DevelopmentPaths = {}): string {
  const url = new URL(baseUrl);
  url.searchParams.set('folder', folder);
  const remote = (p: string): string => `vscode-remote://${url.host}${p}`;
  const payload: [string, string][] = [];
  if (dev.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(dev.extensionDevelopmentPath)]);
  if (dev.extensionTestsPath) payload.push(['extensionTestsPath', remote(dev.extensionTestsPath)]);
  if (payload.length > 0) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}
