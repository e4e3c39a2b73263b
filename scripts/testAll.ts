import * as fs from 'node:fs';
import * as path from 'node:path';
import { installCleanupHandlers, stopAllGroups } from './lib/processGroups';
import { REPO_ROOT, RESULTS_DIR } from './lib/paths';
import { runTracked } from './lib/run';
import { ensureCodeServer } from './setup/codeServerInstall';
import { CHROMIUM, ensureSystemPackages, RIPGREP } from './setup/systemPackages';
import { readCounts, RESULTS_FILE_ENV, sumCounts, summaryLine } from './test/results';
import type { LayerCounts } from './test/results';

/** A test layer: its entry script and the most it may take (a hang costs that much CI time, no more). */
interface Layer {
  name: string;
  script: string;
  timeoutMs: number;
}

/** MARGINALIA_LAYER_TIMEOUT_MS overrides every layer's limit (to tune CI, or to try the timeout path). */
const override = Number(process.env.MARGINALIA_LAYER_TIMEOUT_MS) || undefined;

const LAYERS: Layer[] = [
  { name: 'unit', script: 'scripts/test/unitLayer.ts', timeoutMs: override ?? 900_000 },
  { name: 'integration', script: 'scripts/test/integrationLayer.ts', timeoutMs: override ?? 1_800_000 },
  { name: 'ui', script: 'scripts/test/uiLayer.ts', timeoutMs: override ?? 1_500_000 },
];

/**
 * `npm test`: installs what the layers need (apt packages when root, code-server into .vscode-test/), runs
 * the unit, integration and UI layers one after the other (each in its own process, with a time limit and
 * every process it started stopped afterwards), and ends with one line summing all layers:
 * `N passed, N failed`. `npm test -- unit ui` runs only the named layers. Exits non-zero on any failure.
 */
async function main(): Promise<number> {
  installCleanupHandlers();
  const only = process.argv.slice(2);
  const layers = only.length > 0 ? LAYERS.filter((l) => only.includes(l.name)) : LAYERS;
  const counts: LayerCounts[] = [];
  const report: string[] = [];

  // Setup: apt packages first (apt holds a lock and is quick when they are there), then code-server, which
  // takes a minute or two when not cached: it installs while the unit layer runs, the editor layers wait.
  const setupStarted = Date.now();
  const needsEditor = layers.some((l) => l.name !== 'unit');
  const installLog = path.join(RESULTS_DIR, 'setup.log');
  let setupError = '';
  const setup = (async () => {
    if (!needsEditor) return;
    await ensureSystemPackages([RIPGREP, CHROMIUM]);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    await ensureCodeServer(installLog);
    report.push(`setup: ${seconds(setupStarted)}`);
  })().catch((e: unknown) => {
    setupError = e instanceof Error ? e.message : String(e);
  });

  for (const layer of layers) {
    if (layer.name !== 'unit') {
      await setup;
      if (setupError) {
        console.error(`[setup] ${setupError} (npm output: ${path.relative(REPO_ROOT, installLog)})`);
        counts.push({ passed: 0, failed: 1, skipped: 0 });
        report.push('setup: failed; the editor layers did not run');
        break;
      }
    }
    console.log(`\n=== ${layer.name} tests ===`);
    const resultsFile = path.join(RESULTS_DIR, `${layer.name}.json`);
    // A layer that dies before it starts counting must not be credited with the previous run's counts.
    fs.rmSync(resultsFile, { force: true });
    const started = Date.now();
    let error = '';
    await runTracked(process.execPath, ['--import', 'tsx', layer.script], {
      cwd: REPO_ROOT,
      env: { ...process.env, [RESULTS_FILE_ENV]: resultsFile },
      timeoutMs: layer.timeoutMs,
    }).catch((e: unknown) => {
      error = e instanceof Error ? e.message : String(e);
    });
    // A layer that crashed or timed out before writing its counts counts as one failure.
    const layerCounts = readCounts(resultsFile) ?? { passed: 0, failed: 1, skipped: 0 };
    if (error && layerCounts.failed === 0) layerCounts.failed = 1;
    if (error) console.error(`[${layer.name}] ${error}`);
    counts.push(layerCounts);
    report.push(`${layer.name}: ${summaryLine(layerCounts)} in ${seconds(started)}`);
  }
  await setup;
  return finish(counts, report);
}

function finish(counts: LayerCounts[], report: string[]): number {
  const total = sumCounts(counts);
  console.log(`\n${report.join('\n')}`);
  console.log(summaryLine(total));
  return total.failed > 0 ? 1 : 0;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

main()
  .catch((e: unknown) => {
    console.error(e);
    console.log(summaryLine({ passed: 0, failed: 1, skipped: 0 }));
    return 1;
  })
  .then(async (code) => {
    await stopAllGroups();
    process.exit(code);
  });
