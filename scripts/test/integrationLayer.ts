import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchChromium } from '../browser/chromium';
import { startCodeServer } from '../codeServer/server';
import { workbenchUrl } from '../codeServer/workbenchUrl';
import { REPO_ROOT, RESULTS_DIR } from '../lib/paths';
import { format } from '../../test/integration/web/format';
import { SUITE_COUNTS_MARKER, SUITE_OUTPUT_MARKER } from '../../test/integration/web/markers';
import { run } from '../lib/run';
import { buildIntegration } from './buildIntegration';
import { buildIntegrationWeb, NOT_IN_WEB, webTestFiles } from './buildIntegrationWeb';
import { runLayer } from './layer';
import { readCounts, RESULTS_FILE_ENV, sumCounts, summaryLine, writeCounts, type LayerCounts } from './results';
import { copySamples } from './sampleWorkspace';

/** How long the extension host may take to load and run the whole suite. */
/** Everything the workbench logged during the run, for diagnosing a host that failed to start the suite. */
const WORKBENCH_LOG = path.join(RESULTS_DIR, 'integration-workbench.log');
const SUITE_TIMEOUT_MS = Number(process.env.MARGINALIA_INTEGRATION_TIMEOUT_MS ?? 840_000);

/**
 * Integration layer: the mocha suite in test/integration/ runs inside a real VS Code extension host with the
 * real `vscode` API. With VSCODE_EXECUTABLE (a desktop VS Code) it goes through @vscode/test-electron;
 * otherwise through code-server's development mode, driven by a headless Chromium that only opens the page
 * and waits for the host to report its exit code. There it runs twice: in the Node extension host (`main`),
 * then in the web worker extension host of VS Code for the Web (`browser`), the tests that run there.
 */
runLayer('integration', async (resultsFile) => {
  // esbuild.js reports errors on stderr; its stdout is progress chatter.
  await run('node', ['esbuild.js'], { cwd: REPO_ROOT, timeoutMs: 120_000, stdio: ['ignore', 'ignore', 'inherit'] });
  // MARGINALIA_INTEGRATION_HOSTS=web (or node) runs the suite in one host only.
  const hosts = (process.env.MARGINALIA_INTEGRATION_HOSTS ?? 'node,web').split(',');
  const all: LayerCounts[] = [];
  if (hosts.includes('node') || process.env.VSCODE_EXECUTABLE) {
    const testsPath = await buildIntegration();
    const env = { [RESULTS_FILE_ENV]: resultsFile };
    // The suite runs on a copy of samples/: what the tests write there never reaches the repository.
    const workspace = copySamples();
    let exitCode: number;
    try {
      exitCode = process.env.VSCODE_EXECUTABLE
        ? await runInDesktopVsCode(testsPath, workspace.folder, env)
        : await runInCodeServer(testsPath, workspace.folder, { env });
    } finally {
      workspace.remove();
    }
    all.push(hostCounts('Node', exitCode, readCounts(resultsFile)));
    console.log(`[integration] Node extension host: ${summaryLine(sumCounts(all))}`);
    // Counted as it comes: a web run that fails to start still keeps the Node host's counts.
    writeCounts(resultsFile, sumCounts(all));
  }
  if (hosts.includes('web') && !process.env.VSCODE_EXECUTABLE) {
    const webCounts = await runInWebHost();
    console.log(`[integration] web extension host: ${summaryLine(webCounts)}`);
    all.push(webCounts);
    writeCounts(resultsFile, sumCounts(all));
  }
});

/** A host that fails before mocha counts anything (activation of the suite, a syntax error) still fails. */
function hostCounts(host: string, exitCode: number, counts: LayerCounts | undefined): LayerCounts {
  if (exitCode === 0 || (counts && counts.failed > 0)) return counts ?? { passed: 0, failed: 0, skipped: 0 };
  console.error(`[integration] the ${host} extension host exited with ${exitCode} before reporting a failing test`);
  return { passed: counts?.passed ?? 0, failed: 1, skipped: counts?.skipped ?? 0 };
}

/**
 * The web suite (test/integration/web/index.ts and the tests that run there) in code-server's web worker
 * extension host: `remote.extensionKind` moves Marginalia, which has both entries, out of the Node host.
 */
async function runInWebHost(): Promise<LayerCounts> {
  console.log(`[integration] web extension host: ${webTestFiles().length} test files; not run there yet:`);
  for (const [file, reason] of Object.entries(NOT_IN_WEB)) console.log(`[integration]   ${file}: ${reason}`);
  const testsPath = await buildIntegrationWeb();
  const workspace = copySamples();
  let counts: LayerCounts | undefined;
  try {
    const userSettings = { 'remote.extensionKind': { 'marginalia-dev.marginalia': ['web'] } };
    const exitCode = await runInCodeServer(testsPath, workspace.folder, { userSettings, onCounts: (c) => (counts = c) });
    return hostCounts('web worker', exitCode, counts);
  } finally {
    workspace.remove();
  }
}

interface HostRun {
  env?: Record<string, string>;
  userSettings?: Record<string, unknown>;
  /** Called with the counts a suite sends as a console line (the web host, which cannot write files). */
  onCounts?: (counts: LayerCounts) => void;
}

async function runInCodeServer(testsPath: string, folder: string, run: HostRun): Promise<number> {
  const server = await startCodeServer({ env: run.env, userSettings: run.userSettings });
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
      else if (args[0] === SUITE_COUNTS_MARKER) run.onCounts?.(JSON.parse(String(args[1])) as LayerCounts);
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
