/**
 * The pace at which a tree view is changed (its message, its refreshed items). VS Code's extension host passes a
 * tree view's changes on to the workbench at once when none came in the last {@link WORKBENCH_TREE_DEBOUNCE_MS},
 * and otherwise only once they have stopped for that long: a view changed more often (the scan's progress, and
 * the index's updates while a scan runs) kept showing its first change until the changes stopped, and the
 * Entities view said "Scanning 0 of 1 files..." for a whole scan. Changes applied at most every
 * {@link VIEW_CHANGE_MS} each reach the screen. No `vscode` here: unit tests hold the pace.
 */

/** VS Code's debounce of a tree view's changes (extHostTreeViews.ts). */
export const WORKBENCH_TREE_DEBOUNCE_MS = 200;
/** Shortest time between two changes of a view: above the workbench's debounce, with room for a late timer. */
export const VIEW_CHANGE_MS = 300;

/**
 * Shortest time between two listings of a view's items while a scan runs: each listing reads the whole index,
 * which grows with every file, and the scan's message already says how far it is. Listed at every change, the
 * Entities view's items made the first scan of a large workspace take longer.
 */
export const SCAN_ITEMS_MS = 2000;

/** Whether a view's items are listed again now, `sinceLast` ms after they last were. */
export function itemsDue(scanning: boolean, sinceLast: number): boolean {
  return !scanning || sinceLast >= SCAN_ITEMS_MS;
}

/** Applies a view's changes, those asked for in one turn together, and never two within {@link VIEW_CHANGE_MS}. */
export class PacedChanges {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = -Infinity;

  constructor(
    private readonly apply: () => void,
    private readonly everyMs = VIEW_CHANGE_MS,
  ) {}

  /** Asks for the changes to be applied: after this turn when the last were applied long enough ago, else as soon as they may. */
  request(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.last + this.everyMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.last = performance.now();
      this.apply();
    }, wait);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
