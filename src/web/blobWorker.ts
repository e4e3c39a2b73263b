/**
 * A web `Worker` started from a Blob of its script's source, as VS Code for the Web's extension host needs it: an
 * extension's own files cannot be loaded as a worker's URL from the extension host's origin, so the script is
 * read through `vscode.workspace.fs` and started from memory (webScanWorker.ts, webReanchorClient.ts).
 */

/** The members of a web Worker the clients use: `In` is what it is sent, `Out` what it answers. */
export interface WebWorkerOf<In, Out> {
  onmessage: ((event: { data: Out }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  postMessage(message: In, transfer?: ArrayBuffer[]): void;
  terminate(): void;
}

/** A web Worker running `source`, from a Blob URL (kept until the worker ends: it may load it later). */
export function blobWorker<In, Out>(source: string): WebWorkerOf<In, Out> {
  const WorkerClass = (globalThis as { Worker?: new (url: string) => WebWorkerOf<In, Out> }).Worker;
  if (!WorkerClass) throw new Error('this extension host has no Worker');
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new WorkerClass(url);
  const terminate = worker.terminate.bind(worker);
  worker.terminate = () => {
    terminate();
    URL.revokeObjectURL(url);
  };
  return worker;
}

/**
 * The `terminate` of a channel to a worker whose script is still being read (`started`): it waits for the start,
 * then ends the worker. A start that fails before that is told to `startFailed`, which breaks the client.
 */
export function terminateWhenStarted(started: Promise<{ terminate(): void }>, startFailed: (error: Error) => void): () => Promise<void> {
  let stopped = false;
  started.catch((e: unknown) => {
    if (!stopped) startFailed(e instanceof Error ? e : new Error(String(e)));
  });
  return async () => {
    stopped = true;
    (await started.catch(() => undefined))?.terminate();
  };
}
