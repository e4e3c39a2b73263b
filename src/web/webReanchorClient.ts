/**
 * The re-anchoring worker in VS Code for the Web, as a {@link ReanchorRunner}: a web `Worker` started from a Blob
 * of dist/web/reanchorWorker.js (blobWorker.ts) on the first request, stopped after a while without any. Requests,
 * the idle stop and failure are handled by the same base as the desktop's worker thread (hosts/workerRequests.ts):
 * if the worker cannot start or fails, every pending and later request is rejected, and the caller places
 * annotations in its own thread instead (core/anchoring/backgroundReanchor.ts).
 */
import type { ReanchorRunner } from '../core/anchoring/backgroundReanchor';
import { settleReanchorReply, type CompactResult, type ReanchorReply, type ReanchorRequest } from '../core/anchoring/reanchorTransfer';
import type { Selectors } from '../core/model/annotation';
import { WorkerRequests, type WorkerChannel, type WorkerRequestsOptions } from '../hosts/workerRequests';
import { blobWorker, terminateWhenStarted, type WebWorkerOf } from './blobWorker';

type ReanchorWorker = WebWorkerOf<ReanchorRequest, ReanchorReply>;

/** How long an idle worker is kept (a burst of typing in a large document asks again and again), as on the desktop. */
const IDLE_STOP_MS = 60_000;

export interface WebReanchorOptions extends WorkerRequestsOptions {
  /** Starts a worker running `source`; a Blob `Worker` by default (tests run it in other hosts). */
  createWorker?: (source: string) => ReanchorWorker;
}

export class WebReanchorClient extends WorkerRequests<CompactResult[]> implements ReanchorRunner {
  /** `loadScript`: the worker's source (dist/web/reanchorWorker.js, read through `vscode.workspace.fs`). */
  constructor(
    private readonly loadScript: () => Promise<string>,
    private readonly options: WebReanchorOptions = {},
  ) {
    super('the re-anchoring worker', IDLE_STOP_MS, options);
  }

  run(lists: Selectors[][], text: string): Promise<CompactResult[]> {
    return this.ask((worker, id) => worker.post({ id, text, lists } satisfies ReanchorRequest));
  }

  /** The script is read when the worker is first needed; requests wait for it and go out in order. */
  protected open(): WorkerChannel {
    const create = this.options.createWorker ?? blobWorker<ReanchorRequest, ReanchorReply>;
    const started = this.loadScript().then((source) => {
      const worker = create(source);
      worker.onmessage = (event) => settleReanchorReply(event.data, (id) => this.settle(id));
      worker.onerror = (event) => this.fail(channel, new Error(`the re-anchoring worker failed: ${event.message ?? 'no reason given'}`));
      return worker;
    });
    const channel: WorkerChannel = {
      post: (message) => void started.then((w) => w.postMessage(message as ReanchorRequest), () => undefined),
      terminate: terminateWhenStarted(started, (e) => this.fail(channel, e)),
    };
    return channel;
  }
}
