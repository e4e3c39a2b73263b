import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchChromium } from '../browser/chromium';
import { startCodeServer } from '../codeServer/server';
import { workbenchUrl } from '../codeServer/workbenchUrl';
import { REPO_ROOT, RESULTS_DIR } from '../lib/paths';
import { SUITE_OUTPUT_MARKER } from '../../test/integration/index';
import { run } from '../lib/run';
import { buildIntegration } from './buildIntegration';
import { runLayer } from './layer';
import { readCounts, RESULTS_FILE_ENV, writeCounts } from './results';
import { copySamples } from './sampleWorkspace';

/** How long the extension host may take to load and run the whole suite. */
/** Everything the workbench logged during the run, for diagnosing a host that failed to start the suite. */
const WORKBENCH_LOG = path.join(RESULTS_DIR, 'integration-workbench.log');
const SUITE_TIMEOUT_MS = Number(process.env.MARGINALIA_INTEGRATION_TIMEOUT_MS ?? 240_000);

/**
 * Integration layer: the mocha suite in test/integration/ runs inside a real VS Code extension host with the
 * real `vscode` API. With VSCODE_EXECUTABLE (a desktop VS Code) it goes through @vscode/test-electron;
 * otherwise through code-server's development mode, driven by a headless Chromium that only opens the page
 * and waits for the host to report its exit code.
 */
runLayer('integration', async (resultsFile) => {
  // esbuild.js reports errors on stderr; its stdout is progress chatter.
  await run('node', ['esbuild.js'], { cwd: REPO_ROOT, timeoutMs: 120_000, stdio: ['ignore', 'ignore', 'inherit'] });
  const testsPath = await buildIntegration();
  const env = { [RESULTS_FILE_ENV]: resultsFile };
  // The suite runs on a copy of samples/: what the tests write there never reaches the repository.
  const workspace = copySamples();
  let exitCode: number;
  try {
    exitCode = process.env.VSCODE_EXECUTABLE
      ? await runInDesktopVsCode(testsPath, workspace.folder, env)
      : await runInCodeServer(testsPath, workspace.folder, env);
  } finally {
    workspace.remove();
  }
  // A host that fails before mocha counts anything (activation of the suite, a syntax error) still fails.
  const counts = readCounts(resultsFile);
  if (exitCode !== 0 && (!counts || counts.failed === 0)) {
    writeCounts(resultsFile, { passed: counts?.passed ?? 0, failed: 1, skipped: counts?.skipped ?? 0 });
    console.error(`[integration] the extension host exited with ${exitCode} before reporting a failing test`);
  }
});

async function runInCodeServer(testsPath: string, folder: string, env: Record<string, string>): Promise<number> {
  const server = await startCodeServer({ env });
  const browser = await launchChromium();
  // The workbench's log and the host's console both arrive through codeAutomationLog: the suite's lines are
  // shown, the rest is kept in a file and its tail printed when the host fails before the suite says why.
  const workbenchLog: string[] = [];
  let exitCode = 1;
  try {
    const page = await browser.context.newPage();
    const exited = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      if (args[0] === SUITE_OUTPUT_MARKER) console.log(String(args[1]));
      else workbenchLog.push(`[${type}] ${format(...args)}`);
    });
    const url = workbenchUrl(server.baseUrl, folder, {
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: testsPath,
    });
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the suite did not finish within ${SUITE_TIMEOUT_MS} ms`)), SUITE_TIMEOUT_MS);
    });
    try {
      exitCode = await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
    return exitCode;
  } finally {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(WORKBENCH_LOG, `${workbenchLog.join('\n')}\n--- code-server ---\n${server.log()}`);
    if (exitCode !== 0) {
      console.error(`[integration] last workbench log lines (all in ${path.relative(REPO_ROOT, WORKBENCH_LOG)}):`);
      console.error(workbenchLog.slice(-30).join('\n'));
    }
    await browser.close();
    await server.stop();
  }
}

async function runInDesktopVsCode(testsPath: string, folder: string, env: Record<string, string>): Promise<number> {
  const { runTests } = await import('@vscode/test-electron');
  const vscodeExecutablePath = path.resolve(process.env.VSCODE_EXECUTABLE as string);
  console.log(`[integration] running in desktop VS Code: ${vscodeExecutablePath}`);
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: testsPath,
      extensionTestsEnv: env,
      launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  } catch (e) {
    console.error(e);
    return 1;
  }
}
