/**
 * The editor thread's side of the re-anchoring worker (reanchorWorker.ts), as a {@link ReanchorRunner}: started on
 * the first request, stopped after a while without any (its memory freed), and kept apart from the scan worker
 * so that a document's annotations never wait behind a workspace scan. If it cannot start or dies, every pending
 * and later request is rejected, and the caller places annotations in its own thread instead.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ReanchorRunner } from '../core/anchoring/backgroundReanchor';
import type { CompactResult, ReanchorReply, ReanchorRequest } from '../core/anchoring/reanchorTransfer';
import type { Selectors } from '../core/model/annotation';

/** How long an idle worker is kept (a burst of typing in a large document asks again and again). */
export const REANCHOR_IDLE_STOP_MS = 60_000;

export interface ReanchorWorkerOptions {
  /** Passed to the Worker (the tests run the TypeScript source through tsx). */
  execArgv?: WorkerOptions['execArgv'];
  idleStopMs?: number;
  /** Told, once, why the worker stopped working (for the user's log). */
  onBroken?: (error: Error) => void;
}

export class ReanchorWorkerClient implements ReanchorRunner {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve(r: CompactResult[]): void; reject(e: Error): void }>();
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Why the worker stopped working, once it did (it is not started again). */
  broken: Error | undefined;

  constructor(
    private readonly script: string,
    private readonly options: ReanchorWorkerOptions = {},
  ) {}

  /** True while a worker is up. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  run(lists: Selectors[][], text: string): Promise<CompactResult[]> {
    if (this.broken) return Promise.reject(this.broken);
    let worker: Worker;
    try {
      worker = this.worker ?? this.start();
    } catch (e) {
      return Promise.reject(this.breaks(e instanceof Error ? e : new Error(String(e))));
    }
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise<CompactResult[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // The worker keeps the extension host's event loop alive only while it has work.
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, text, lists } satisfies ReanchorRequest);
    });
  }

  /** Stops the worker (pending requests are rejected); the next request starts a new one. */
  async stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.rejectAll(new Error('the re-anchoring worker was stopped'));
    await worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(this.script, { execArgv: this.options.execArgv });
    worker.unref();
    worker.on('message', (reply: ReanchorReply) => this.receive(reply));
    worker.on('error', (e: Error) => this.fail(worker, e));
    worker.on('exit', (code) => this.fail(worker, new Error(`the re-anchoring worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private receive(reply: ReanchorReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.idle();
    if ('error' in reply) pending.reject(new Error(`re-anchoring failed in the worker: ${reply.error}`));
    else pending.resolve(reply.results);
  }

  private idle(): void {
    this.worker?.unref();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.stop(), this.options.idleStopMs ?? REANCHOR_IDLE_STOP_MS);
    this.idleTimer.unref();
  }

  private fail(worker: Worker, error: Error): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    clearTimeout(this.idleTimer);
    this.rejectAll(this.breaks(error));
    void worker.terminate();
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
