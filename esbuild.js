// Bundles the extension and the CLI. `--production` minifies; otherwise source maps; `--watch` rebuilds.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
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

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
