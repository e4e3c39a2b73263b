/**
 * `marginalia analyze` looks up each document's lexicon, workspace and sidecar once per folder of a batch: these
 * hold it to what the lookups per file found. Documents with and without sidecars side by side in one folder, a
 * broken sidecar among them, and a subfolder that is a workspace of its own with its own lexicon.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeCommand, type JsonDocument } from '../../../src/cli/analyzeCommand';
import type { CliIo } from '../../../src/cli/cliIo';

const TEXT = 'Zbigniew Quill said on Monday that the Quillpact would hold.\n';

describe('marginalia analyze: lookups shared by the files of a folder', () => {
  let dir: string;

  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir };
    const code = await analyzeCommand.run(['--format', 'jsonl', '--jobs', '1', ...args], io);
    const docs = out.trim().split('\n').map((l) => JSON.parse(l) as JsonDocument);
    return { code, err, byPath: new Map(docs.map((d) => [d.path, d])) };
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-lookups-'));
    fs.mkdirSync(path.join(dir, 'docs', 'sub', '.marginalia'), { recursive: true });
    for (const name of ['a', 'b', 'c', 'd', 'sub/e']) fs.writeFileSync(path.join(dir, 'docs', `${name}.txt`), TEXT);
    fs.writeFileSync(path.join(dir, 'docs', 'b.txt.annotations.yaml'), 'marginalia: 1\ndocument:\n  date: 2019-03-14\nannotations: []\n');
    fs.writeFileSync(path.join(dir, 'docs', 'c.txt.annotations.yaml'), 'marginalia: 1\nannotations: [\n');
    fs.writeFileSync(path.join(dir, 'docs', 'sub', '.marginalia', 'lexicon.yaml'), 'treaties:\n  - id: treaty:quillpact\n    name: Quill Pact\n    aliases: [Quillpact]\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("each document gets its own sidecar, none from a neighbour's, and a broken one is reported by name", async () => {
    const { code, err, byPath } = await run(['docs']);
    assert.equal(code, 0);
    assert.deepEqual([...byPath.keys()], ['docs/a.txt', 'docs/b.txt', 'docs/c.txt', 'docs/d.txt', 'docs/sub/e.txt']);
    assert.deepEqual(byPath.get('docs/b.txt')?.documentDate, { value: '2019-03-14', source: 'metadata' });
    for (const p of ['docs/a.txt', 'docs/c.txt', 'docs/d.txt']) assert.equal(byPath.get(p)?.documentDate, undefined, p);
    assert.match(err, /c\.txt\.annotations\.yaml cannot be loaded/);
    assert.doesNotMatch(err, /[abd]\.txt\.annotations\.yaml/);
  });

  it("a subfolder's own lexicon applies to its documents only", async () => {
    const { byPath } = await run(['docs']);
    const treaties = (p: string) => byPath.get(p)?.entities.filter((e) => e.kind === 'treaty').map((e) => e.id);
    assert.deepEqual(treaties('docs/sub/e.txt'), ['treaty:quillpact']);
    assert.deepEqual(treaties('docs/a.txt'), []);
  });

  it('a sidecar written between two runs is read by the second', async () => {
    assert.equal((await run(['docs'])).byPath.get('docs/d.txt')?.documentDate, undefined);
    fs.writeFileSync(path.join(dir, 'docs', 'd.txt.annotations.yaml'), 'marginalia: 1\ndocument:\n  date: 2020-01-02\nannotations: []\n');
    assert.equal((await run(['docs'])).byPath.get('docs/d.txt')?.documentDate?.value, '2020-01-02');
  });
});
