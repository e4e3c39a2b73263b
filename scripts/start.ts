import { REPO_ROOT, SAMPLES_DIR } from './lib/paths';
import { installCleanupHandlers, spawnGroup, stopAllGroups } from './lib/processGroups';
import { run } from './lib/run';
import { startCodeServer } from './codeServer/server';
import { workbenchUrl } from './codeServer/workbenchUrl';

/**
 * `npm start`: installs what it needs (ripgrep, code-server into .vscode-test/, npm packages via
 * scripts/bootstrap.js), builds the extension, then serves VS Code (code-server) on 127.0.0.1 with the sample
 * workspace open and Marginalia loaded in development mode, and rebuilds on every change to src/ (reload
 * the window to pick it up). Prints the URL to open and serves until Ctrl+C; then stops everything it started.
 * MARGINALIA_PORT picks the port (default: a free one).
 */
async function main(): Promise<void> {
  installCleanupHandlers();
  // esbuild.js reports errors on stderr; its stdout is progress chatter.
  await run('node', ['esbuild.js'], { cwd: REPO_ROOT, timeoutMs: 120_000, stdio: ['ignore', 'ignore', 'inherit'] });
  const port = process.env.MARGINALIA_PORT ? Number(process.env.MARGINALIA_PORT) : undefined;
  const server = await startCodeServer(port ? { port } : {});
  const watcher = spawnGroup('node', ['esbuild.js', '--watch'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = workbenchUrl(server.baseUrl, SAMPLES_DIR, { extensionDevelopmentPath: REPO_ROOT });
  console.log(
    [
      '',
      'Marginalia is running in VS Code (code-server) with the sample workspace. Open:',
      '',
      `  ${url}`,
      '',
      `Marginalia's icon is in the activity bar; open a .txt or .md sample to see it work.`,
      'Edits to src/ are rebuilt automatically: run "Developer: Reload Window" to load them.',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  // Serve until interrupted (the cleanup handlers stop the server and the watcher) or the server dies.
  await new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (watcher.exitCode !== null) console.warn('[start] the rebuild watcher stopped');
      fetch(server.baseUrl).catch(() => {
        clearInterval(check);
        console.error(`[start] code-server stopped answering; its output:\n${server.log()}`);
        resolve();
      });
    }, 5000);
  });
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => stopAllGroups());
