/**
 * The in-editor half of the editor benchmark: runs inside the real extension host (loaded as
 * `extensionTestsPath`), measures what the user waits for, and writes the figures as JSON to the file named by
 * MARGINALIA_BENCH_RESULTS. Timings poll Marginalia's read-only internal commands every few milliseconds, so
 * each figure includes the extension host's real scheduling, not just a function's run time.
 */
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import { threadCpu } from '../threadCpu';
import { buildHoverCard } from '../../src/core/index/hoverCard';
import type { WorkspaceIndex } from '../../src/core/index/workspaceIndex';

const EXTENSION_ID = 'marginalia-dev.marginalia';

interface Stats {
  analysisMs: number;
  updates: number;
  applyMs: number | undefined;
  scanBusyMs: number;
  scanLongestFileMs: number;
  scanLongestFileAt: number;
  scanLongestFileAnalyzeMs: number;
  scanWorkerFiles: number;
  scanWorkerProblem: string | undefined;
  activateMs: number;
  documents: number;
  editDelayMs: number | undefined;
  analysisPath: string | undefined;
}

const stats = async (uri?: string): Promise<Stats> => (await vscode.commands.executeCommand<Stats>('marginalia.internal.stats', uri)) as Stats;

async function poll(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function decorationCount(uri: string): Promise<number> {
  const d = await vscode.commands.executeCommand<{ ranges: Record<string, number[][]> } | undefined>('marginalia.internal.decorations', uri);
  return d ? Object.values(d.ranges).reduce((n, r) => n + r.length, 0) : 0;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Largest gap between 5 ms timer ticks while `work` runs: how long the extension host was unresponsive; and the
 * longest garbage-collection pause meanwhile, to tell our code's stalls from the collector's.
 */
async function maxEventLoopLag<T>(work: () => Promise<T>): Promise<{ result: T; maxLagMs: number; maxGcMs: number; gcMs: number; majorGcs: number }> {
  let last = performance.now();
  let maxLagMs = 0;
  let maxGcMs = 0;
  let gcMs = 0;
  let majorGcs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      maxGcMs = Math.max(maxGcMs, e.duration);
      gcMs += e.duration;
      // NODE_PERFORMANCE_GC_MAJOR = 4 (mark-compact).
      if ((e as unknown as { detail?: { kind?: number } }).detail?.kind === 4) majorGcs++;
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const timer = setInterval(() => {
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - last - 5);
    last = now;
  }, 5);
  try {
    const result = await work();
    return { result, maxLagMs, maxGcMs, gcMs, majorGcs };
  } finally {
    clearInterval(timer);
    gc.disconnect();
  }
}

/**
 * With MARGINALIA_BENCH_PROFILE=<dir>, a V8 CPU profile of the extension host is written for `work`
 * (`<dir>/<name>.cpuprofile`, for Chrome DevTools or any .cpuprofile reader); otherwise `work` just runs.
 */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const stop = startProfile(name);
  try {
    return await work();
  } finally {
    await stop();
  }
}

/** Starts a CPU profile (see {@link profiled}); the returned function stops it and writes the file. */
function startProfile(name: string): () => Promise<void> {
  const dir = process.env.MARGINALIA_BENCH_PROFILE;
  if (!dir) return async () => undefined;
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  const started = post('Profiler.enable')
    .then(() => post('Profiler.setSamplingInterval', { interval: 200 }))
    .then(() => post('Profiler.start'));
  return async () => {
    await started;
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

/**
 * A full garbage collection, for the benchmark only: the extension host runs without --expose-gc, so the flag is
 * set at run time and `gc` taken from a new context. False where that is not possible.
 */
function collectGarbage(): boolean {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as (() => void) | undefined;
    if (typeof gc !== 'function') return false;
    gc();
    return true;
  } catch {
    return false;
  }
}

/** How many timed rescans from an empty index the bench makes (it reports the median). */
const RESCANS = 3;

interface Rescan {
  cpuMs: number;
  mainMs: number | undefined;
  wallMs: number;
  maxLagMs: number;
  maxGcMs: number;
  gcMs: number;
  majorGcs: number;
  stats: Awaited<ReturnType<typeof stats>>;
}

/** One rescan of the workspace, timed: the extension host's CPU (all threads, and its main thread apart). */
async function timedRescan(profile: boolean): Promise<Rescan> {
  const threads0 = threadCpu();
  const cpu0 = process.cpuUsage();
  const work = async () => {
    const t0 = performance.now();
    await vscode.commands.executeCommand('marginalia.refreshEntities');
    return performance.now() - t0;
  };
  const lag = await maxEventLoopLag(() => (profile ? profiled('rescan', work) : work()));
  const cpu = process.cpuUsage(cpu0);
  const threads1 = threadCpu();
  const mainMs = threads1.size > 0 ? (threads1.get('main') ?? 0) - (threads0.get('main') ?? 0) : undefined;
  // The whole extension host's CPU during the rescan (ours and anything else it ran meanwhile).
  return { cpuMs: (cpu.user + cpu.system) / 1000, mainMs, wallMs: lag.result, maxLagMs: lag.maxLagMs, maxGcMs: lag.maxGcMs, gcMs: lag.gcMs, majorGcs: lag.majorGcs, stats: await stats() };
}

export async function run(): Promise<void> {
  const out: Record<string, number | string> = {};
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('the benchmark workspace is not open');
  const extension = vscode.extensions.getExtension<{ index: WorkspaceIndex }>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);

  // 1. Activation: opening a plain-text file activates the extension; activate() reports its own duration.
  const small = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'corpus', 'doc0000.txt'));
  await vscode.window.showTextDocument(small);
  await poll(async () => extension.isActive, 30_000, 'activation');
  out.activateMs = (await stats()).activateMs;

  // 2. The initial workspace scan (1,000 documents of 40 KB), with the host's responsiveness meanwhile.
  const scan = await maxEventLoopLag(() =>
    profiled('first-scan', async () => {
      const t0 = performance.now();
      const documents = await vscode.commands.executeCommand<number>('marginalia.internal.whenIdle');
      return { wallMs: performance.now() - t0, documents };
    }),
  );
  // Indexing from empty, as the target says: the scanned documents leave the index first (not timed), so the
  // rescan below adds 1,000 documents rather than replacing them, and a full collection then frees what they
  // held, which the collector would otherwise do inside the timed window (a first scan has no old index to free).
  // Three such rescans, the median reported: one alone moved by a third from run to run on a shared machine.
  const rescans: Rescan[] = [];
  for (let round = 0; round < RESCANS; round++) {
    out.forgotten = (await vscode.commands.executeCommand<number>('marginalia.internal.forgetScanned')) ?? 0;
    await new Promise((r) => setTimeout(r, 500));
    out.collectedBeforeRescan = collectGarbage() ? 1 : 0;
    rescans.push(await timedRescan(round === 0));
  }
  const byCpu = [...rescans].sort((x, y) => x.cpuMs - y.cpuMs);
  const rescan = byCpu[Math.floor(byCpu.length / 2)];
  out.rescanHostCpuMs = rescan.cpuMs;
  out.rescanHostCpuMinMs = byCpu[0].cpuMs;
  out.rescanHostCpuMaxMs = byCpu[byCpu.length - 1].cpuMs;
  if (rescan.mainMs !== undefined) {
    out.rescanMainThreadCpuMs = rescan.mainMs;
    out.rescanOtherThreadsCpuMs = rescan.cpuMs - rescan.mainMs;
  }
  const afterScan = rescan.stats;
  out.scanDocuments = afterScan.documents;
  out.rescanWallMs = rescan.wallMs;
  out.rescanBusyMs = afterScan.scanBusyMs;
  out.rescanLongestFileMs = afterScan.scanLongestFileMs;
  out.rescanLongestFileAt = afterScan.scanLongestFileAt;
  out.rescanLongestFileAnalyzeMs = afterScan.scanLongestFileAnalyzeMs;
  out.rescanWorkerFiles = afterScan.scanWorkerFiles;
  if (afterScan.scanWorkerProblem) out.scanWorkerProblem = afterScan.scanWorkerProblem;
  const rescanLag = Math.max(...rescans.map((r) => r.maxLagMs));
  out.rescanMaxEventLoopLagMs = Math.max(rescanLag, scan.maxLagMs);
  out.initialScanMaxLagMs = scan.maxLagMs;
  out.rescanOnlyMaxLagMs = rescanLag;
  out.scanMaxGcPauseMs = Math.max(scan.maxGcMs, ...rescans.map((r) => r.maxGcMs));
  out.rescanGcPausesMs = rescan.gcMs;
  out.rescanMajorGcs = rescan.majorGcs;

  // 3. Opening a 1 MB document until its decorations are applied. First, what VS Code itself takes to open and
  // show the same megabyte when Marginalia does not serve it (plain text in the excluded out/ folder).
  // A first 1 MB editor warms the workbench's one-time costs, which would otherwise count against the baseline.
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'out', 'warmup.txt')));
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  // Two copies, the faster counted: later opens tend to be faster, and the baseline should not be the slow one.
  let baselineMs = Infinity;
  for (const name of ['big.txt', 'big2.txt']) {
    const b0 = performance.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'out', name)));
    baselineMs = Math.min(baselineMs, performance.now() - b0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }
  out.open1MbBaselineMs = baselineMs;
  const bigUri = vscode.Uri.joinPath(folder, 'big.txt');
  const stopOpenProfile = startProfile('open');
  const openCpu0 = process.cpuUsage();
  const t0 = performance.now();
  const big = await vscode.workspace.openTextDocument(bigUri);
  out.open1MbDocumentMs = performance.now() - t0;
  const editor = await vscode.window.showTextDocument(big);
  const shownMs = performance.now() - t0;
  out.open1MbEditorMs = shownMs;
  await poll(async () => (await decorationCount(bigUri.toString())) > 0, 30_000, 'decorations of big.txt');
  const decoratedMs = performance.now() - t0;
  const openCpu1 = process.cpuUsage(openCpu0);
  await stopOpenProfile();
  await vscode.commands.executeCommand('marginalia.internal.whenIdle');
  const openCpu2 = process.cpuUsage(openCpu0);
  out.open1MbHostCpuMs = (openCpu1.user + openCpu1.system) / 1000;
  out.open1MbSettledHostCpuMs = (openCpu2.user + openCpu2.system) / 1000;
  out.open1MbToDecorationsMs = decoratedMs;
  out.open1MbBeyondBaselineMs = decoratedMs - baselineMs;
  out.open1MbAfterShownMs = decoratedMs - shownMs;
  const openStats = await stats(bigUri.toString());
  out.open1MbAnalysisMs = openStats.analysisMs;
  out.open1MbApplyMs = openStats.applyMs ?? -1;
  out.bigDocumentChars = big.getText().length;

  // 4. Keystrokes in the middle of the 1 MB document: time until the decorations are re-applied.
  const keystrokes: number[] = [];
  let relinks = 0;
  // When each keystroke reaches the extension host (VS Code's own part: renderer, edit, change event).
  const arrivals: number[] = [];
  let changedAt = 0;
  const changes = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.toString() === bigUri.toString() && changedAt === 0) changedAt = performance.now();
  });
  const analyses: number[] = [];
  const middle = big.positionAt(Math.floor(big.getText().length / 2));
  editor.selection = new vscode.Selection(middle, middle);
  editor.revealRange(new vscode.Range(middle, middle));
  await new Promise((r) => setTimeout(r, 300));
  await profiled('keystrokes', async () => {
  for (let i = 0; i < 20; i++) {
    const before = (await stats()).updates;
    changedAt = 0;
    const start = performance.now();
    await editor.edit((b) => b.insert(editor.selection.active, i % 5 === 4 ? ' ' : 'x'));
    await poll(async () => (await stats()).updates > before, 5_000, 'a keystroke update');
    keystrokes.push(performance.now() - start);
    arrivals.push(changedAt - start);
    const after = await stats(bigUri.toString());
    analyses.push(after.analysisMs);
    if (after.analysisPath !== 'shifted') relinks++;
  }
  });
  out.keystrokeToDecorationsMedianMs = percentile(keystrokes, 50);
  out.keystrokeToDecorationsP95Ms = percentile(keystrokes, 95);
  changes.dispose();
  out.keystrokeArrivalMedianMs = percentile(arrivals, 50);
  out.keystrokeAfterArrivalMedianMs = percentile(
    keystrokes.map((k, i) => k - arrivals[i]),
    50,
  );
  out.keystrokeAnalysisMedianMs = percentile(analyses, 50);
  out.keystrokesRelinked = relinks;
  out.keystrokeDebounceMs = (await stats(bigUri.toString())).editDelayMs ?? -1;

  // 5. Hovers: the index lookup plus card, in process, over many offsets; and one full provider round trip.
  const index = extension.exports.index;
  const uri = bigUri.toString();
  const length = big.getText().length;
  let found = 0;
  const n = 20_000;
  const h0 = performance.now();
  for (let i = 0; i < n; i++) {
    const ref = index.mentionAt(uri, Math.floor((i * 7919) % length));
    if (ref) {
      buildHoverCard(index, ref, { documentName: (u) => u, revealCommand: 'marginalia.revealMention' });
      found++;
    }
  }
  out.hoverLookupAndCardMeanMs = (performance.now() - h0) / n;
  out.hoverHits = found;
  const doc = index.document(uri);
  const mention = doc?.mentions[Math.floor((doc?.mentions.length ?? 0) / 2)];
  if (mention) {
    const p0 = performance.now();
    await vscode.commands.executeCommand('vscode.executeHoverProvider', bigUri, big.positionAt(mention.start + 1));
    out.hoverProviderRoundTripMs = performance.now() - p0;
  }

  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

  // 6. The same megabyte as a new, unsaved document, which the scan has not analysed: the part on screen is
  // analysed and decorated first, the rest follows.
  const u0 = performance.now();
  const fresh = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `New.\n\n${big.getText()}` });
  await vscode.window.showTextDocument(fresh);
  out.openNew1MbEditorMs = performance.now() - u0;
  await poll(async () => (await decorationCount(fresh.uri.toString())) > 0, 30_000, 'decorations of the new document');
  out.openNew1MbToDecorationsMs = performance.now() - u0;
  await poll(async () => index.document(fresh.uri.toString()) !== undefined, 30_000, 'the new document indexed');
  out.openNew1MbToIndexedMs = performance.now() - u0;
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

  const file = process.env.MARGINALIA_BENCH_RESULTS;
  if (file) fs.writeFileSync(file, `${JSON.stringify(out, undefined, 2)}\n`);
  else console.log(JSON.stringify(out));
}
