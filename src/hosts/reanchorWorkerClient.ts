/**
 * The editor thread's side of the re-anchoring worker (reanchorWorker.ts), as a {@link ReanchorRunner}: started on
 * the first request, stopped after a while without any (its memory freed), and kept apart from the scan worker
 * so that a document's annotations never wait behind a workspace scan. If it cannot start or dies, every pending
 * and later request is rejected, and the caller places annotations in its own thread instead (workerRequests.ts).
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ReanchorRunner } from '../core/anchoring/backgroundReanchor';
import { settleReanchorReply, type CompactResult, type ReanchorReply, type ReanchorRequest } from '../core/anchoring/reanchorTransfer';
import type { Selectors } from '../core/model/annotation';
import { WorkerRequests, type WorkerChannel, type WorkerRequestsOptions } from './workerRequests';

/** How long an idle worker is kept (a burst of typing in a large document asks again and again). */
export const REANCHOR_IDLE_STOP_MS = 60_000;

export interface ReanchorWorkerOptions extends WorkerRequestsOptions {
  /** Passed to the Worker (the tests run the TypeScript source through tsx). */
  execArgv?: WorkerOptions['execArgv'];
}

export class ReanchorWorkerClient extends WorkerRequests<CompactResult[]> implements ReanchorRunner {
  constructor(
    private readonly script: string,
    private readonly options: ReanchorWorkerOptions = {},
  ) {
    super('the re-anchoring worker', REANCHOR_IDLE_STOP_MS, options);
  }

  run(lists: Selectors[][], text: string): Promise<CompactResult[]> {
    return this.ask((worker, id) => worker.post({ id, text, lists } satisfies ReanchorRequest));
  }

  protected open(): WorkerChannel {
    const worker = new Worker(this.script, { execArgv: this.options.execArgv });
    const channel: WorkerChannel = {
      post: (message) => worker.postMessage(message),
      terminate: () => worker.terminate(),
      // The worker keeps the extension host's event loop alive only while it has work.
      busy: (busy) => (busy ? worker.ref() : worker.unref()),
    };
    worker.on('message', (reply: ReanchorReply) => settleReanchorReply(reply, (id) => this.settle(id)));
    worker.on('error', (e: Error) => this.fail(channel, e));
    worker.on('exit', (code) => this.fail(channel, new Error(`the re-anchoring worker exited with code ${code}`)));
    return channel;
  }
}
