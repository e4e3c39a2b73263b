/**
 * The scan worker in a Node extension host: a worker thread running dist/scanWorker.js (scanWorker.ts), which
 * reads each local file itself and answers as scanWorkerBase.ts describes. Requests are answered in the order
 * they were sent.
 *
 * Why a worker: analysing a thousand closed files allocates hundreds of megabytes of short-lived strings and
 * mentions. In the extension host that garbage is collected along with the heap of every other extension, which
 * cost as much CPU as the analysis itself; a worker's heap holds only the scan, and what comes back is a few typed
 * arrays and strings per document. The editor's thread also stays free for typing while it runs.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { FileDateMode } from './fileDate';
import type { FromWorker, ToWorker } from './scanProtocol';
import { ScanWorkerBase, type ScanWorkerOptions, type WorkerChannel } from './scanWorkerBase';

export { IDLE_STOP_MS, WORKER_WINDOW, type ScanOutcome } from './scanWorkerBase';

export interface NodeScanWorkerOptions extends ScanWorkerOptions {
  /** Passed to the Worker (the tests run the TypeScript source through tsx). */
  execArgv?: WorkerOptions['execArgv'];
}

export class ScanWorkerClient extends ScanWorkerBase {
  constructor(
    private readonly script: string,
    options: NodeScanWorkerOptions = {},
  ) {
    super(options);
  }

  protected open(): WorkerChannel {
    const worker = new Worker(this.script, { execArgv: (this.options as NodeScanWorkerOptions).execArgv });
    const channel: WorkerChannel = {
      post: (message, transfer) => worker.postMessage(message, transfer),
      terminate: () => worker.terminate(),
      // The worker keeps the extension host's event loop alive only while it has work.
      busy: (busy) => (busy ? worker.ref() : worker.unref()),
    };
    worker.on('message', (msg: FromWorker) => this.receive(msg));
    worker.on('error', (e: Error) => this.fail(channel, e));
    worker.on('exit', (code) => this.fail(channel, new Error(`the scan worker exited with code ${code}`)));
    return channel;
  }

  protected request(worker: WorkerChannel, id: number, path: string, maxFileSize: number, lexicon: string, fileDate: FileDateMode): void {
    worker.post({ type: 'scan', id, path, maxFileSize, lexicon, fileDate } satisfies ToWorker);
  }
}
