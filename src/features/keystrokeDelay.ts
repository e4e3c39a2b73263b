/**
 * How long a keystroke's update of its document waits. A key that comes after a quiet spell (the document's last
 * change is older than the debounce) is not kept waiting: its update runs on the next turn, so that the change
 * events of one edit still arrive together. Keys that follow within the debounce (auto-repeat, a paste's
 * follow-up edits, fast typing in a document whose updates are expensive) wait for it and are coalesced into one
 * update. No `vscode` here: the unit tests import it.
 */
export function keystrokeDelay(debounceMs: number, sinceLastChangeMs: number): number {
  return sinceLastChangeMs > debounceMs ? 0 : debounceMs;
}
