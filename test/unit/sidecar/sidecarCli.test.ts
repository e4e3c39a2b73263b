import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { annotateCommand } from '../../../src/cli/annotateCommand';
import { checkCommand } from '../../../src/cli/checkCommand';
import { UsageError, type CliIo } from '../../../src/cli/cliIo';

const TEXT = 'On Thursday, Sergey Ryabkov said the New START treaty was still in force.\r\n';
const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'sidecar');

describe('marginalia annotate / check', () => {
  let dir: string;
  let out: string;
  let err: string;
  let io: CliIo;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cli-'));
    fs.mkdirSync(path.join(dir, 'docs'));
    // A BOM, as some Windows editors write: offsets are counted without it, as VS Code does.
    fs.writeFileSync(path.join(dir, 'docs', 'a.txt'), `\ufeff${TEXT}`);
    out = '';
    err = '';
    io = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const annotate = (...args: string[]) => annotateCommand.run(args, io);
  const check = (...args: string[]) => checkCommand.run(args, io);
  const sidecar = () => path.join(dir, 'docs', 'a.txt.annotations.yaml');

  it('adds, lists (text and json) and removes an annotation', async () => {
    const start = TEXT.indexOf('Sergey Ryabkov');
    assert.equal(await annotate('add', 'docs/a.txt', '--start', String(start), '--end', String(start + 14), '--kind', 'speaker', '--note', 'deputy FM', '--label=Speaker'), 0);
    const id = out.trim();
    assert.match(id, /^a-[a-z2-7]{16}$/);
    const yaml = fs.readFileSync(sidecar(), 'utf8');
    assert.match(yaml, /exact: "Sergey Ryabkov"/);
    assert.match(yaml, /fingerprint: "fnv1a64:[0-9a-f]{16}"/);

    out = '';
    assert.equal(await annotate('list', 'docs/a.txt'), 0);
    assert.match(out, new RegExp(`^${id}  speaker 13-27 +"Sergey Ryabkov"  label=Speaker note="deputy FM"\\n$`));

    out = '';
    assert.equal(await annotate('list', 'docs/a.txt', '--format', 'json'), 0);
    const json = JSON.parse(out) as { annotations: { id: string; start: number; end: number; text: string; status: string; note: string }[] };
    assert.deepEqual(json.annotations.map((a) => [a.id, a.start, a.end, a.text, a.status, a.note]), [[id, 13, 27, 'Sergey Ryabkov', 'exact', 'deputy FM']]);

    out = '';
    assert.equal(await annotate('remove', 'docs/a.txt', id), 0);
    assert.doesNotMatch(fs.readFileSync(sidecar(), 'utf8'), /Sergey/);
    assert.equal(await annotate('remove', 'docs/a.txt', id), 1);
    assert.match(err, /no annotation/);
  });

  it('refuses bad arguments with a usage error', async () => {
    await assert.rejects(annotate('add', 'docs/a.txt', '--start', '5', '--end', '3', '--kind', 'speaker'), UsageError);
    await assert.rejects(annotate('add', 'docs/a.txt', '--start', '0', '--end', '3', '--kind', 'villain'), UsageError);
    await assert.rejects(annotate('add', 'docs/a.txt', '--start', '0', '--end', '9999', '--kind', 'date'), UsageError);
    await assert.rejects(annotate('frobnicate'), UsageError);
    await assert.rejects(annotate('list', 'docs/a.txt', '--bogus', 'x'), UsageError);
    assert.ok(!fs.existsSync(sidecar()));
  });

  it('reliability #7 and #17 from the command line: a broken sidecar stays byte-identical; paths outside are refused', async () => {
    const broken = fs.readFileSync(path.join(FIXTURES, 'conflict.annotations.yaml'));
    fs.writeFileSync(sidecar(), broken);
    assert.equal(await annotate('add', 'docs/a.txt', '--start', '3', '--end', '11', '--kind', 'date'), 1);
    assert.match(err, /a\.txt\.annotations\.yaml:4: .*resolve the conflict/);
    assert.deepEqual(fs.readFileSync(sidecar()), broken);
    await assert.rejects(annotate('add', '../outside.txt', '--start', '0', '--end', '1', '--kind', 'date', '--root', '.'), /outside the workspace/);
  });

  it('check: 0 when every sidecar loads and anchors; 1 with file:line for a broken one, and for orphans', async () => {
    const start = TEXT.indexOf('New START');
    await annotate('add', 'docs/a.txt', '--start', String(start), '--end', String(start + 9), '--kind', 'treaty');
    fs.writeFileSync(path.join(dir, 'docs', '.a.txt.annotations.yaml.marginalia-tmp-99-1'), 'marginalia: 1\nannotations: [\n');
    const before = fs.readdirSync(path.join(dir, 'docs')).sort();
    out = '';
    assert.equal(await check('.'), 0);
    assert.match(out, /1 sidecar\(s\), 1 annotation\(s\), 0 error\(s\)/);
    assert.match(out, /warning: leftover temp file/);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'docs')).sort(), before, 'check writes and sweeps nothing');

    fs.writeFileSync(path.join(dir, 'docs', 'a.txt'), TEXT.replace('New START', 'the treaty'));
    out = '';
    assert.equal(await check('docs/a.txt'), 1);
    assert.match(out, /error: annotation a-\w+ \(treaty\) is an orphan: The quoted text "New START" is no longer in the document/);

    fs.writeFileSync(path.join(dir, 'docs', 'b.txt'), 'x');
    fs.writeFileSync(path.join(dir, 'docs', 'b.txt.annotations.yaml'), 'marginalia: 1\nannotations:\n  - id: a-1\n    kind: villain\n');
    out = '';
    assert.equal(await check('docs', '--format', 'json'), 1);
    const report = JSON.parse(out) as { findings: { file: string; line?: number; message: string }[] };
    assert.ok(report.findings.some((f) => f.file.endsWith('b.txt.annotations.yaml') && f.line === 4 && /^unknown kind 'villain'/.test(f.message)), JSON.stringify(report));
    out = '';
    assert.equal(await check('docs/b.txt.annotations.yaml'), 1);
    assert.match(out, /^docs\/b\.txt\.annotations\.yaml:4: error: unknown kind 'villain'/m);
  });

  it('check: a sidecar in a folder that is a symbolic link or a folder is reported, not skipped', async () => {
    const start = TEXT.indexOf('New START');
    await annotate('add', 'docs/a.txt', '--start', String(start), '--end', String(start + 9), '--kind', 'treaty');
    fs.writeFileSync(path.join(dir, 'docs', 'b.txt'), TEXT);
    fs.symlinkSync(sidecar(), path.join(dir, 'docs', 'b.txt.annotations.yaml'));
    fs.mkdirSync(path.join(dir, 'docs', 'c.txt.annotations.yaml'));
    out = '';
    assert.equal(await check('docs'), 1);
    assert.match(out, /^docs\/b\.txt\.annotations\.yaml: error: .*symbolic link/m);
    assert.match(out, /^docs\/c\.txt\.annotations\.yaml: error: .*not a regular file/m);
    assert.match(out, /3 sidecar\(s\), 1 annotation\(s\), 2 error\(s\)/);
  });

  it('annotate keeps the byte order mark of a sidecar that has one', async () => {
    const start = TEXT.indexOf('New START');
    await annotate('add', 'docs/a.txt', '--start', String(start), '--end', String(start + 9), '--kind', 'treaty');
    fs.writeFileSync(sidecar(), `\ufeff${fs.readFileSync(sidecar(), 'utf8')}`);
    assert.equal(await annotate('add', 'docs/a.txt', '--start', '3', '--end', '11', '--kind', 'date'), 0, err);
    const bytes = fs.readFileSync(sidecar());
    assert.deepEqual([...bytes.subarray(0, 4)], [0xef, 0xbb, 0xbf, 0x6d]);
    assert.match(bytes.toString('utf8'), /exact: Thursday/);
  });
});
