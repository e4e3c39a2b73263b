/**
 * The editor thread's side of a worker that answers numbered requests, whatever runs it (a Node worker thread or
 * a browser's web Worker): it starts the worker on the first request, keeps each request's promise until its
 * answer, tells the worker when it has work (Node keeps the extension host alive only while it does), and stops
 * it after a while without requests, its memory freed. Once the worker cannot start or dies, every pending and
 * later request is rejected with the reason ({@link WorkerRequests.broken}), and the caller does the work in its
 * own thread instead. The scan worker (scanWorkerBase.ts) and the re-anchoring worker (reanchorWorkerClient.ts)
 * are both driven by it. No Node built-ins here: the browser bundle reaches this file.
 */

/** A started worker as {@link WorkerRequests} drives it. */
export interface WorkerChannel {
  post(message: unknown, transfer?: ArrayBuffer[]): void;
  terminate(): unknown;
  /** Told when the worker has work and when it has none (Node keeps its event loop alive only while busy). */
  busy?(busy: boolean): void;
}

export interface WorkerRequestsOptions {
  /** How long an idle worker is kept. */
  idleStopMs?: number;
  /** Told, once, why the worker stopped working (for the user's log). */
  onBroken?: (error: Error) => void;
}

export interface Pending<Answer> {
  resolve(answer: Answer): void;
  reject(error: Error): void;
}

export abstract class WorkerRequests<Answer> {
  private worker: WorkerChannel | undefined;
  private readonly pending = new Map<number, Pending<Answer>>();
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Why the worker stopped working, once it did (it is not started again). */
  broken: Error | undefined;

  /** `what`: the worker as the user's log names it ("the scan worker"); `idleStopMs`: unless the options say. */
  constructor(
    private readonly what: string,
    private readonly idleStopMs: number,
    private readonly requestOptions: WorkerRequestsOptions = {},
  ) {}

  /** Starts the host's worker, wired to {@link settle} and {@link fail}; throws when it cannot. */
  protected abstract open(): WorkerChannel;

  /** A new worker was started: what a subclass keeps per worker starts afresh. */
  protected opened(): void {}

  /** True while a worker is up (busy, or idle and not stopped yet). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Requests sent and not answered yet. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Starts the worker now, if it is not up, so that it is ready when the requests come. */
  launch(): void {
    if (!this.broken) this.start();
  }

  /**
   * One request: `send` posts it to the running worker (started if need be) under `id`; the promise settles with
   * its answer (see {@link settle}), or is rejected once the worker is broken or stopped.
   */
  protected ask(send: (worker: WorkerChannel, id: number) => void): Promise<Answer> {
    if (this.broken) return Promise.reject(this.broken);
    const worker = this.start();
    if (worker instanceof Error) return Promise.reject(worker);
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.busy?.(true);
      send(worker, id);
    });
  }

  /** Takes the request `id` out of those pending (the worker answered it): the caller settles it. */
  protected settle(id: number): Pending<Answer> | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    this.pending.delete(id);
    if (this.pending.size === 0) this.idle();
    return pending;
  }

  /** Stops the worker (pending requests are rejected), freeing its memory; the next request starts a new one. */
  async stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.rejectAll(new Error(`${this.what} was stopped`));
    await worker.terminate();
  }

  /** The worker failed (an error event, an exit): it is broken from now on. */
  protected fail(worker: WorkerChannel, error: Error): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    clearTimeout(this.idleTimer);
    this.rejectAll(this.breaks(error));
    void worker.terminate();
  }

  /** The running worker, started if need be; the error when it cannot start. */
  private start(): WorkerChannel | Error {
    if (this.worker) return this.worker;
    try {
      this.worker = this.open();
    } catch (e) {
      return this.breaks(e instanceof Error ? e : new Error(String(e)));
    }
    this.worker.busy?.(false);
    this.opened();
    return this.worker;
  }

  private idle(): void {
    this.worker?.busy?.(false);
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.stop(), this.requestOptions.idleStopMs ?? this.idleStopMs);
    // A Node timer must not keep the extension host alive; a browser's timer is a number.
    (this.idleTimer as { unref?: () => void }).unref?.();
  }

  /** Marks the client broken (the first reason is kept and told); returns the reason. */
  private breaks(error: Error): Error {
    if (!this.broken) {
      this.broken = error;
      this.requestOptions.onBroken?.(error);
    }
    return this.broken;
  }

  private rejectAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }
}
