import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeCommand } from '../../../src/cli/analyzeCommand';
import { UsageError, type CliIo } from '../../../src/cli/cliIo';
import { analyzeCold } from '../../../src/core/scan/coldAnalysis';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { dateOriginWords } from '../../../src/core/model/dateOriginWords';
import { exportCommand } from '../../../src/cli/exportCommand';
import { loadExportDocuments } from '../../../src/hosts/exportPipeline';
import { NodeDocumentSource } from '../../../src/hosts/nodeDocumentSource';
import { fileDateSync, parseFileDateMode } from '../../../src/hosts/fileDate';
import { BUILTIN_LEXICON_KEY, handleScanMessage, ScanWorkerState } from '../../../src/hosts/scanProtocol';

const READOUT = 'Yesterday the two presidents spoke by phone.\n';

function capture(cwd: string): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', cwd, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

/** Noon local time on `day`, so the local date is `day` in any time zone. */
function localNoon(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

describe('dates: the file as a document-date source, only when turned on (issue 16 item 1)', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-filedate-'));
    fs.writeFileSync(path.join(dir, 'readout.txt'), READOUT);
    fs.utimesSync(path.join(dir, 'readout.txt'), localNoon('2021-12-30'), localNoon('2021-12-30'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function commit(file: string, isoDate: string): void {
    const env = { ...process.env, GIT_AUTHOR_DATE: isoDate, GIT_COMMITTER_DATE: isoDate, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: dir, env, stdio: 'pipe' });
    if (!fs.existsSync(path.join(dir, '.git'))) git('init', '-q');
    git('add', file);
    git('commit', '-q', '-m', `add ${file}`);
  }

  it('reads the modification day, or the day of the last commit that touched the file; off reads nothing', () => {
    const file = path.join(dir, 'readout.txt');
    assert.equal(fileDateSync(file, 'off'), undefined);
    assert.deepEqual(fileDateSync(file, 'modified'), { value: '2021-12-30', source: 'file time' });
    assert.equal(fileDateSync(file, 'gitCommit'), undefined, 'not in a git repository');
    commit('readout.txt', '2020-07-23T10:00:00+03:00');
    assert.deepEqual(fileDateSync(file, 'gitCommit'), { value: '2020-07-23', source: 'git commit' });
    fs.writeFileSync(path.join(dir, 'other.txt'), READOUT);
    commit('other.txt', '2022-01-05T10:00:00+00:00');
    assert.deepEqual(fileDateSync(file, 'gitCommit'), { value: '2020-07-23', source: 'git commit' }, 'a later commit of another file');
    fs.writeFileSync(path.join(dir, 'untracked.txt'), READOUT);
    assert.equal(fileDateSync(path.join(dir, 'untracked.txt'), 'gitCommit'), undefined, 'an untracked file');
    assert.equal(fileDateSync(path.join(dir, 'missing.txt'), 'modified'), undefined, 'a file that is not there');
  });

  it('says where the date came from in words', () => {
    assert.equal(dateOriginWords('git commit'), "from the file's last commit");
    assert.equal(dateOriginWords('file time'), "from the file's modification time");
  });

  it('names the modes, and refuses another word', () => {
    assert.equal(parseFileDateMode('modified'), 'modified');
    assert.equal(parseFileDateMode('git-commit'), 'gitCommit');
    assert.equal(parseFileDateMode('gitCommit'), 'gitCommit');
    assert.equal(parseFileDateMode('off'), 'off');
    assert.equal(parseFileDateMode('mtime'), undefined);
  });

  it('has the lowest precedence: a dateline or a date in the path beats it', () => {
    const fileTime = { value: '2021-12-30', source: 'file time' } as const;
    assert.deepEqual(analyzeCold(READOUT, BUILTIN_LEXICON, path.join(dir, 'readout.txt'), fileTime).documentDate, fileTime);
    assert.equal(analyzeCold(READOUT, BUILTIN_LEXICON, '/news/2022-03-01-readout.txt', fileTime).documentDate?.value, '2022-03-01');
    assert.equal(analyzeCold(`MOSCOW, Feb 14 (TASS) - ${READOUT}`, BUILTIN_LEXICON, undefined, { value: '2021-12-30', source: 'file time' }).documentDate?.value, '2021-02-14');
  });

  it('analyze --file-date modified|git-commit dates an undated file; without it, nothing does', async () => {
    const run = async (...args: string[]) => {
      const io = capture(dir);
      assert.equal(await analyzeCommand.run(['--format', 'json', ...args, 'readout.txt'], io), 0, io.err);
      return (JSON.parse(io.out) as { documents: { documentDate?: { value: string; source: string }; entities: { text: string; value?: string }[] }[] }).documents[0];
    };
    assert.equal((await run())?.documentDate, undefined);
    const modified = await run('--file-date', 'modified');
    assert.deepEqual(modified?.documentDate, { value: '2021-12-30', source: 'file time' });
    assert.equal(modified?.entities.find((e) => e.text === 'Yesterday')?.value, '2021-12-29');
    commit('readout.txt', '2020-07-23T10:00:00+03:00');
    assert.deepEqual((await run('--file-date=git-commit'))?.documentDate, { value: '2020-07-23', source: 'git commit' });
    assert.deepEqual((await run('--file-date', 'modified', '--document-date', '2022-03-01'))?.documentDate, { value: '2022-03-01', source: 'option' });
    await assert.rejects(analyzeCommand.run(['--file-date', 'mtime', 'readout.txt'], capture(dir)), (e: unknown) => e instanceof UsageError && /--file-date/.test(e.message));
  });

  it('the scan worker dates a closed file by its time when asked, and a date in its path still comes first', () => {
    const scan = (file: string, fileDate?: 'off' | 'modified') => {
      const r = handleScanMessage({ type: 'scan', id: 1, path: file, maxFileSize: 1e6, lexicon: BUILTIN_LEXICON_KEY, fileDate }, new ScanWorkerState())?.reply;
      assert.equal(r?.outcome, 'indexed');
      return r?.outcome === 'indexed' ? r.parts.documentDate : undefined;
    };
    const file = path.join(dir, 'readout.txt');
    assert.equal(scan(file), undefined);
    assert.equal(scan(file, 'off'), undefined);
    assert.deepEqual(scan(file, 'modified'), { value: '2021-12-30', source: 'file time' });
    fs.writeFileSync(path.join(dir, '2022-03-01-call.txt'), READOUT);
    assert.equal(scan(path.join(dir, '2022-03-01-call.txt'), 'modified')?.source, 'file name');
  });

  it('export dates an undated file by its time when asked (the editor passes its setting, the CLI --file-date)', async () => {
    const io = capture(dir);
    const off = await loadExportDocuments(['readout.txt'], io, new NodeDocumentSource({ cwd: dir }));
    assert.equal(off.documents[0]?.metadata?.date, undefined);
    const on = await loadExportDocuments(['readout.txt'], io, new NodeDocumentSource({ cwd: dir }), undefined, 'modified');
    assert.equal(on.documents[0]?.metadata?.date, '2021-12-30');
    assert.equal(on.documents[0]?.mentions.find((m) => m.text === 'Yesterday')?.value, '2021-12-29');
    const cli = capture(dir);
    assert.equal(await exportCommand.run(['--format', 'json', '--out', '-', '--file-date', 'modified', 'readout.txt'], cli), 0, cli.err);
    assert.match(cli.out, /"2021-12-29"/);
    await assert.rejects(exportCommand.run(['--format', 'json', '--out', '-', '--file-date', 'yes', 'readout.txt'], capture(dir)), UsageError);
  });
});
