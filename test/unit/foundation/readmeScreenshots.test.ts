import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { copyReadmeScreenshots, README_SCREENSHOTS } from '../../../scripts/readmeScreenshots';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function uiTestSources(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

describe('README pictures come from UI test screenshots (npm run screenshots:readme)', () => {
  it('every docs/ picture the README shows has a UI test that saves it, and no other is copied', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const shown = [...readme.matchAll(/!\[[^\]]*\]\((docs\/[^)]+\.png)\)/g)].map((m) => m[1]).sort();
    assert.deepEqual(Object.keys(README_SCREENSHOTS).sort(), shown);
    const saved = new Set(uiTestSources(path.join(ROOT, 'test', 'ui')).flatMap((s) => [...s.matchAll(/\.screenshot\('([\w-]+)'\)/g)].map((m) => m[1])));
    for (const shot of Object.values(README_SCREENSHOTS)) assert.ok(saved.has(shot), `no UI test calls screenshot('${shot}')`);
  });

  it('copies every picture, or none and names the missing screenshot', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mg-shots-'));
    try {
      const from = path.join(tmp, 'shots');
      fs.mkdirSync(from);
      fs.mkdirSync(path.join(tmp, 'docs'));
      const shots = Object.values(README_SCREENSHOTS);
      for (const s of shots.slice(1)) fs.writeFileSync(path.join(from, `${s}.png`), s);
      assert.throws(() => copyReadmeScreenshots(from, tmp), new RegExp(`${shots[0]}\\.png: run the UI layer first`));
      assert.deepEqual(fs.readdirSync(path.join(tmp, 'docs')), []);
      fs.writeFileSync(path.join(from, `${shots[0]}.png`), shots[0]);
      copyReadmeScreenshots(from, tmp);
      for (const [target, shot] of Object.entries(README_SCREENSHOTS)) assert.equal(fs.readFileSync(path.join(tmp, target), 'utf8'), shot);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
