import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const GOLDEN_DIR = path.join(REPO, 'test', 'fixtures', 'export', 'golden');

/** Every golden file with its modification time, to see that a refused run wrote nothing. */
function snapshot(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort().map((f) => `${f} ${fs.statSync(path.join(dir, f)).mtimeMs}`);
}

describe('export golden files: UPDATE_GOLDEN under CI', function () {
  this.timeout(60_000);

  it('is refused under CI=true: the golden tests fail, naming the reason, and no golden file is rewritten', () => {
    const before = snapshot(GOLDEN_DIR);
    const mocha = path.join(REPO, 'node_modules', 'mocha', 'bin', 'mocha.js');
    const spec = path.join(REPO, 'test', 'unit', 'export', 'golden.test.ts');
    const r = spawnSync(process.execPath, [mocha, '--no-config', '--require', 'tsx/cjs', '--reporter', 'json', spec], {
      cwd: REPO,
      env: { ...process.env, UPDATE_GOLDEN: '1', CI: 'true' },
      encoding: 'utf8',
    });
    assert.notEqual(r.status, 0, 'the run fails');
    const json = JSON.parse(r.stdout) as { stats: { passes: number; failures: number }; failures: { err: { message: string } }[] };
    assert.equal(json.stats.passes, 0, 'no golden test passes by rewriting its file');
    assert.ok(json.stats.failures > 0);
    assert.match(json.failures[0]!.err.message, /UPDATE_GOLDEN=1 is refused under CI=true/);
    assert.deepEqual(snapshot(GOLDEN_DIR), before);
  });
});
