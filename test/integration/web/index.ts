/**
 * The suite index for VS Code for the Web's extension host (a web worker: no Node, no file system but
 * `vscode.workspace.fs`). scripts/test/buildIntegrationWeb.ts bundles it with mocha's browser build and every
 * integration test that runs there into one file inside the extension folder, as VS Code requires; the harness
 * loads it through `extensionTestsPath` with Marginalia moved to the web worker (`remote.extensionKind`).
 * The server's environment does not reach a worker: the grep comes in at build time, and the counts go out as a
 * console line the harness reads (see {@link SUITE_COUNTS_MARKER}).
 */
import 'mocha/mocha';
import { format } from './format';
import { SUITE_COUNTS_MARKER, SUITE_OUTPUT_MARKER } from './markers';

/** Set by the bundler: MARGINALIA_TEST_GREP when the suite was built, or ''. */
declare const MARGINALIA_TEST_GREP: string;

export async function run(): Promise<void> {
  const { isolationHooks } = await import('../support/isolation');
  const Mocha = (globalThis as unknown as { Mocha: { reporters: { Base: { consoleLog: (...args: unknown[]) => void } } } }).Mocha;
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(SUITE_OUTPUT_MARKER, format(...args));
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, rootHooks: isolationHooks });
  if (MARGINALIA_TEST_GREP) mocha.grep(MARGINALIA_TEST_GREP);
  // After setup, so that describe() and it() exist when the test files run: the generated module imports them.
  await import('marginalia-web-tests');
  const counts = await new Promise<{ passed: number; failed: number; skipped: number }>((resolve) => {
    const runner = mocha.run(() => {
      const s = runner.stats;
      resolve({ passed: s?.passes ?? 0, failed: s?.failures ?? 0, skipped: s?.pending ?? 0 });
    });
  });
  console.log(SUITE_COUNTS_MARKER, JSON.stringify(counts));
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed in the web extension host`);
}
