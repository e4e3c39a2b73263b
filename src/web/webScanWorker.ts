/**
 * The scan worker in VS Code for the Web: a web `Worker` started from a Blob of dist/web/scanWorker.js (an
 * extension's own files cannot be loaded as a worker's URL from the extension host's origin). A worker cannot
 * reach `vscode.workspace.fs`, so this thread reads each file and transfers its bytes; the worker decodes and
 * analyses them. The script is read when the worker is first needed, and requests wait for it. Where `Worker` is
 * missing or the script cannot start, the client is broken from the first request and the scanner analyses in
 * its own thread, in time slices, as it does when the Node worker fails.
 */
import type { Lexicon } from '../core/lexicon/lexicon';
import { fileTimeDate, type FileDateMode } from '../core/model/fileDateMode';
import type { DocumentDate } from '../core/recognizers/context';
import type { FromWorker } from '../hosts/scanAnalysis';
import { ScanWorkerBase, type ScanWorkerOptions, type WorkerChannel } from '../hosts/scanWorkerBase';
import { blobWorker, terminateWhenStarted, type WebWorkerOf } from './blobWorker';

export type ToWebWorker =
  | { type: 'lexicon'; key: string; lexicon: Lexicon }
  /**
   * Decode and analyse `bytes`, the content of the document `path` (a Uri as a string); `fileDate`, the file's
   * time as its date when the user turned that on (the worker cannot stat the file).
   */
  | { type: 'scan'; id: number; path: string; bytes: Uint8Array; lexicon: string; fileDate?: DocumentDate };

/** A file as this thread read it for the worker: its bytes and modification time, or why it was not read (a folder, too large...). */
export type ReadForScan = { ok: true; bytes: Uint8Array; mtime?: number } | { ok: false; reason: string };

/** The members of a web Worker this client uses. */
export type WebWorkerLike = WebWorkerOf<ToWebWorker, FromWorker>;

export interface WebScanWorkerOptions extends ScanWorkerOptions {
  /** Starts a worker running `source`; a Blob `Worker` by default (tests run it in other hosts). */
  createWorker?: (source: string) => WebWorkerLike;
}

export class WebScanWorkerClient extends ScanWorkerBase {
  /** The worker being started or running, after the messages sent so far (they go out in order). */
  private sent: Promise<WebWorkerLike> | undefined;

  /**
   * `loadScript`: the worker's source (dist/web/scanWorker.js, read through `vscode.workspace.fs`);
   * `read`: the bytes of a document, given the `path` the scanner names it by, within `maxFileSize`.
   */
  constructor(
    private readonly loadScript: () => Promise<string>,
    private readonly read: (path: string, maxFileSize: number) => Promise<ReadForScan>,
    options: WebScanWorkerOptions = {},
  ) {
    super(options);
  }

  protected open(): WorkerChannel {
    const create = (this.options as WebScanWorkerOptions).createWorker ?? blobWorker<ToWebWorker, FromWorker>;
    const started = this.loadScript().then((source) => {
      const worker = create(source);
      worker.onmessage = (event) => this.receive(event.data);
      worker.onerror = (event) => this.fail(channel, new Error(`the scan worker failed: ${event.message ?? 'no reason given'}`));
      return worker;
    });
    this.sent = started;
    const channel: WorkerChannel = {
      post: (message, transfer) => this.send(Promise.resolve({ message: message as ToWebWorker, transfer })),
      terminate: terminateWhenStarted(started, (e) => this.fail(channel, e)),
    };
    return channel;
  }

  /** Posts what `next` resolves to after everything sent before it (nothing when it resolves to undefined). */
  private send(next: Promise<{ message: ToWebWorker; transfer?: ArrayBuffer[] } | undefined>): void {
    const sent = this.sent;
    if (!sent) return;
    this.sent = sent.then(async (worker) => {
      const out = await next;
      if (out) worker.postMessage(out.message, out.transfer);
      return worker;
    });
  }

  protected request(_worker: WorkerChannel, id: number, path: string, maxFileSize: number, lexicon: string, fileDate: FileDateMode): void {
    // Read at once, sent in turn: a file that cannot be read answers its request without the worker.
    const read = this.read(path, maxFileSize).then(
      (r): ReadForScan | { error: string } => r,
      (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
    );
    this.send(
      read.then((r) => {
        if ('error' in r) return void this.answerFailed(id, `${path}: ${r.error}`);
        if (!r.ok) return void this.receive({ id, outcome: 'skipped', reason: r.reason });
        // A view into a larger buffer must not transfer (and empty) that buffer: copied into its own.
        const bytes = r.bytes.byteOffset === 0 && r.bytes.byteLength === r.bytes.buffer.byteLength ? r.bytes : new Uint8Array(r.bytes);
        const date = fileDate === 'modified' && r.mtime !== undefined ? fileTimeDate(r.mtime) : undefined;
        return { message: { type: 'scan', id, path, bytes, lexicon, fileDate: date }, transfer: [bytes.buffer as ArrayBuffer] };
      }),
    );
  }
}
