import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from '../lib/paths';

const SOURCE_DIR = path.join(REPO_ROOT, 'test', 'integration');
const WEB_DIR = path.join(SOURCE_DIR, 'web');

/**
 * Where the web suite is bundled. VS Code runs a suite in the host of the extension whose folder holds it: inside
 * the extension folder it runs in the web worker with Marginalia; anywhere else it would go to the Node host.
 */
export const WEB_SUITE_FILE = path.join(REPO_ROOT, 'dist', 'web', 'test', 'suite.js');

/**
 * Integration tests that do not run in the web extension host yet, each with the reason. Every other test file
 * must bundle for the browser (a new test that imports a Node built-in fails the layer until it is listed here
 * or made to use `vscode.workspace.fs`).
 */
export const NOT_IN_WEB: Readonly<Record<string, string>> = {
  'features/scanWorker.test.ts': "tests the Node host's worker thread (worker_threads); the web Worker's scan is in webScanWorker.test.ts",
  'features/scanSpecialFiles.test.ts': "makes FIFOs and devices with mkfifo (child_process), which the web host's file systems do not serve",
  'features/documentSource.test.ts': "sets up its folders with Node's fs and compares with the Node document source",
};

/** The integration test files that run in the web host, sorted, foundation/ first (see index.ts). */
export function webTestFiles(): string[] {
  const first = (f: string): number => (f.startsWith('foundation/') ? 0 : 1);
  return fs
    .readdirSync(SOURCE_DIR, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.test.ts') && !(f in NOT_IN_WEB))
    .sort((a, b) => first(a) - first(b) || a.localeCompare(b));
}

/**
 * mocha >= 12 is an ES module package: esbuild would bundle mocha/mocha.js (a UMD) as ESM, and its
 * `module.exports = factory()` would replace the bundle's exports. Loaded from a namespace of its own, it is
 * wrapped as CommonJS (../shared/docs/web-extension-offline.md).
 */
const mochaUmd: esbuild.Plugin = {
  name: 'mocha-umd',
  setup(build) {
    build.onResolve({ filter: /^mocha\/mocha(\.js)?$/ }, () => ({ path: require.resolve('mocha/mocha.js'), namespace: 'mocha-umd' }));
    build.onLoad({ filter: /.*/, namespace: 'mocha-umd' }, (a) => ({ contents: fs.readFileSync(a.path, 'utf8'), loader: 'js' }));
  },
};

/** The module the index imports after mocha's setup: one import per test file, in order. */
function testsModule(files: string[]): esbuild.Plugin {
  return {
    name: 'marginalia-web-tests',
    setup(build) {
      build.onResolve({ filter: /^marginalia-web-tests$/ }, () => ({ path: 'tests', namespace: 'marginalia-web-tests' }));
      build.onLoad({ filter: /.*/, namespace: 'marginalia-web-tests' }, () => ({
        contents: files.map((f) => `import ${JSON.stringify(`./${f}`)};`).join('\n'),
        resolveDir: SOURCE_DIR,
        loader: 'js',
      }));
    },
  };
}

/**
 * Bundles test/integration/web/index.ts and the tests that run in the web host into {@link WEB_SUITE_FILE} for
 * the browser: a test file that reaches a Node built-in fails this build. Rejects with esbuild's errors.
 * @returns the file to pass as `extensionTestsPath`.
 */
export async function buildIntegrationWeb(grep = process.env.MARGINALIA_TEST_GREP ?? ''): Promise<string> {
  fs.rmSync(path.dirname(WEB_SUITE_FILE), { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(WEB_DIR, 'index.ts')],
    outfile: WEB_SUITE_FILE,
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    external: ['vscode'],
    alias: { 'node:assert/strict': './test/integration/web/strictAssert.js' },
    inject: [path.join(WEB_DIR, 'processShim.js')],
    define: { MARGINALIA_TEST_GREP: JSON.stringify(grep) },
    // `assert` for the browser: from node_modules, or from NODE_PATH where it is installed elsewhere.
    nodePaths: (process.env.NODE_PATH ?? '').split(path.delimiter).filter(Boolean),
    absWorkingDir: REPO_ROOT,
    plugins: [mochaUmd, testsModule(webTestFiles())],
    logLevel: 'warning',
  });
  return WEB_SUITE_FILE;
}
