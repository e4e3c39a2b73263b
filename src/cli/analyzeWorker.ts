/**
 * The worker thread's side of `analyze --jobs N` (analyzeWorkers.ts): analyses each file it is given and writes
 * the document to its own file of the batch's spool.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { AnalysisCache } from '../core/analysisCache';
import { BatchDocumentSource } from '../hosts/batchDocumentSource';
import { analyzeFile } from './analyzeFile';
import { SpoolWriter } from './analyzeSpool';
import { DONE, type Answer, type Task, type WorkerSettings } from './analyzeWorkers';

/** The worker's side: analyses each file it is given, in the settings the batch started with. */
export function serveAnalyzeWorker(settings: WorkerSettings): void {
  const port = parentPort;
  if (!port) throw new Error('serveAnalyzeWorker runs in a worker thread');
  const source = new BatchDocumentSource({ cwd: settings.cwd });
  const cache = new AnalysisCache();
  const spool = new SpoolWriter(settings.spoolFolder, `worker-${threadId}.jsonl`);
  port.on('message', async (task: Task | typeof DONE) => {
    if (task === DONE) {
      spool.close();
      port.close();
      return;
    }
    const { json, ...result } = await analyzeFile(task.file, settings, source, cache);
    const answer: Answer = { index: task.index, result: json === undefined ? result : { ...result, spooled: spool.append(json) } };
    port.postMessage(answer);
  });
}
