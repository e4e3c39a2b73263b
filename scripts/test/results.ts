import * as fs from 'node:fs';
import * as path from 'node:path';

/** Counts one test layer reports; the summary line adds them up. */
export interface LayerCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Environment variable naming the JSON file a mocha run writes its {@link LayerCounts} to. */
export const RESULTS_FILE_ENV = 'MARGINALIA_RESULTS_FILE';

/** Writes counts as JSON, creating the folder. */
export function writeCounts(file: string, counts: LayerCounts): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(counts)}\n`);
}

/** Reads counts a layer wrote, or undefined when it wrote none (it crashed or never ran its tests). */
export function readCounts(file: string): LayerCounts | undefined {
  if (!fs.existsSync(file)) return undefined;
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LayerCounts>;
  return { passed: data.passed ?? 0, failed: data.failed ?? 0, skipped: data.skipped ?? 0 };
}

/** Adds counts up. */
export function sumCounts(all: LayerCounts[]): LayerCounts {
  return all.reduce(
    (a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}

/** The one line a test run ends with: `N passed, N failed` (and `, N skipped` when there are any). */
export function summaryLine(c: LayerCounts): string {
  return `${c.passed} passed, ${c.failed} failed${c.skipped > 0 ? `, ${c.skipped} skipped` : ''}`;
}
