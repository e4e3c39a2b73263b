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
import { WorkerRequests, type WorkerChannel, type WorkerRequestsOptions } from './workerRequests';

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

export type { WorkerChannel } from './workerRequests';

export type ScanWorkerOptions = WorkerRequestsOptions;

export abstract class ScanWorkerBase extends WorkerRequests<ScanOutcome> implements ScanWorker {
  private lexiconKeys = new WeakMap<Lexicon, string>();
  private nextLexicon = 1;
  private receiver = new EntityReceiver();
  private answered = false;

  constructor(protected readonly options: ScanWorkerOptions = {}) {
    super('the scan worker', IDLE_STOP_MS, options);
  }

  /** Sends one scan request for `path` to `worker` (the web host reads the file first). */
  protected abstract request(worker: WorkerChannel, id: number, path: string, maxFileSize: number, lexiconKey: string, fileDate: FileDateMode): void;

  /**
   * True once the running worker has answered a request: its code is loaded and it keeps up. Until then the
   * caller may do other work in its own thread rather than wait on a worker that is still starting.
   */
  get ready(): boolean {
    return this.running && this.answered;
  }

  /** `fileDate`: whether the file's own date dates it when nothing else does (src/hosts/fileDate.ts; local files only). */
  scan(path: string, maxFileSize: number, lexicon: Lexicon, fileDate: FileDateMode = 'off'): Promise<ScanOutcome> {
    return this.ask((worker, id) => this.request(worker, id, path, maxFileSize, this.lexiconKey(lexicon, worker), fileDate));
  }

  /** A new worker has been sent nothing yet: every lexicon and entity goes to it again. */
  protected override opened(): void {
    this.answered = false;
    this.lexiconKeys = new WeakMap();
    this.receiver = new EntityReceiver();
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
    const pending = this.settle(msg.id);
    if (!pending) return;
    if (msg.outcome === 'skipped') pending.resolve({ outcome: 'skipped', reason: msg.reason });
    else if (msg.outcome === 'failed') pending.resolve({ outcome: 'failed', message: msg.message });
    else pending.resolve({ outcome: 'indexed', parts: { ...msg.parts, entities: this.receiver.resolve(msg.entities) }, bytes: msg.bytes });
  }

  /** One request that cannot be sent (its file could not be read): answered as failed, in its turn. */
  protected answerFailed(id: number, message: string): void {
    this.receive({ id, outcome: 'failed', message });
  }
}
