/**
 * The scan worker of VS Code for the Web (bundled as dist/web/scanWorker.js, started from a Blob by
 * webScanWorker.ts): the editor's thread reads each file through `vscode.workspace.fs` and sends its bytes; this
 * decodes and analyses them off that thread and answers as the Node worker does (scanAnalysis.ts).
 */
import { decodeDocument } from '../core/model/documentEncoding';
import { analyzeForIndex, ScanWorkerState } from '../hosts/scanAnalysis';
import type { ToWebWorker } from './webScanWorker';

/** What a web Worker's global scope offers this script. */
const scope = globalThis as unknown as {
  onmessage: ((event: { data: ToWebWorker }) => void) | null;
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
};

const state = new ScanWorkerState();
scope.onmessage = ({ data: msg }) => {
  if (msg.type === 'lexicon') {
    state.setLexicon(msg.key, msg.lexicon);
    return;
  }
  const decoded = decodeDocument(msg.bytes);
  if (!decoded.ok) {
    scope.postMessage({ id: msg.id, outcome: 'skipped', reason: decoded.reason }, []);
    return;
  }
  // Bytes the text was decoded from as UTF-8 are kept by the index in place of the text.
  const utf8 = decoded.encoding === 'utf-8' ? msg.bytes : undefined;
  const answer = analyzeForIndex(msg.id, msg.path, decoded.text, utf8, msg.lexicon, state, msg.fileDate);
  scope.postMessage(answer.reply, answer.transfer);
};
