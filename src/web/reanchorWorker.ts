/**
 * The re-anchoring worker of VS Code for the Web (bundled as dist/web/reanchorWorker.js, started from a Blob by
 * webReanchorClient.ts): places a document's annotations with the scored search off the extension host's
 * thread, answering as the desktop's worker thread does (core/anchoring/reanchorTransfer.ts).
 */
import { answerReanchor, type ReanchorRequest } from '../core/anchoring/reanchorTransfer';

/** What a web Worker's global scope offers this script. */
const scope = globalThis as unknown as {
  onmessage: ((event: { data: ReanchorRequest }) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = ({ data }) => scope.postMessage(answerReanchor(data));
