/**
 * `marginalia analyze` as a user runs it: the built CLI (dist/cli.js, built here with `node esbuild.js`) in its
 * own process, on files in a temp folder.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JsonEntity } from '../../../src/cli/analyzeCommand';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

/** An emoji and a non-BMP letter before the entities, so UTF-16 offsets differ from code-point offsets. */
const TEXT = '\u{1F600} Emoji first. Deputy Foreign Minister Sergei Ryabkov said on Thursday that \u{1D400} New START would hold.\n';
const EXPECTED = [
  { kind: 'speaker', text: 'Sergei Ryabkov' },
  { kind: 'date', text: 'Thursday' },
  { kind: 'quote', text: '\u{1D400} New START would hold' },
  { kind: 'treaty', text: 'New START' },
];


describe('marginalia analyze (the built CLI)', function () {
  this.timeout(60_000);
  let dir: string;

  const analyze = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, 'analyze', ...args], {
      cwd: dir,
      encoding: 'utf8',
      // The CLI keeps a V8 code cache in the user's cache folder: keep it in the temp folder instead.
      env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  before(() => {
    execFileSync(process.execPath, ['esbuild.js'], { cwd: REPO, stdio: 'pipe' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-analyze-'));
    fs.writeFileSync(path.join(dir, 'emoji.txt'), TEXT);
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'docs', 'bom.md'), `\uFEFF${TEXT}`);
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--format json: one document per file, entities with kind, UTF-16 offsets that slice to their text, id and value', () => {
    const { code, stdout, stderr } = analyze('--format', 'json', 'emoji.txt');
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    const out = JSON.parse(stdout) as { documents: { path: string; entities: JsonEntity[] }[] };
    assert.deepEqual(Object.keys(out), ['marginalia-analyze', 'offsetUnit', 'documents']);
    assert.equal(out.documents.length, 1);
    const [doc] = out.documents;
    assert.equal(doc!.path, 'emoji.txt');
    assert.deepEqual(doc!.entities.map((e) => ({ kind: e.kind, text: e.text })), EXPECTED);
    for (const e of doc!.entities) {
      const keys = e.kind === 'quote' ? ['end', 'kind', 'speaker', 'speakerId', 'start', 'text'] : ['end', 'id', 'kind', 'start', 'text', 'value'];
      assert.deepEqual(Object.keys(e).sort(), keys, JSON.stringify(e));
      assert.equal(TEXT.slice(e.start, e.end), e.text, `${e.kind} [${e.start}, ${e.end})`);
    }
    const [speaker, date, quote, treaty] = doc!.entities;
    assert.equal(quote!.speakerId, speaker!.id, 'the quote is the speaker\'s');
    // Counted in UTF-16 code units: the emoji before it is two of them.
    assert.equal(speaker!.start, TEXT.indexOf('Sergei Ryabkov'));
    assert.equal(Array.from(TEXT.slice(0, speaker!.start)).length, speaker!.start - 1);
    assert.equal(treaty!.start, TEXT.indexOf('New START'));
    assert.deepEqual([speaker!.id, date!.value, treaty!.id], ['person:sergei-ryabkov', 'XXXX-WXX-4', 'treaty:new-start']);
  });

  it('a folder: its .md found, the BOM not counted in the offsets', () => {
    const { code, stdout, stderr } = analyze('--format=json', 'docs');
    assert.equal(code, 0, stderr);
    const out = JSON.parse(stdout) as { documents: { path: string; entities: JsonEntity[] }[] };
    assert.deepEqual(out.documents.map((d) => d.path), [path.join('docs', 'bom.md')]);
    for (const e of out.documents[0]!.entities) assert.equal(TEXT.slice(e.start, e.end), e.text);
    assert.equal(out.documents[0]!.entities.length, EXPECTED.length);
  });

  it('--format text (the default): a header per document and one row per entity', () => {
    const json = JSON.parse(analyze('--format', 'json', 'emoji.txt').stdout) as { documents: { entities: JsonEntity[] }[] };
    const { code, stdout, stderr } = analyze('emoji.txt');
    assert.equal(code, 0, stderr);
    const lines = stdout.split('\n').filter((l) => l.trim() !== '');
    assert.equal(lines[0], `emoji.txt  (${EXPECTED.length} entities)`);
    assert.equal(lines.length, 1 + EXPECTED.length);
    json.documents[0]!.entities.forEach((e, i) => {
      const cells = lines[i + 1]!.trim().split(/\s{2,}/);
      assert.deepEqual(cells, [e.kind, `${e.start}-${e.end}`, JSON.stringify(e.text), e.value ?? e.speaker, e.id ?? e.speakerId], lines[i + 1]);
    });
  });

  it('exit code 1 and a message naming each unreadable file, while the others are still analysed', async function () {
    if (process.platform === 'win32') this.skip();
    // A socket: stat succeeds, open fails (ENXIO), even for root, who can read a file of mode 000.
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'socket.txt'), resolve));
    try {
      const { code, stdout, stderr } = analyze('--format', 'json', 'socket.txt', 'emoji.txt', 'missing.txt');
      assert.equal(code, 1);
      const problems = stderr.trim().split('\n');
      assert.equal(problems.length, 2, stderr);
      assert.match(stderr, /^marginalia analyze: socket\.txt: not a regular file \(a socket\)/m);
      assert.match(stderr, /^marginalia analyze: missing\.txt: no such file or folder$/m);
      const out = JSON.parse(stdout) as { documents: { path: string; entities: JsonEntity[] }[] };
      assert.deepEqual(out.documents.map((d) => d.path), ['emoji.txt']);
      assert.equal(out.documents[0]!.entities.length, EXPECTED.length);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a bad option or no input is a usage error (exit 2) that says what is wrong', () => {
    const format = analyze('--format', 'xml', 'emoji.txt');
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format must be json, jsonl or text, not 'xml'/);
    const none = analyze();
    assert.equal(none.code, 2);
    assert.match(none.stderr, /name at least one file or folder/);
  });
});
