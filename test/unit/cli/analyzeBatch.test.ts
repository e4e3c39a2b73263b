/**
 * `marginalia analyze` on batches: JSON Lines, worker threads (`--jobs`), one document written at a time, and a
 * progress line only on a terminal. Worker threads need the built CLI (dist/cli.js, built here with
 * `node esbuild.js`); the rest runs in process.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeCommand, type JsonEntity } from '../../../src/cli/analyzeCommand';
import type { CliIo } from '../../../src/cli/cliIo';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

/** A person named in full in one file and by surname alone in others: linked across the files. */
const FULL = 'Deputy Minister Maria Kowalczyk said on Thursday that New START would hold.\n';
const SURNAME = 'Kowalczyk said the talks were over, and Sergei Ryabkov agreed on Friday.\n';

interface Doc {
  path: string;
  entities: JsonEntity[];
}

describe('marginalia analyze: batches', function () {
  this.timeout(120_000);
  let dir: string;

  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, 'analyze', ...args], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') },
    });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  const inProcess = async (args: string[], tty = false) => {
    const writes: string[] = [];
    let stderr = '';
    const io: CliIo = { stdout: (t) => writes.push(t), stderr: (t) => (stderr += t), cwd: dir, stderrIsTTY: tty };
    const code = await analyzeCommand.run(args, io);
    return { code, writes, stderr };
  };

  before(() => {
    execFileSync(process.execPath, ['esbuild.js'], { cwd: REPO, stdio: 'pipe' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-batch-'));
    fs.mkdirSync(path.join(dir, 'docs', 'more'), { recursive: true });
    for (let i = 0; i < 12; i++) {
      const file = path.join(dir, 'docs', i % 3 === 0 ? 'more' : '', `doc-${String(i).padStart(2, '0')}.txt`);
      fs.writeFileSync(file, (i === 5 ? FULL : SURNAME).repeat(1 + i * 7));
    }
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--format jsonl: one line per document, each the document --format json gives, people linked across files', () => {
    const json = JSON.parse(cli('--format', 'json', '--jobs', '1', 'docs')) as { documents: Doc[] };
    const lines = cli('--format', 'jsonl', '--jobs', '1', 'docs').split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    assert.equal(lines.length, 12);
    assert.deepEqual(lines.map((l) => JSON.parse(l) as Doc), json.documents);
    const surnameOnly = JSON.parse(lines[0] as string) as Doc;
    assert.equal(surnameOnly.entities.find((e) => e.text === 'Kowalczyk')?.id, 'person:maria-kowalczyk', 'linked to the full name in another file');
  });

  it('--jobs 3 writes byte for byte what --jobs 1 writes, in every format', () => {
    for (const format of ['json', 'jsonl', 'text']) {
      const one = cli('--format', format, '--jobs', '1', 'docs');
      const three = cli('--format', format, '--jobs', '3', 'docs');
      assert.ok(one.length > 1000, format);
      assert.equal(three, one, format);
    }
  });

  it("a batch on worker threads leaves the code cache of a thread that analysed, not the main thread's", () => {
    const cacheAfter = (...args: string[]) => {
      const cache = fs.mkdtempSync(path.join(dir, 'cache-'));
      const r = spawnSync(process.execPath, [CLI, 'analyze', '--format', 'jsonl', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache } });
      assert.equal(r.status, 0, r.stderr);
      const [file] = fs.readdirSync(path.join(cache, 'marginalia'));
      return fs.statSync(path.join(cache, 'marginalia', file as string)).size;
    };
    const oneDocument = cacheAfter('--jobs', '1', 'docs/doc-01.txt');
    const batch = cacheAfter('--jobs', '2', 'docs');
    // The main thread of a batch compiles no recognizer: its cache would be about half as large.
    assert.ok(batch > oneDocument * 0.8, `batch ${batch} bytes, one document ${oneDocument} bytes`);
  });

  it('--jobs 3 leaves no temporary file behind (the workers write the documents there too)', () => {
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    const r = spawnSync(process.execPath, [CLI, 'analyze', '--format', 'jsonl', '--jobs', '3', 'docs'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache'), TMPDIR: tmp },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, cli('--format', 'jsonl', '--jobs', '1', 'docs'));
    assert.deepEqual(fs.readdirSync(tmp), []);
  });

  it('a bad --jobs is a usage error', async () => {
    await assert.rejects(inProcess(['--jobs', '0', 'docs']), /--jobs must be a whole number of at least 1, not '0'/);
    await assert.rejects(inProcess(['--jobs', 'many', 'docs']), /--jobs must be a whole number of at least 1, not 'many'/);
  });

  it('writes one document at a time, never the whole batch as one string', async () => {
    const { code, writes } = await inProcess(['--format', 'jsonl', 'docs']);
    assert.equal(code, 0);
    assert.equal(writes.length, 12);
    for (const w of writes) assert.equal(w.indexOf('\n'), w.length - 1, 'one line per write');
    const json = await inProcess(['--format', 'json', 'docs']);
    assert.equal(json.writes.length, 12 + 2, 'a head, each document, a tail');
    assert.deepEqual((JSON.parse(json.writes.join('')) as { documents: Doc[] }).documents, writes.map((w) => JSON.parse(w) as Doc));
  });

  it('waits for a slow stdout to drain between documents instead of queueing the output in memory', async () => {
    let behind = false;
    let waits = 0;
    const io: CliIo = {
      stdout: () => assert.equal(behind, false, 'written while stdout was still behind'),
      stderr: () => undefined,
      cwd: dir,
      drained: () => {
        behind = true;
        waits++;
        return new Promise<void>((resolve) =>
          setImmediate(() => {
            behind = false;
            resolve();
          }),
        );
      },
    };
    assert.equal(await analyzeCommand.run(['--format', 'jsonl', 'docs'], io), 0);
    assert.equal(waits, 12);
  });

  it('a progress line on stderr only when it is a terminal, erased at the end', async () => {
    const quiet = await inProcess(['--format', 'jsonl', 'docs']);
    assert.equal(quiet.stderr, '');
    const tty = await inProcess(['--format', 'jsonl', 'docs'], true);
    assert.match(tty.stderr, /^\rmarginalia analyze: \d+\/12 files/);
    assert.match(tty.stderr, /\rmarginalia analyze: 12\/12 files\r\x1b\[K$/);
  });
});
