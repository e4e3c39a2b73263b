import * as assert from 'node:assert/strict';
import { itemsDue, PacedChanges, SCAN_ITEMS_MS, VIEW_CHANGE_MS, WORKBENCH_TREE_DEBOUNCE_MS } from '../../../src/features/viewPace';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the pace of a tree view's changes", () => {
  it('applies a lone change at once, and the changes asked for in one turn together', async () => {
    const applied: number[] = [];
    const paced = new PacedChanges(() => applied.push(performance.now()));
    const asked = performance.now();
    paced.request();
    paced.request();
    paced.request();
    await sleep(50);
    assert.equal(applied.length, 1);
    assert.ok((applied[0] as number) - asked < 40, `applied ${(applied[0] as number) - asked} ms after it was asked for`);
    paced.dispose();
  });

  it("keeps its changes further apart than the workbench's debounce while they are asked for every 20 ms, and applies the last", async function () {
    this.timeout(10_000);
    // A scan's progress and the index's updates: the workbench would show none of these changes until they
    // stopped, were they applied as often as they are asked for.
    const applied: number[] = [];
    const paced = new PacedChanges(() => applied.push(performance.now()));
    const started = performance.now();
    let lastAsked = started;
    while (performance.now() - started < 5 * VIEW_CHANGE_MS) {
      lastAsked = performance.now();
      paced.request();
      await sleep(20);
    }
    const stopped = performance.now();
    await sleep(VIEW_CHANGE_MS + 100);
    const gaps = applied.slice(1).map((t, i) => t - (applied[i] as number));
    assert.ok(gaps.every((g) => g > WORKBENCH_TREE_DEBOUNCE_MS), `gaps ${gaps.map(Math.round).join(', ')} ms`);
    // Each change is applied within its pace (with room for a late timer on a loaded machine).
    assert.ok(applied.length >= 4, `${applied.length} changes applied in ${Math.round(stopped - started)} ms`);
    assert.ok((applied.at(-1) as number) >= lastAsked, 'the last change asked for is applied');
    paced.dispose();
  });

  it('applies nothing once disposed', async () => {
    let applied = 0;
    const paced = new PacedChanges(() => applied++);
    paced.request();
    paced.dispose();
    await sleep(30);
    assert.equal(applied, 0);
  });

  it('lists the items again at every change when no scan runs, and now and then while one does', () => {
    assert.equal(itemsDue(false, 0), true);
    assert.equal(itemsDue(true, 0), false);
    assert.equal(itemsDue(true, SCAN_ITEMS_MS), true);
    assert.equal(itemsDue(true, Infinity), true, 'the first listing of a scan');
    assert.ok(SCAN_ITEMS_MS > 3 * VIEW_CHANGE_MS, 'fewer listings than messages while a scan runs');
  });
});
