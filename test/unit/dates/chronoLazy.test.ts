import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Which chrono-node modules a fresh process has loaded after analysing `text` with the core. */
function chronoLoadedAfter(text: string): boolean {
  const script = `const { analyze } = require('./src/core/analyze'); analyze(${JSON.stringify(text)});
process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes('chrono-node'))));`;
  return execFileSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: ROOT, encoding: 'utf8' }) === 'true';
}

// Loading chrono-node (its modules build their expressions and tables) cost a process a good part of loading the
// core; most texts never need it, the scan reading the common date forms itself.
describe('dates: chrono-node is loaded only when a window needs it', () => {
  it('is not loaded by an analysis whose dates the scan reads', () => {
    assert.equal(chronoLoadedAfter('Talks began on 3 March 2021 and resumed on 5/12/23, in 2024.'), false);
  });

  it('is loaded by the first window the scan hands it', () => {
    assert.equal(chronoLoadedAfter('The vote came on Tuesday, the 12th of September, in Vienna.'), true);
  });
});
