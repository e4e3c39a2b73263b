/**
 * The scan worker's entry (bundled as dist/scanWorker.js): analyses the workspace's closed files off the editor's
 * thread. See scanProtocol.ts for what it is told and answers, and scanWorkerClient.ts for the editor's side.
 */
import { parentPort } from 'node:worker_threads';
import { handleScanMessage, ScanWorkerState, type ToWorker } from './scanProtocol';

const port = parentPort;
if (!port) throw new Error('scanWorker.js runs as a worker thread');
const state = new ScanWorkerState();
port.on('message', (msg: ToWorker) => {
  const answer = handleScanMessage(msg, state);
  if (answer) port.postMessage(answer.reply, answer.transfer);
});
