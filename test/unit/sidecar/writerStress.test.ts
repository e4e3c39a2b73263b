/**
 * Issue 15 #1 with real processes: ten `marginalia annotate` processes at once on one document, half adding and
 * half removing what the previous round added. Every operation that exited 0 must be reflected in the sidecar
 * after the round: an add whose annotation is missing, or a removed annotation that came back, is a lost save.
 *
 * The unit suite runs a few rounds; the figure is 50:
 *   MARGINALIA_STRESS_ROUNDS=50 npx mocha test/unit/sidecar/writerStress.test.ts
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { bundleCli, runCli } from '../support/cliProcess';

const ROUNDS = Number(process.env.MARGINALIA_STRESS_ROUNDS ?? 2);
const WRITERS = 10;
const TEXT = 'On Thursday, Sergey Ryabkov said the New START treaty was still in force, and talks would resume.\n';

describe('ten concurrent CLI writers adding and removing (issue 15 #1, real processes)', function () {
  this.timeout(Math.max(120_000, ROUNDS * 20_000));
  let dir: string;
  let cli: string;

  before(function () {
    if (process.platform === 'win32') this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-stress-'));
    cli = bundleCli(dir);
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (cwd: string, args: string[]) => runCli(cli, ['annotate', ...args], cwd);

  const add = (root: string, n: number) => {
    const start = n % (TEXT.length - 6);
    return run(root, ['add', 'doc.txt', '--start', String(start), '--end', String(start + 5), '--kind', 'custom', '--note', `n${n}`]);
  };

  it(`${ROUNDS} rounds of ${WRITERS} writers: every add and remove that exited 0 is in the final sidecar`, async () => {
    const root = path.join(dir, 'ws');
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'doc.txt'), TEXT);
    const expected = new Set<string>();
    let toRemove: string[] = [];
    let serial = 0;
    for (let i = 0; i < WRITERS / 2; i++) {
      const r = await add(root, serial++);
      assert.equal(r.code, 0, r.err);
      toRemove.push(r.out.trim());
      expected.add(r.out.trim());
    }
    let succeeded = 0;
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const adds = Array.from({ length: WRITERS / 2 }, () => add(root, serial++));
      const removes = toRemove.map((id) => run(root, ['remove', 'doc.txt', id]).then((o) => ({ id, o })));
      const [added, removed] = await Promise.all([Promise.all(adds), Promise.all(removes)]);
      toRemove = [];
      for (const o of added) {
        if (o.code !== 0) {
          failures.push(`round ${round} add exited ${o.code}: ${o.err.trim()}`);
          continue;
        }
        succeeded++;
        expected.add(o.out.trim());
        toRemove.push(o.out.trim());
      }
      for (const { id, o } of removed) {
        if (o.code !== 0) {
          failures.push(`round ${round} remove ${id} exited ${o.code}: ${o.err.trim()}`);
          continue;
        }
        succeeded++;
        expected.delete(id);
      }
      const parsed = parseSidecar(fs.readFileSync(path.join(root, 'doc.txt.annotations.yaml')));
      if (!parsed.ok) assert.fail(`round ${round}: sidecar does not parse: ${JSON.stringify(parsed.problems)}`);
      const actual = new Set(parsed.sidecar.annotations.map((a) => a.id));
      const lost = [...expected].filter((id) => !actual.has(id));
      const back = [...actual].filter((id) => !expected.has(id));
      assert.deepEqual({ lost, back }, { lost: [], back: [] }, `round ${round}: an add reported done is missing, or a removed annotation came back`);
    }
    console.log(`      ${ROUNDS} rounds, ${succeeded} operations exited 0 and all are in the sidecar, ${failures.length} failed`);
    // Waiting for the lock never takes as long as its timeout here: every operation succeeds.
    assert.deepEqual(failures, []);
    assert.deepEqual(fs.readdirSync(root).filter((n) => n.includes('marginalia-')), [], 'no lock or temp file left behind');
  });
});
