/**
 * `marginalia` behaves like the command-line tools people know: the built CLI (dist/cli.js, built here with
 * `node esbuild.js`) in its own process, as a user or a shell pipeline runs it.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const TEXT = 'Deputy Foreign Minister Sergei Ryabkov said on Thursday that New START would hold.\n';

describe('marginalia: command-line conventions (the built CLI)', function () {
  this.timeout(60_000);
  let dir: string;

  const run = (args: string[], input?: string) => {
    const r = spawnSync(process.execPath, [CLI, ...args], {
      cwd: dir,
      input,
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const paths = (stdout: string) => (JSON.parse(stdout) as { documents: { path: string }[] }).documents.map((d) => d.path);

  before(() => {
    execFileSync(process.execPath, ['esbuild.js'], { cwd: REPO, stdio: 'pipe' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-conventions-'));
    fs.mkdirSync(path.join(dir, 'samples', 'deep', 'er'), { recursive: true });
    for (const f of ['samples/a.txt', 'samples/b.txt', 'samples/c.md', 'samples/deep/d.md', 'samples/deep/er/e.md', 'top.md']) {
      fs.writeFileSync(path.join(dir, f), TEXT);
    }
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--version and -V print the version of package.json', () => {
    for (const flag of ['--version', '-V']) {
      const r = run([flag]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `${VERSION}\n`);
    }
  });

  it('-h and --help print help on stdout with exit 0, globally and per command', () => {
    for (const args of [['-h'], ['--help'], ['analyze', '-h'], ['export', '--help']]) {
      const r = run(args);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.stdout, /^Usage: marginalia/, args.join(' '));
      assert.equal(r.stderr, '');
    }
  });

  it('no arguments: the help on stderr, nothing on stdout, exit 2', () => {
    const r = run([]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^Usage: marginalia <command>/);
  });

  it('a bad option is a usage error naming the option and the command (exit 2)', () => {
    const unknown = run(['analyze', '--frmat', 'json', 'top.md']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^marginalia analyze: unknown option '--frmat'\n/);
    const missing = run(['export', 'top.md', '--format']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^marginalia export: --format needs a value\n/);
    const flag = run(['export', '--force=yes', '--format', 'csv', 'top.md']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /^marginalia export: --force takes no value\n/);
    const global = run(['--frmat']);
    assert.equal(global.code, 2);
    assert.match(global.stderr, /^marginalia: unknown option '--frmat'\n/);
  });

  it("'-' reads the document from stdin", () => {
    const r = run(['analyze', '--format', 'json', '-'], TEXT);
    assert.equal(r.code, 0, r.stderr);
    const doc = (JSON.parse(r.stdout) as { documents: { path: string; entities: { kind: string; text: string }[] }[] }).documents[0];
    assert.equal(doc?.path, '-');
    assert.deepEqual(doc?.entities.filter((e) => e.kind !== 'quote').map((e) => e.text), ['Sergei Ryabkov', 'Thursday', 'New START']);
  });

  it('quoted globs expand: * within a folder, ** across folders, sorted; one matching nothing is an error', () => {
    const star = run(['analyze', '--format', 'json', 'samples/*.txt']);
    assert.equal(star.code, 0, star.stderr);
    assert.deepEqual(paths(star.stdout), [path.join('samples', 'a.txt'), path.join('samples', 'b.txt')]);
    const deep = run(['analyze', '--format', 'json', '**/*.md']);
    assert.equal(deep.code, 0, deep.stderr);
    assert.deepEqual(paths(deep.stdout), ['samples/c.md', 'samples/deep/d.md', 'samples/deep/er/e.md', 'top.md'].map((p) => path.join(...p.split('/'))));
    const none = run(['analyze', '--format', 'json', 'samples/*.pdf', 'top.md']);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /^marginalia analyze: samples\/\*\.pdf: no file matches$/m);
    assert.deepEqual(paths(none.stdout), ['top.md']);
  });

  it('export --out - | head -1 ends quietly: exit 0, no EPIPE error', function () {
    if (process.platform === 'win32') this.skip();
    // Enough output to fill the pipe, so the CLI is still writing when head exits.
    fs.writeFileSync(path.join(dir, 'long.txt'), TEXT.repeat(4000));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" export --format csv --out - long.txt | head -1; echo "exit=\${PIPESTATUS[0]}"`], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') },
    });
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    assert.equal(lines.length, 3, r.stdout.slice(0, 200));
    assert.equal(lines[1], 'exit=0');
  });

  it('analyze --format json carries a format version and the offset unit, like export', () => {
    const r = run(['analyze', '--format', 'json', 'top.md']);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(out), ['marginalia-analyze', 'offsetUnit', 'documents']);
    assert.equal(out['marginalia-analyze'], 1);
    assert.equal(out.offsetUnit, 'utf-16');
  });
});
