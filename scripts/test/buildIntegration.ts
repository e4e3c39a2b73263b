import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { INTEGRATION_OUT_DIR, REPO_ROOT } from '../lib/paths';

const SOURCE_DIR = path.join(REPO_ROOT, 'test', 'integration');

/**
 * Bundles the integration suite for the extension host: `index.ts` plus every `*.test.ts` under
 * test/integration/ (found by glob, so adding a test is adding a file), each to out/test/integration/ with
 * the same relative path. `vscode` is provided by the host and mocha is loaded from node_modules at run time.
 * @returns the folder to pass as `extensionTestsPath`.
 */
export async function buildIntegration(): Promise<string> {
  const tests = fs
    .readdirSync(SOURCE_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(SOURCE_DIR, f));
  fs.rmSync(INTEGRATION_OUT_DIR, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(SOURCE_DIR, 'index.ts'), ...tests],
    outbase: SOURCE_DIR,
    outdir: INTEGRATION_OUT_DIR,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return INTEGRATION_OUT_DIR;
}

// `tsx scripts/test/buildIntegration.ts`: the "build tests" task of .vscode/tasks.json (F5 "Extension Tests").
if (require.main === module) {
  buildIntegration().then(
    (dir) => console.log(`integration suite bundled into ${dir}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
