/**
 * bench/maxRss.js, preloaded into each process the CLI bench times: one report, at the process's exit, that
 * counts every thread. A worker thread inherits the preload; its own report at its exit came first on stderr,
 * and the bench read the figures of that moment.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const PRELOAD = path.join(__dirname, '..', '..', '..', 'bench', 'maxRss.js');

describe('quality: the process report of the benchmarks', () => {
  it('is written once, by the main thread at exit, after its worker threads stopped', () => {
    // The worker thread spins until it has had 300 ms on a CPU (Linux; elsewhere 300 ms go by); the main thread then
    // spins for 200 ms more before it exits.
    const spin = (ms: number) =>
      `const fs = require('node:fs'); const linux = fs.existsSync('/proc/thread-self/schedstat');
       const now = () => linux ? Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6 : Date.now();
       const t = now(); while (now() - t < ${ms});`;
    const script = `new (require('node:worker_threads').Worker)(${JSON.stringify(spin(300))}, { eval: true }).on('exit', () => { ${spin(200)} });`;
    const r = spawnSync(process.execPath, ['-r', PRELOAD, '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr.match(/maxRSS \d+/g)?.length, 1, r.stderr);
    const figure = (name: string) => Number(new RegExp(`${name} (\\d+)`).exec(r.stderr)?.[1]);
    if (process.platform === 'linux') {
      assert.ok(figure('cpuMs') >= 460, `all threads' CPU time, the main thread's last spin included: ${r.stderr}`);
      assert.ok(figure('mainCpuMs') >= 180, r.stderr);
      assert.ok(figure('cpuMs') - figure('mainCpuMs') - figure('helperCpuMs') >= 250, `the worker's time is the rest: ${r.stderr}`);
    }
  });
});
