// Bundles the extension (for Node and for the browser) and the CLI. `--production` minifies; otherwise source maps; `--watch` rebuilds.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const { version } = require('./package.json');
const watch = process.argv.includes('--watch');

/** Prints errors in the form VS Code's `$esbuild-watch` problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // Class names survive minification: the date recognizer picks chrono-node's parsers by name.
  keepNames: true,
  logLevel: 'silent',
  // `marginalia --version` without reading package.json at run time (the bundle does not ship beside it).
  define: { __VERSION__: JSON.stringify(version) },
  plugins: [problemMatcher],
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The scan worker: analyses the workspace's closed files off the extension host's thread.
  { ...common, entryPoints: ['src/hosts/scanWorker.ts'], outfile: 'dist/scanWorker.js' },
  // The re-anchoring worker: places a large document's annotations off the extension host's thread.
  { ...common, entryPoints: ['src/hosts/reanchorWorker.ts'], outfile: 'dist/reanchorWorker.js' },
  // The CLI: a small loader (dist/cli.js, the `marginalia` bin) that runs the bundle through V8's code cache.
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/marginalia-cli.js' },
  { ...common, entryPoints: ['src/cliLoader.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // VS Code for the Web (package.json `browser`): runs in a web worker. Any import of a Node built-in fails this
  // build (test/unit/web/browserBuild.test.ts builds it to check).
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    entryPoints: ['src/web/extension.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
  },
  // Its scan worker, started from a Blob as a web Worker (src/web/webScanWorker.ts).
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['src/web/scanWorker.ts'], outfile: 'dist/web/scanWorker.js' },
  // Its re-anchoring worker, started the same way (src/web/webReanchorClient.ts).
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['src/web/reanchorWorker.ts'], outfile: 'dist/web/reanchorWorker.js' },
];

async function main() {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  if (results.some((r) => r.errors.length > 0)) process.exit(1);
}

module.exports = { builds };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
