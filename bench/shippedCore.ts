// The core as the extension and the CLI ship it: bundled by esbuild with the production settings of esbuild.js.
// Speed figures are taken on this, not on the sources as tsx loads them: tsx transpiles each file on its own, so
// every call into another module goes through that module's export getters, which the shipped bundle never does
// (the same analysis runs about 1.6x slower that way).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as AnalyzeModule from '../src/core/analyze';
import type * as CacheModule from '../src/core/analysisCache';
import type * as LexiconModule from '../src/core/lexicon/builtinLexicon';

export type ShippedCore = typeof AnalyzeModule & typeof CacheModule & typeof LexiconModule;

const SRC = path.resolve(__dirname, '..', 'src', 'core');

export function shippedCore(): ShippedCore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-'));
  const outfile = path.join(dir, 'core.js');
  try {
    esbuild.buildSync({
      stdin: {
        contents: ["export * from './analyze';", "export * from './analysisCache';", "export * from './lexicon/builtinLexicon';"].join('\n'),
        resolveDir: SRC,
        loader: 'ts',
      },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minify: true,
      keepNames: true,
      logLevel: 'error',
      outfile,
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(outfile) as ShippedCore;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
