/**
 * Issue 15 #6 and #7 in the editor: the workspace scan reads only regular files (a FIFO would block the extension
 * host, a link to /dev/zero fill its memory), skips binary files, and indexes a UTF-16 document as its text.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { whenIdle } from './marginaliaApi';

const TEXT = 'GENEVA, March 4, 2025 - Sergey Ryabkov said the New START treaty was still in force.\n';

describe('editor: the scan skips special and binary files, and reads UTF-16 (issue 15)', function () {
  this.timeout(60_000);
  let folder: string;

  before(function () {
    if (process.platform === 'win32') this.skip();
  });
  after(async () => {
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
    await vscode.commands.executeCommand('marginalia.refreshEntities');
    await whenIdle();
  });

  it('indexes the UTF-16 and the plain copy alike, and leaves the FIFO, the device and the binary file out', async () => {
    await waitForActivation();
    const api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
    folder = path.join(workspaceRoot().fsPath, `zz-special-${process.pid}`);
    fs.mkdirSync(folder);
    const file = (name: string) => path.join(folder, name);
    fs.writeFileSync(file('plain.txt'), TEXT);
    fs.writeFileSync(file('utf16.txt'), Buffer.from(`\ufeff${TEXT}`, 'utf16le'));
    fs.writeFileSync(file('binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    execFileSync('mkfifo', [file('fifo.txt')]);
    fs.symlinkSync('/dev/zero', file('zero.txt'));
    await vscode.commands.executeCommand('marginalia.refreshEntities');
    const doc = (name: string) => api.index.document(vscode.Uri.file(file(name)).toString());
    await waitFor(async () => (await whenIdle()) >= 0 && doc('plain.txt') !== undefined && doc('utf16.txt') !== undefined, 'the new files scanned', 30_000);
    const spans = (name: string) => doc(name)?.mentions.map((m) => [m.kind, m.start, m.end, m.text]);
    assert.ok((spans('plain.txt') ?? []).length >= 2);
    assert.deepEqual(spans('utf16.txt'), spans('plain.txt'));
    for (const name of ['binary.txt', 'fifo.txt', 'zero.txt']) assert.equal(doc(name), undefined, `${name} is not indexed`);
  });
});
