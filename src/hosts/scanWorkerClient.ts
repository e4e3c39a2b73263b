/**
 * The editor thread's side of the scan worker (scanWorker.ts): starts it on the first scan, sends it each file
 * to analyse with the lexicon that applies (each lexicon sent once), and resolves each request with the
 * document's parts, bytes and entities. Requests are answered in the order they were sent.
 *
 * Why a worker: analysing a thousand closed files allocates hundreds of megabytes of short-lived strings and
 * mentions. In the extension host that garbage is collected along with the heap of every other extension, which
 * cost as much CPU as the analysis itself; a worker's heap holds only the scan, and what comes back is a few typed
 * arrays and strings per document. The editor's thread also stays free for typing while it runs.
 *
 * The worker stays up for {@link IDLE_STOP_MS} after its last answer: a scan soon after another (a lexicon edit,
 * a refresh) finds its code compiled and optimised, where a new worker pays about half a scan again to get there.
 *
 * If the worker cannot start or dies, every pending and later request is rejected with the reason
 * ({@link broken}), and the caller analyses in its own thread instead.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Lexicon } from '../core/lexicon/lexicon';
import type { Entity } from '../core/model/entity';
import type { ColdParts } from '../core/index/coldDocument';
import type { FileDateMode } from './fileDate';
import { BUILTIN_LEXICON } from '../core/lexicon/builtinLexicon';
import { EntityReceiver } from '../core/scan/entityTransfer';
import { BUILTIN_LEXICON_KEY, type FromWorker, type ToWorker } from './scanProtocol';

export type ScanOutcome =
  | { outcome: 'indexed'; parts: ColdParts; bytes: Uint8Array; entities: Entity[] }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'failed'; message: string };

/** Requests a caller keeps sent ahead of the answers it has taken in (the worker is never left waiting). */
export const WORKER_WINDOW = 16;

/** How long an idle worker is kept before it is stopped and its memory freed. */
export const IDLE_STOP_MS = 5 * 60_000;

export interface ScanWorkerOptions {
  /** Passed to the Worker (the tests run the TypeScript source through tsx). */
  execArgv?: WorkerOptions['execArgv'];
  /** How long an idle worker is kept; {@link IDLE_STOP_MS} by default. */
  idleStopMs?: number;
  /** Told, once, why the worker stopped working (for the user's log). */
  onBroken?: (error: Error) => void;
}

interface Pending {
  resolve(outcome: ScanOutcome): void;
  reject(error: Error): void;
}

export class ScanWorkerClient {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private lexiconKeys = new WeakMap<Lexicon, string>();
  private nextLexicon = 1;
  private receiver = new EntityReceiver();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private answered = false;
  /** Why the worker stopped working, once it did (it is not started again). */
  broken: Error | undefined;

  constructor(
    private readonly script: string,
    private readonly options: ScanWorkerOptions = {},
  ) {}

  /** True while a worker is up (busy, or idle and not stopped yet). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /**
   * True once the running worker has answered a request: its code is loaded and it keeps up. Until then the
   * caller may do other work in its own thread rather than wait on a worker that is still starting.
   */
  get ready(): boolean {
    return this.worker !== undefined && this.answered;
  }

  /** Requests sent and not answered yet. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Reads and analyses the local file at `path` in the worker (`fileDate`: see src/hosts/fileDate.ts). */
  scan(path: string, maxFileSize: number, lexicon: Lexicon, fileDate: FileDateMode = 'off'): Promise<ScanOutcome> {
    if (this.broken) return Promise.reject(this.broken);
    const worker = this.start();
    if (worker instanceof Error) return Promise.reject(worker);
    const key = this.lexiconKey(lexicon, worker);
    const id = this.nextId++;
    clearTimeout(this.idleTimer);
    return new Promise<ScanOutcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // The worker keeps the extension host's event loop alive only while it has work.
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ type: 'scan', id, path, maxFileSize, lexicon: key, fileDate } satisfies ToWorker);
    });
  }

  /** Starts the worker now, if it is not up, so that it is ready when the requests come. */
  launch(): void {
    if (!this.broken) this.start();
  }

  /** Stops the worker (pending requests are rejected), freeing its memory; the next scan starts a new one. */
  async stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.rejectAll(new Error('the scan worker was stopped'));
    await worker.terminate();
  }

  /** The running worker, started if need be; the error when it cannot start. */
  private start(): Worker | Error {
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      worker = new Worker(this.script, { execArgv: this.options.execArgv });
    } catch (e) {
      return this.breaks(e instanceof Error ? e : new Error(String(e)));
    }
    worker.unref();
    worker.on('message', (msg: FromWorker) => this.receive(msg));
    worker.on('error', (e: Error) => this.fail(worker, e));
    worker.on('exit', (code) => this.fail(worker, new Error(`the scan worker exited with code ${code}`)));
    this.worker = worker;
    this.answered = false;
    this.lexiconKeys = new WeakMap();
    this.receiver = new EntityReceiver();
    return worker;
  }

  private lexiconKey(lexicon: Lexicon, worker: Worker): string {
    if (lexicon === BUILTIN_LEXICON) return BUILTIN_LEXICON_KEY;
    let key = this.lexiconKeys.get(lexicon);
    if (key === undefined) {
      key = `lexicon-${this.nextLexicon++}`;
      this.lexiconKeys.set(lexicon, key);
      worker.postMessage({ type: 'lexicon', key, lexicon } satisfies ToWorker);
    }
    return key;
  }

  private receive(msg: FromWorker): void {
    this.answered = true;
    const pending = this.pending.get(msg.id);
    if (!pending) return;
    this.pending.delete(msg.id);
    if (this.pending.size === 0) this.idle();
    if (msg.outcome === 'skipped') pending.resolve({ outcome: 'skipped', reason: msg.reason });
    else if (msg.outcome === 'failed') pending.resolve({ outcome: 'failed', message: msg.message });
    else
      pending.resolve({ outcome: 'indexed', parts: msg.parts, bytes: msg.bytes, entities: this.receiver.resolve(msg.entities) });
  }

  private idle(): void {
    this.worker?.unref();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.stop(), this.options.idleStopMs ?? IDLE_STOP_MS);
    this.idleTimer.unref();
  }

  private fail(worker: Worker, error: Error): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    clearTimeout(this.idleTimer);
    this.breaks(error);
    this.rejectAll(error);
    void worker.terminate();
  }

  /** Marks the client broken (the first reason is kept and told); returns the reason. */
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
