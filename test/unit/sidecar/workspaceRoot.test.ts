/**
 * Issue 15 #8: the CLI works on the paths a user gives it. The workspace root is found from the document (as git
 * finds a repository), not taken to be the current folder; `--root` still names it, and keeps its confinement.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { annotateCommand } from '../../../src/cli/annotateCommand';
import { checkCommand } from '../../../src/cli/checkCommand';
import { importCommand } from '../../../src/cli/importCommand';
import type { CliIo } from '../../../src/cli/cliIo';
import { findWorkspaceRoot } from '../../../src/hosts/workspaceRoot';

const TEXT = 'On Thursday, Sergey Ryabkov said the New START treaty was still in force.\n';

describe('the workspace root of a document (issue 15 #8)', () => {
  let dir: string;
  let elsewhere: string;
  let err: string;
  let out: string;
  let io: CliIo;
  const doc = () => path.join(dir, 'ws', 'a', 'b', 'doc.txt');

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-root-')));
    fs.mkdirSync(path.join(dir, 'ws', 'a', 'b'), { recursive: true });
    fs.writeFileSync(doc(), TEXT);
    elsewhere = path.join(dir, 'elsewhere');
    fs.mkdirSync(elsewhere);
    err = '';
    out = '';
    io = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: elsewhere };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is the nearest folder above the document holding .marginalia, .vscode or .git, else the document\'s folder', () => {
    assert.equal(findWorkspaceRoot(doc()), path.join(dir, 'ws', 'a', 'b'));
    fs.writeFileSync(path.join(dir, 'ws', '.git'), 'gitdir: /elsewhere/.git/worktrees/ws\n');
    assert.equal(findWorkspaceRoot(doc()), path.join(dir, 'ws'));
    fs.mkdirSync(path.join(dir, 'ws', 'a', '.vscode'));
    assert.equal(findWorkspaceRoot(doc()), path.join(dir, 'ws', 'a'));
    fs.mkdirSync(path.join(dir, 'ws', 'a', 'b', '.marginalia'));
    assert.equal(findWorkspaceRoot(doc()), path.join(dir, 'ws', 'a', 'b'));
  });

  it('annotate add, list and remove work on an absolute path given from another folder', async () => {
    fs.mkdirSync(path.join(dir, 'ws', '.marginalia'));
    const start = TEXT.indexOf('Sergey Ryabkov');
    assert.equal(await annotateCommand.run(['add', doc(), '--start', String(start), '--end', String(start + 14), '--kind', 'speaker'], io), 0, err);
    const id = out.trim();
    assert.match(fs.readFileSync(`${doc()}.annotations.yaml`, 'utf8'), /exact: "Sergey Ryabkov"/);
    out = '';
    assert.equal(await annotateCommand.run(['list', path.relative(elsewhere, doc())], io), 0, err);
    assert.match(out, new RegExp(`^${id} `));
    out = '';
    assert.equal(await checkCommand.run([path.join(dir, 'ws')], io), 0, out + err);
    assert.match(out, /1 sidecar\(s\), 1 annotation\(s\), 0 error\(s\)/);
    assert.equal(await annotateCommand.run(['remove', doc(), id], io), 0, err);
  });

  it('import writes into the sidecars of documents given from another folder', async () => {
    const start = TEXT.indexOf('Sergey Ryabkov');
    const ann = path.join(dir, 'ws', 'a', 'b', 'doc.ann');
    fs.writeFileSync(ann, `T1\tspeaker ${start} ${start + 14}\tSergey Ryabkov\n`);
    assert.equal(await importCommand.run(['--from', 'brat', ann], io), 0, err);
    assert.match(fs.readFileSync(`${doc()}.annotations.yaml`, 'utf8'), /exact: "Sergey Ryabkov"/);
    assert.equal(await importCommand.run(['--from', 'brat', '--root', '.', ann], io), 1);
    assert.match(err, /outside the workspace/);
  });

  it('--root names the workspace instead, and a document outside it is still refused', async () => {
    const args = ['add', doc(), '--start', '3', '--end', '11', '--kind', 'date'];
    assert.equal(await annotateCommand.run([...args, '--root', path.join(dir, 'ws', 'a')], io), 0, err);
    await assert.rejects(annotateCommand.run([...args, '--root', '.'], io), /outside the workspace/);
    assert.equal(await checkCommand.run(['--root', '.', path.join(dir, 'ws')], io), 1);
    assert.match(out, /outside the workspace/);
  });
});
