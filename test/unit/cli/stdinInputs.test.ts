/**
 * `-` names stdin in `export` and `check` as it does in `analyze` (issue 17): the built CLI (dist/cli.js, built
 * here with `node esbuild.js`) in its own process, fed through a pipe as a shell pipeline feeds it.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeCanonical } from '../../../src/core/sidecar/canonicalFormat';
import { emptySidecar } from '../../../src/core/model/annotation';
import { annotationOn } from '../sidecar/sidecarTestData';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const TEXT = 'Deputy Foreign Minister Sergei Ryabkov said on Thursday that New START would hold.\n';

interface ExportedJson {
  documents: { path: string; text: string; mentions: { kind: string; start: number; end: number; text: string }[] }[];
}

describe("marginalia export and check: '-' reads stdin (the built CLI)", function () {
  this.timeout(60_000);
  let dir: string;

  const run = (args: string[], input?: string) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  before(() => {
    execFileSync(process.execPath, ['esbuild.js'], { cwd: REPO, stdio: 'pipe' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-stdin-'));
    fs.writeFileSync(path.join(dir, 'briefing.txt'), TEXT);
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('export -: the document on stdin, exported as the same text in a file is, under the path -', () => {
    const piped = run(['export', '--format', 'json', '--out', '-', '-'], TEXT);
    assert.equal(piped.code, 0, piped.stderr);
    const fromFile = run(['export', '--format', 'json', '--out', '-', 'briefing.txt']);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    const [doc] = (JSON.parse(piped.stdout) as ExportedJson).documents;
    const [same] = (JSON.parse(fromFile.stdout) as ExportedJson).documents;
    assert.equal(doc?.path, '-');
    assert.equal(doc?.text, TEXT);
    assert.ok(doc?.mentions.some((m) => m.text === 'Sergei Ryabkov'));
    assert.deepEqual(doc?.mentions, same?.mentions);
  });

  it('export - with files: stdin is one more document', () => {
    const r = run(['export', '--format', 'json', '--out', '-', 'briefing.txt', '-'], TEXT);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as ExportedJson).documents.map((d) => d.path).sort(), ['-', 'briefing.txt']);
  });

  it('export - of binary input says why it is not read, naming stdin', () => {
    const r = run(['export', '--format', 'json', '--out', '-', '-'], 'a\u0000b');
    assert.match(r.stderr, /^marginalia export: -: a binary file/m);
  });

  it('check -: the sidecar on stdin is checked as a file (it loads; no document to anchor on)', () => {
    const sidecar = writeCanonical({ ...emptySidecar(), annotations: [annotationOn(TEXT, 'Sergei Ryabkov')] });
    const good = run(['check', '-'], sidecar);
    assert.equal(good.code, 0, good.stdout + good.stderr);
    assert.match(good.stdout, /^1 sidecar\(s\), 1 annotation\(s\), 0 error\(s\)$/m);
    const broken = run(['check', '-'], `${sidecar}<<<<<<< HEAD\n`);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /^-:\d+: error: the file has unresolved git conflict markers/m);
  });
});
