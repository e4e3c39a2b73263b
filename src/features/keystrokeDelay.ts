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

/**
 * Debounce after a keystroke, at most: long enough to coalesce fast typing when an update is expensive. The
 * delay used is about what the document's last updates cost (see {@link editDelay}), as VS Code's own
 * language-feature debouncing does: a cheap update is not worth delaying for, an expensive one is.
 */
export const EDIT_DEBOUNCE_MS = 25;
/** The shortest debounce: keys of one burst (auto-repeat, a paste's follow-up edits) still arrive together. */
export const MIN_EDIT_DEBOUNCE_MS = 5;

/** The debounce for a document whose edit updates cost `averageCostMs` lately. */
export function editDelay(averageCostMs: number): number {
  return Math.round(Math.min(EDIT_DEBOUNCE_MS, Math.max(MIN_EDIT_DEBOUNCE_MS, averageCostMs)));
}
