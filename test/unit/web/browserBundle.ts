import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { BuildOptions, Metafile } from 'esbuild';
import * as esbuild from 'esbuild';
import { Worker } from 'node:worker_threads';
import type { WebWorkerOf } from '../../../src/web/blobWorker';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** esbuild.js's builds, by output file. */
export function buildOptions(outfile: string): BuildOptions {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { builds } = require(path.join(ROOT, 'esbuild.js')) as { builds: BuildOptions[] };
  const found = builds.find((b) => b.outfile === outfile);
  assert.ok(found, `esbuild.js has no build of ${outfile}`);
  return found;
}

/** Builds in memory (esbuild.js options); fails with esbuild's errors (file:line: text), or when anything but `vscode` is external. */
export async function buildInMemory(options: BuildOptions): Promise<Metafile & { text: string }> {
  const result = await esbuild.build({ ...options, absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'silent', plugins: [] }).catch(
    (e: { errors?: esbuild.Message[] }) => {
      const lines = (e.errors ?? []).map((m) => `${m.location?.file ?? ''}:${m.location?.line ?? ''}: ${m.text}`);
      assert.fail(`the browser build failed:\n${lines.join('\n')}`);
    },
  );
  const meta = result.metafile as Metafile;
  // '<runtime>' is esbuild's own helper module, not an import.
  const externals = Object.values(meta.inputs).flatMap((i) => i.imports.filter((x) => x.external && x.path !== '<runtime>').map((x) => x.path));
  assert.deepEqual(
    [...new Set(externals)].filter((e) => e !== 'vscode'),
    [],
  );
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  return { ...meta, text: js?.text ?? '' };
}

/** What a web Worker's global scope gives a worker script (`onmessage`, `postMessage`), in a Node worker thread. */
const WEB_SCOPE = `
const { parentPort } = require('node:worker_threads');
globalThis.postMessage = (message, transfer) => parentPort.postMessage(message, transfer);
parentPort.on('message', (data) => globalThis.onmessage && globalThis.onmessage({ data }));
`;

/** A web worker script (a browser bundle's text) run in a Node worker thread posing as a web Worker. */
export function threadAsWorker<In, Out>(source: string): WebWorkerOf<In, Out> {
  const thread = new Worker(WEB_SCOPE + source, { eval: true });
  const worker: WebWorkerOf<In, Out> = {
    onmessage: null,
    onerror: null,
    postMessage: (message, transfer) => thread.postMessage(message, transfer),
    terminate: () => void thread.terminate(),
  };
  thread.on('message', (data: Out) => worker.onmessage?.({ data }));
  thread.on('error', (e) => worker.onerror?.({ message: e.message }));
  return worker;
}
