/**
 * Reliability #1 and #6 with real processes: a writer killed with SIGKILL at random moments, and two writers
 * saving the same sidecar at once. The writer is bundled once with esbuild so each of the many child processes
 * starts in tens of milliseconds instead of compiling TypeScript again.
 *
 * MARGINALIA_KILL_CYCLES sets the number of kill cycles, run in MARGINALIA_KILL_LANES parallel lanes (default
 * 3), each on its own document. The unit suite runs 200 (a child process costs ~0.3 s to start, so 1,000 take
 * minutes); the issue's 1,000-cycle figure comes from the long run:
 *   MARGINALIA_KILL_CYCLES=1000 npx mocha test/unit/sidecar/sidecarKill.test.ts
 * When to kill, and when a writer reloads, come from a seeded generator: MARGINALIA_KILL_SEED replays a run's
 * choices (the seed is printed). Process start-up and scheduling still vary from run to run.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { seededRandom } from '../../support/seededRandom';
import { KILL_TEXT, textForVersion } from './killVersions';

const CYCLES = Number(process.env.MARGINALIA_KILL_CYCLES ?? 200);
const LANES = Number(process.env.MARGINALIA_KILL_LANES ?? 3);
const SEED = Number(process.env.MARGINALIA_KILL_SEED ?? 20261122);

describe('sidecar writes under SIGKILL (real processes)', function () {
  this.timeout(Math.max(180_000, CYCLES * 1_000));
  let dir: string;
  let writer: string;

  before(function () {
    if (process.platform === 'win32') this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-kill-'));
    writer = path.join(dir, 'killWriter.js');
    buildSync({ entryPoints: [path.join(__dirname, 'killWriter.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: writer, logLevel: 'error' });
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`reliability #1: ${CYCLES} kill cycles: the sidecar always parses and equals the complete old or the complete new version`, async () => {
    const perLane = Math.ceil(CYCLES / LANES);
    const results = await Promise.all(Array.from({ length: LANES }, (_, lane) => runLane(lane, perLane)));
    const total = results.reduce((n, r) => n + r.cycles, 0);
    const midSave = results.reduce((n, r) => n + r.killedMidSave, 0);
    const midWrite = results.reduce((n, r) => n + r.killedMidWrite, 0);
    const saves = results.reduce((n, r) => n + r.version, 0);
    console.log(`      ${total} kill cycles (seed ${SEED}), ${saves} completed saves, ${midSave} kills in the save loop, ${midWrite} with a temp file on disk (mid-write)`);
    assert.ok(total >= CYCLES);
    // The test only means something if kills land while saves are under way, not only between them.
    assert.ok(midSave > total / 10, `only ${midSave} of ${total} kills landed in the save loop`);
  });

  async function runLane(lane: number, cycles: number): Promise<{ cycles: number; version: number; killedMidSave: number; killedMidWrite: number }> {
    const root = path.join(dir, `lane${lane}`);
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'doc.txt'), KILL_TEXT);
    const sidecar = path.join(root, 'doc.txt.annotations.yaml');
    const random = seededRandom(SEED + lane);
    let acked = 0;
    let killedMidSave = 0;
    let killedMidWrite = 0;
    for (let cycle = 0; cycle < cycles; cycle++) {
      const child = spawn(process.execPath, [writer, 'kill', root, 'doc.txt'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      await waitFor(() => out.includes('ready') || child.exitCode !== null);
      assert.ok(out.includes('ready'), `writer failed to start: ${err}`);
      const ready = Number(/ready (\d+)/.exec(out)?.[1]);
      assert.ok(ready === acked || ready === acked + 1, `lane ${lane}: loaded version ${ready}, last acknowledged ${acked}`);
      // Kill at a random moment: sometimes before the first save completes, mostly in the middle of the save loop.
      await sleep(random() < 0.2 ? random() * 3 : random() * 40);
      await kill(child);
      const saved = [...out.matchAll(/saved (\d+)/g)].map((m) => Number(m[1]));
      const lastSaved = saved.length > 0 ? saved[saved.length - 1] : ready;
      // Every kill lands after `lastSaved` was acknowledged; version lastSaved + 1 may or may not have landed.
      const text = fs.existsSync(sidecar) ? fs.readFileSync(sidecar, 'utf8') : undefined;
      const parsed = text === undefined ? undefined : parseSidecar(text);
      if (parsed && !parsed.ok) assert.fail(`lane ${lane} cycle ${cycle}: sidecar does not parse: ${JSON.stringify(parsed.problems)}`);
      // No sidecar is right only before the first save was acknowledged.
      const version = text === undefined ? (lastSaved === 0 ? 0 : -1) : text === textForVersion(lastSaved) ? lastSaved : text === textForVersion(lastSaved + 1) ? lastSaved + 1 : -1;
      assert.notEqual(version, -1, `lane ${lane} cycle ${cycle}: ${text === undefined ? `no sidecar after version ${lastSaved} was acknowledged` : `sidecar is neither version ${lastSaved} nor ${lastSaved + 1}`}`);
      if (version === lastSaved + 1 || saved.length > 0) killedMidSave++;
      if (fs.readdirSync(root).some((n) => n.includes('marginalia-tmp'))) killedMidWrite++;
      acked = lastSaved;
    }
    const leftovers = fs.readdirSync(root).filter((n) => n.includes('marginalia-tmp'));
    assert.ok(leftovers.length <= 1, `lane ${lane}: temp files pile up: ${leftovers.join(', ')}`);
    return { cycles, version: acked, killedMidSave, killedMidWrite };
  }

  it('reliability #6: two processes saving the same sidecar at once keep every annotation of both', async () => {
    const root = path.join(dir, 'two');
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'doc.txt'), KILL_TEXT);
    const count = 40;
    const run = (name: string, k: number) =>
      new Promise<string>((resolve, reject) => {
        const args = [writer, 'writer', root, 'doc.txt', name, String(count), String(SEED + k)];
        const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${name} exited ${code}: ${err}`))));
      });
    await Promise.all([run('alpha', 0), run('beta', 1), run('gamma', 2)]);
    const parsed = parseSidecar(fs.readFileSync(path.join(root, 'doc.txt.annotations.yaml')));
    if (!parsed.ok) assert.fail(JSON.stringify(parsed.problems));
    const byId = new Map(parsed.sidecar.annotations.map((a) => [a.id, a]));
    for (const name of ['alpha', 'beta', 'gamma']) {
      for (let i = 1; i <= count; i++) {
        const a = byId.get(`a-${name}-${i}`);
        assert.ok(a, `a-${name}-${i} kept`);
        const edited = (i + 1) % 3 === 0 && i + 1 <= count;
        assert.equal(a.note, edited ? `${name} ${i} edited` : `${name} ${i}`);
      }
    }
    assert.equal(parsed.sidecar.annotations.length, 3 * count);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 5000 && !condition(); i++) await sleep(2);
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
