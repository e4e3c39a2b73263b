// What the benchmarks that run inside a real workbench share (editorBench.ts in the Node extension host,
// webScanBench.ts in the web worker host): start code-server and headless Chromium or skip where there are none,
// open the workspace with the in-editor suite and wait for it to exit, and end the process once figures are printed.
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';
import { launchChromium, type Chromium } from '../scripts/browser/chromium';
import { startCodeServer, type CodeServer, type ServerOptions } from '../scripts/codeServer/server';
import { workbenchUrl } from '../scripts/codeServer/workbenchUrl';
import { REPO_ROOT } from '../scripts/lib/paths';

export interface BenchWorkbench {
  server: CodeServer;
  browser: Chromium;
}

/** code-server and Chromium, or undefined (a skip is printed and `workspace` removed) where this machine has none. */
export async function startBenchWorkbench(workspace: string, options: ServerOptions): Promise<BenchWorkbench | undefined> {
  let server: CodeServer | undefined;
  try {
    server = await startCodeServer(options);
    return { server, browser: await launchChromium() };
  } catch (e) {
    console.log(`skipped: no real editor here (${e instanceof Error ? e.message : String(e)})`);
    await server?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    return undefined;
  }
}

/**
 * Opens `workspace` with Marginalia in development mode and `suite` as its tests; `onLog` gets what the suite logs.
 * Resolves with the suite's exit code (-1 when it has not ended after ten minutes).
 */
export async function runSuiteInWorkbench(
  { server, browser }: BenchWorkbench,
  workspace: string,
  suite: string,
  onLog: (type: string, args: unknown[]) => void,
): Promise<number> {
  const page = await browser.context.newPage();
  const exited = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
  await page.exposeFunction('codeAutomationLog', onLog);
  await page.goto(workbenchUrl(server.baseUrl, workspace, { extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: suite }));
  return Promise.race([exited, new Promise<number>((r) => setTimeout(() => r(-1), 600_000))]);
}

/** Runs `main`, then ends the process: esbuild's service (and a browser that lingers after close) would keep it alive. */
export function runBench(main: () => Promise<void>): void {
  main()
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    })
    .finally(() => {
      void esbuild.stop();
      process.exit();
    });
}
