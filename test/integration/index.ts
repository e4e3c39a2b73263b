import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { SUITE_OUTPUT_MARKER } from './web/markers';

/**
 * The suite index the VS Code extension host loads through `extensionTestsPath` (code-server's development
 * mode here, `@vscode/test-electron` on a desktop): it runs every `*.test.js` bundled next to it (from
 * test/integration/** /*.test.ts, see scripts/test/buildIntegration.ts) with mocha, writes the counts to the
 * file named by MARGINALIA_RESULTS_FILE (the server's environment reaches the extension host) and rejects
 * when a test failed, which makes the host report a non-zero exit code.
 */
export async function run(): Promise<void> {
  // Mocha 12 is an ES module; import() loads it in any extension host (require(esm) needs Node >= 20.19).
  const { default: Mocha } = await import('mocha');
  // Loaded here, not at the top: the test runner imports this file's marker in plain Node, without `vscode`.
  const { isolationHooks } = await import('./support/isolation');
  // The host's console reaches the test runner mixed with the workbench's own log; a marker on mocha's
  // lines lets the runner show the suite's output and file the rest away.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(SUITE_OUTPUT_MARKER, format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, rootHooks: isolationHooks });
  const grep = process.env.MARGINALIA_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  await mocha.loadFilesAsync();

  const counts = await new Promise<{ passed: number; failed: number; skipped: number }>((resolve) => {
    const runner = mocha.run(() => {
      const s = runner.stats;
      resolve({ passed: s?.passes ?? 0, failed: s?.failures ?? 0, skipped: s?.pending ?? 0 });
    });
  });
  const resultsFile = process.env.MARGINALIA_RESULTS_FILE;
  if (resultsFile) {
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    fs.writeFileSync(resultsFile, `${JSON.stringify(counts)}\n`);
  }
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed`);
}

/**
 * Every bundled test file under `dir`, sorted so the order is stable between runs, foundation/ first: its
 * activation test must open the first document of the session, while nothing has activated Marginalia yet.
 */
function testFiles(dir: string): string[] {
  const first = (f: string): number => (f.startsWith(`foundation${path.sep}`) ? 0 : 1);
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort((a, b) => first(a) - first(b) || a.localeCompare(b))
    .map((f) => path.join(dir, f));
}
