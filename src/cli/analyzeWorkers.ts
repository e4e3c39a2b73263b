/**
 * `analyze --jobs N`: the files analysed on N worker threads, each result handed back in the files' order, so the
 * output is the one a single job writes. A worker is the CLI itself started with {@link WORKER_DATA_KEY} in its
 * worker data (see cli.ts and analyzeWorker.ts); it gets a file index and name, writes the document to its own file of the batch's
 * spool (analyzeSpool.ts) and answers with where it lies and the rest of what {@link analyzeFile} found.
 */
import { Worker } from 'node:worker_threads';
import type { AnalyzedFile, AnalyzeSettings } from './analyzeFile';
import { WORKER_DATA_KEY } from './cliIo';


/**
 * A worker's heap limits. Left to itself V8 lets each thread's heap grow far past what it holds live (about twice,
 * on a large batch); bounded, a worker collects sooner and the batch's peak memory stays near one job's. A
 * document at the size limit (4 MB) analyses within half of this. The young generation is not made smaller than
 * this: one document's analysis makes several megabytes of short-lived objects, and in a smaller one each
 * collection frees little, so there are twice as many, more objects live long enough to be moved to the old
 * generation, and the old generation is collected more often (more CPU and no less memory).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };

/** What a worker is started with: the batch's settings and the folder it writes its documents in. */
export interface WorkerSettings extends AnalyzeSettings {
  spoolFolder: string;
}

export interface Task {
  index: number;
  file: string;
}

/** Files queued on a worker while the batch has many left. */
const QUEUED = 3;

/** Sent to each worker once the batch is done: it closes its file and stops. */
export const DONE = 'done';

export interface Answer {
  index: number;
  result: AnalyzedFile;
}

/**
 * Analyses `files` on `jobs` workers started from `entry`; `onResult` gets each result in the files' order.
 * Each worker has a few files queued, so that it never waits for this thread to hand it the next one; near the
 * end of the batch one at a time, so that no worker is left with a queue while another has nothing. The results
 * that wait for an earlier one are small (a document itself waits in the spool), and no worker runs far ahead of
 * the output. Resolves once every worker has stopped (each closes its spool file first): the output is written
 * after, when their memory is freed (written meanwhile, the batch's peak memory was higher and it was no faster).
 */
export function analyzeInWorkers(
  files: readonly string[],
  jobs: number,
  entry: string,
  settings: WorkerSettings,
  onResult: (result: AnalyzedFile) => void,
): Promise<void> {
  const window = jobs * 16;
  const waiting = new Map<number, AnalyzedFile>();
  let next = 0; // the next file to give a worker
  let written = 0; // the next result to hand on
  const workers: Worker[] = [];
  if (files.length === 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const busy = new Map<Worker, number>();
    const feed = (w: Worker) => {
      while ((busy.get(w) ?? 0) < (files.length - next > jobs * QUEUED ? QUEUED : 1) && next < files.length && next < written + window) {
        const task: Task = { index: next, file: files[next] as string };
        next++;
        busy.set(w, (busy.get(w) ?? 0) + 1);
        w.postMessage(task);
      }
    };
    const feedAll = () => {
      for (const w of workers) feed(w);
    };
    for (let i = 0; i < Math.min(jobs, files.length); i++) {
      const w = new Worker(entry, { workerData: { [WORKER_DATA_KEY]: settings }, resourceLimits: WORKER_LIMITS });
      workers.push(w);
      w.on('error', (e: Error & { code?: string }) => {
        if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') fail(e);
        else fail(new Error(`a worker thread ran out of memory (${WORKER_LIMITS.maxOldGenerationSizeMb} MB); --jobs 1 analyses in the main thread, without that limit`));
      });
      w.on('exit', (code) => {
        if (!failed && written < files.length) fail(new Error(`a worker thread stopped (exit code ${code}) before the batch was done`));
      });
      w.on('message', (answer: Answer) => {
        busy.set(w, (busy.get(w) ?? 1) - 1);
        waiting.set(answer.index, answer.result);
        try {
          for (let r = waiting.get(written); r !== undefined; r = waiting.get(written)) {
            waiting.delete(written);
            written++;
            onResult(r);
          }
        } catch (e) {
          fail(e);
          return;
        }
        if (written === files.length) {
          failed = true; // the exits that follow are expected
          // Each closes its file before it stops: the spool's folder can then be removed (also on Windows).
          Promise.all(workers.map((x) => new Promise((exited) => x.once('exit', exited)))).then(() => resolve(), reject);
          for (const x of workers) x.postMessage(DONE);
          return;
        }
        feedAll();
      });
    }
    feedAll();
  });
}
