// The in-host half of the web scan benchmark (bench/webScanBench.ts), run by VS Code for the Web's extension host
// (a web worker) as an `extensionTestsPath` bundle: no Node, no files, so its figures go back to the runner as
// one console line. It times the workspace scan of the 1,000 documents, and three rescans from an empty index,
// with a 5 ms timer whose longest gap is how long the extension host could run nothing else.
import * as vscode from 'vscode';
import { BENCH_RESULTS_MARKER } from './marker';
const EXTENSION_ID = 'marginalia-dev.marginalia';
const RESCANS = 3;

interface Stats {
  activateMs?: number;
  documents?: number;
  scanWorkerFiles?: number;
  scanWorkerFilesTotal?: number;
  scanWorkerProblem?: string;
  scanLongestFileMs?: number;
  scanBusyMs?: number;
}

const stats = async (): Promise<Stats> => (await vscode.commands.executeCommand<Stats>('marginalia.internal.stats')) ?? {};

/**
 * The longest gap beyond 5 ms between ticks of a 5 ms timer while `work` runs, how many gaps passed 50 ms, and what
 * `work` returned. (The web worker has no heap figure, so a collection cannot be told from our own work here.)
 */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; maxStallMs: number; wallMs: number; stalls: number }> {
  let last = performance.now();
  let maxStallMs = 0;
  let stalls = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const stall = now - last - 5;
    maxStallMs = Math.max(maxStallMs, stall);
    if (stall > 50) stalls++;
    last = now;
  }, 5);
  const started = performance.now();
  try {
    const result = await work();
    return { result, maxStallMs, wallMs: performance.now() - started, stalls };
  } finally {
    clearInterval(timer);
  }
}

async function poll(ok: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function run(): Promise<void> {
  const out: Record<string, number | string> = {};
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('the benchmark workspace is not open');
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  out.inWebWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'undefined' ? 0 : 1;

  // Opening a plain-text file activates the extension; the first scan starts after activation.
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'corpus', 'doc0000.txt')));
  await poll(() => extension.isActive, 60_000, 'activation');
  out.activateMs = (await stats()).activateMs ?? -1;

  // The first scan starts once the lexicon is read: until every document is in the index, then until it is idle.
  const files = (await vscode.workspace.findFiles('corpus/*.txt')).length;
  const first = await longestStall(async () => {
    const deadline = Date.now() + 300_000;
    while (((await stats()).documents ?? 0) < files && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return vscode.commands.executeCommand<number>('marginalia.internal.whenIdle');
  });
  out.scanDocuments = first.result ?? 0;
  out.scanWallMs = first.wallMs;
  out.scanMaxStallMs = first.maxStallMs;

  const rescans: { wallMs: number; maxStallMs: number; stalls: number }[] = [];
  for (let round = 0; round < RESCANS; round++) {
    await vscode.commands.executeCommand('marginalia.internal.forgetScanned');
    await new Promise((r) => setTimeout(r, 500));
    rescans.push(await longestStall(() => Promise.resolve(vscode.commands.executeCommand('marginalia.refreshEntities'))));
  }
  const walls = rescans.map((r) => r.wallMs).sort((a, b) => a - b);
  out.rescanWallMedianMs = walls[Math.floor(walls.length / 2)] as number;
  out.rescanMaxStallMs = Math.max(...rescans.map((r) => r.maxStallMs));
  out.rescanStallsMs = rescans.map((r) => r.maxStallMs.toFixed(0)).join(', ');
  const all = [first, ...rescans];
  out.stallsOver50 = all.reduce((n, r) => n + r.stalls, 0);

  out.maxStallMs = Math.max(out.scanMaxStallMs, out.rescanMaxStallMs);
  // The same timer with nothing of ours to do: what this machine's load alone costs the extension host.
  out.idleMaxStallMs = (await longestStall(() => new Promise((r) => setTimeout(r, 3000)))).maxStallMs;
  const after = await stats();
  out.rescanDocuments = after.documents ?? 0;
  out.workerFiles = after.scanWorkerFilesTotal ?? 0;
  out.longestFileMs = after.scanLongestFileMs ?? 0;
  if (after.scanWorkerProblem) out.workerProblem = after.scanWorkerProblem;
  console.log(BENCH_RESULTS_MARKER, JSON.stringify(out));
}
