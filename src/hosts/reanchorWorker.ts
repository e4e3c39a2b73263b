/**
 * The re-anchoring worker's entry (bundled as dist/reanchorWorker.js): places a document's annotations with the
 * scored search off the editor's thread. What it is told and answers: core/anchoring/reanchorTransfer.ts; the
 * editor's side: reanchorWorkerClient.ts.
 */
import { parentPort } from 'node:worker_threads';
import { answerReanchor, type ReanchorRequest } from '../core/anchoring/reanchorTransfer';

const port = parentPort;
if (!port) throw new Error('reanchorWorker.js runs as a worker thread');
port.on('message', (request: ReanchorRequest) => port.postMessage(answerReanchor(request)));
