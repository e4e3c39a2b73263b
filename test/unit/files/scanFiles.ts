/**
 * Runs the scan worker's handling of each file named on the command line and prints the outcomes as JSON, so a
 * test can run it as a process with a time limit (a read that blocks would otherwise hang the test runner).
 */
import { BUILTIN_LEXICON_KEY, handleScanMessage, ScanWorkerState } from '../../../src/hosts/scanProtocol';

const state = new ScanWorkerState();
const outcomes = process.argv.slice(2).map((path, id) => {
  const reply = handleScanMessage({ type: 'scan', id, path, maxFileSize: 4_000_000, lexicon: BUILTIN_LEXICON_KEY }, state)?.reply;
  if (reply?.outcome !== 'indexed') return reply;
  return { outcome: reply.outcome, length: reply.parts.length, mentions: reply.parts.starts.length, text: new TextDecoder().decode(reply.bytes) };
});
process.stdout.write(JSON.stringify(outcomes));
