/**
 * The editor thread's side of a scan worker, whatever runs it: Node's worker thread (scanWorkerClient.ts) or a
 * browser's web Worker (web/webScanWorker.ts). It starts the worker on the first scan, sends each lexicon once,
 * resolves each request with the document's parts, bytes and entities, and stops the worker after
 * {@link IDLE_STOP_MS} without work: a scan soon after another finds its code compiled and optimised, where a new
 * worker pays about half a scan again to get there.
 *
 * If the worker cannot start or dies, every pending and later request is rejected with the reason
 * ({@link ScanWorkerBase.broken}), and the caller analyses in its own thread instead, in time slices.
 */
import type { FileDateMode } from './fileDate';
import type { ColdParts } from '../core/index/coldDocument';
import { BUILTIN_LEXICON } from '../core/lexicon/builtinLexicon';
import type { Lexicon } from '../core/lexicon/lexicon';
import { EntityReceiver } from '../core/scan/entityTransfer';
import { BUILTIN_LEXICON_KEY, type FromWorker } from './scanAnalysis';

export type ScanOutcome =
  | { outcome: 'indexed'; parts: ColdParts; bytes: Uint8Array }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'failed'; message: string };

/** Requests a caller keeps sent ahead of the answers it has taken in (the worker is never left waiting). */
export const WORKER_WINDOW = 16;

/** How long an idle worker is kept before it is stopped and its memory freed. */
export const IDLE_STOP_MS = 5 * 60_000;

/** What the scanner needs of a scan worker, in every host. */
export interface ScanWorker {
  readonly running: boolean;
  readonly ready: boolean;
  readonly pendingCount: number;
  readonly broken: Error | undefined;
  /** Reads and analyses the document at `path` (the host's kind of path) in the worker. */
  scan(path: string, maxFileSize: number, lexicon: Lexicon, fileDate?: FileDateMode): Promise<ScanOutcome>;
  launch(): void;
  stop(): Promise<void>;
}

/** A started worker as the base class drives it. */
export interface WorkerChannel {
  post(message: unknown, transfer?: ArrayBuffer[]): void;
  terminate(): unknown;
  /** Told when the worker has work and when it has none (Node keeps its event loop alive only while busy). */
  busy?(busy: boolean): void;
}

export interface ScanWorkerOptions {
  /** How long an idle worker is kept; {@link IDLE_STOP_MS} by default. */
  idleStopMs?: number;
  /** Told, once, why the worker stopped working (for the user's log). */
  onBroken?: (error: Error) => void;
}

interface Pending {
  resolve(outcome: ScanOutcome): void;
  reject(error: Error): void;
}

export abstract class ScanWorkerBase implements ScanWorker {
  private worker: WorkerChannel | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private lexiconKeys = new WeakMap<Lexicon, string>();
  private nextLexicon = 1;
  private receiver = new EntityReceiver();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private answered = false;
  /** Why the worker stopped working, once it did (it is not started again). */
  broken: Error | undefined;

  constructor(protected readonly options: ScanWorkerOptions = {}) {}

  /** Starts the host's worker, wired to {@link receive} and {@link fail}; throws when it cannot. */
  protected abstract open(): WorkerChannel;

  /** Sends one scan request for `path` to `worker` (the web host reads the file first). */
  protected abstract request(worker: WorkerChannel, id: number, path: string, maxFileSize: number, lexiconKey: string, fileDate: FileDateMode): void;

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

  /** `fileDate`: whether the file's own date dates it when nothing else does (src/hosts/fileDate.ts; local files only). */
  scan(path: string, maxFileSize: number, lexicon: Lexicon, fileDate: FileDateMode = 'off'): Promise<ScanOutcome> {
    if (this.broken) return Promise.reject(this.broken);
    const worker = this.start();
    if (worker instanceof Error) return Promise.reject(worker);
    const key = this.lexiconKey(lexicon, worker);
    const id = this.nextId++;
    clearTimeout(this.idleTimer);
    return new Promise<ScanOutcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.busy?.(true);
      this.request(worker, id, path, maxFileSize, key, fileDate);
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
  private start(): WorkerChannel | Error {
    if (this.worker) return this.worker;
    try {
      this.worker = this.open();
    } catch (e) {
      return this.breaks(e instanceof Error ? e : new Error(String(e)));
    }
    this.worker.busy?.(false);
    this.answered = false;
    this.lexiconKeys = new WeakMap();
    this.receiver = new EntityReceiver();
    return this.worker;
  }

  private lexiconKey(lexicon: Lexicon, worker: WorkerChannel): string {
    if (lexicon === BUILTIN_LEXICON) return BUILTIN_LEXICON_KEY;
    let key = this.lexiconKeys.get(lexicon);
    if (key === undefined) {
      key = `lexicon-${this.nextLexicon++}`;
      this.lexiconKeys.set(lexicon, key);
      worker.post({ type: 'lexicon', key, lexicon });
    }
    return key;
  }

  /** An answer of the worker (the host wires its message event here). */
  protected receive(msg: FromWorker): void {
    this.answered = true;
    const pending = this.pending.get(msg.id);
    if (!pending) return;
    this.pending.delete(msg.id);
    if (this.pending.size === 0) this.idle();
    if (msg.outcome === 'skipped') pending.resolve({ outcome: 'skipped', reason: msg.reason });
    else if (msg.outcome === 'failed') pending.resolve({ outcome: 'failed', message: msg.message });
    else pending.resolve({ outcome: 'indexed', parts: { ...msg.parts, entities: this.receiver.resolve(msg.entities) }, bytes: msg.bytes });
  }

  /** One request that cannot be sent (its file could not be read): answered as failed, in its turn. */
  protected answerFailed(id: number, message: string): void {
    this.receive({ id, outcome: 'failed', message });
  }

  private idle(): void {
    this.worker?.busy?.(false);
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.stop(), this.options.idleStopMs ?? IDLE_STOP_MS);
    // A Node timer must not keep the extension host alive; a browser's timer is a number.
    (this.idleTimer as { unref?: () => void }).unref?.();
  }

  /** The worker failed (an error event, an exit): it is broken from now on. */
  protected fail(worker: WorkerChannel, error: Error): void {
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
