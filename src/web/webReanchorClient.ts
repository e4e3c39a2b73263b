/**
 * The re-anchoring worker in VS Code for the Web, as a {@link ReanchorRunner}: a web `Worker` started from a Blob
 * of dist/web/reanchorWorker.js (blobWorker.ts) on the first request, stopped after a while without any. If it
 * cannot start or fails, every pending and later request is rejected, and the caller places annotations in its
 * own thread instead (core/anchoring/backgroundReanchor.ts), as with the desktop's worker thread.
 */
import type { ReanchorRunner } from '../core/anchoring/backgroundReanchor';
import type { CompactResult, ReanchorReply, ReanchorRequest } from '../core/anchoring/reanchorTransfer';
import type { Selectors } from '../core/model/annotation';
import { blobWorker, type WebWorkerOf } from './blobWorker';

type ReanchorWorker = WebWorkerOf<ReanchorRequest, ReanchorReply>;

/** How long an idle worker is kept (a burst of typing in a large document asks again and again), as on the desktop. */
const IDLE_STOP_MS = 60_000;

export interface WebReanchorOptions {
  /** Starts a worker running `source`; a Blob `Worker` by default (tests run it in other hosts). */
  createWorker?: (source: string) => ReanchorWorker;
  idleStopMs?: number;
  /** Told, once, why the worker stopped working (for the user's log). */
  onBroken?: (error: Error) => void;
}

export class WebReanchorClient implements ReanchorRunner {
  /** The worker being started or running. */
  private worker: Promise<ReanchorWorker> | undefined;
  private readonly pending = new Map<number, { resolve(r: CompactResult[]): void; reject(e: Error): void }>();
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Why the worker stopped working, once it did (it is not started again). */
  broken: Error | undefined;

  /** `loadScript`: the worker's source (dist/web/reanchorWorker.js, read through `vscode.workspace.fs`). */
  constructor(
    private readonly loadScript: () => Promise<string>,
    private readonly options: WebReanchorOptions = {},
  ) {}

  /** True while a worker is started or up. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  run(lists: Selectors[][], text: string): Promise<CompactResult[]> {
    if (this.broken) return Promise.reject(this.broken);
    clearTimeout(this.idleTimer);
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise<CompactResult[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.then(
        (w) => w.postMessage({ id, text, lists }),
        () => undefined, // start() failed: every request is rejected there
      );
    });
  }

  /** Stops the worker (pending requests are rejected); the next request starts a new one. */
  async stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.rejectAll(new Error('the re-anchoring worker was stopped'));
    (await worker.catch(() => undefined))?.terminate();
  }

  private async start(): Promise<ReanchorWorker> {
    try {
      const worker = (this.options.createWorker ?? blobWorker<ReanchorRequest, ReanchorReply>)(await this.loadScript());
      worker.onmessage = (event) => this.receive(event.data);
      worker.onerror = (event) => this.fail(worker, new Error(`the re-anchoring worker failed: ${event.message ?? 'no reason given'}`));
      return worker;
    } catch (e) {
      this.worker = undefined;
      this.rejectAll(this.breaks(e instanceof Error ? e : new Error(String(e))));
      throw e;
    }
  }

  private receive(reply: ReanchorReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => void this.stop(), this.options.idleStopMs ?? IDLE_STOP_MS);
    }
    if ('error' in reply) pending.reject(new Error(`re-anchoring failed in the worker: ${reply.error}`));
    else pending.resolve(reply.results);
  }

  private fail(worker: ReanchorWorker, error: Error): void {
    this.worker = undefined;
    clearTimeout(this.idleTimer);
    this.rejectAll(this.breaks(error));
    worker.terminate();
  }

  private breaks(error: Error): Error {
    if (!this.broken) {
      this.broken = error;
      this.options.onBroken?.(error);
    }
    return this.broken;
  }

  private rejectAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }
}
