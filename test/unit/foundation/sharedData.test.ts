import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const SPEC = path.join(REPO, 'test', 'fixtures', 'sharedData', 'needsShared.spec.ts');

interface MochaJson {
  stats: { passes: number; pending: number; failures: number };
  failures: { fullTitle: string; err: { message: string } }[];
}

/** Runs the fixture spec in its own mocha, with shared data pointed at a folder that does not exist. */
function runWithoutShared(ci: string | undefined): { status: number | null; json: MochaJson; stderr: string } {
  const missing = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-noshared-')), 'shared');
  const env: NodeJS.ProcessEnv = { ...process.env, MARGINALIA_SHARED: missing };
  delete env.CI;
  if (ci !== undefined) env.CI = ci;
  const mocha = path.join(REPO, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const r = spawnSync(process.execPath, [mocha, '--no-config', '--require', 'tsx/cjs', '--reporter', 'json', SPEC], { cwd: REPO, env, encoding: 'utf8' });
  fs.rmSync(path.dirname(missing), { recursive: true, force: true });
  return { status: r.status, json: JSON.parse(r.stdout) as MochaJson, stderr: r.stderr };
}

describe('foundation: missing ../shared', function () {
  this.timeout(60_000);

  it('without CI: the tests that need it are skipped with a message naming the missing folder, the run passes', () => {
    const { status, json, stderr } = runWithoutShared(undefined);
    assert.equal(status, 0, stderr);
    assert.deepEqual(json.stats && [json.stats.passes, json.stats.pending, json.stats.failures], [1, 2, 0]);
    assert.match(stderr, /skipped: .*marginalia-noshared-[^/]+\/shared\/seeds is absent/);
    assert.match(stderr, /skipped: .*\/shared\/datasets\/tempeval3-platinum is absent/);
  });

  it('with CI=true: each test that needs it fails, naming the missing folder, and the run exits non-zero', () => {
    const { status, json, stderr } = runWithoutShared('true');
    assert.notEqual(status, 0, 'the run fails');
    assert.deepEqual([json.stats.passes, json.stats.pending, json.stats.failures], [1, 0, 2], stderr);
    const messages = json.failures.map((f) => f.err.message).join('\n');
    assert.match(messages, /\/shared\/seeds is absent/);
    assert.match(messages, /\/shared\/datasets\/tempeval3-platinum is absent/);
    assert.match(messages, /CI/);
  });
});
