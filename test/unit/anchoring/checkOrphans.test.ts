/**
 * `marginalia check` after an edit that removes an annotated passage whose words repeat elsewhere (issue 15):
 * the annotation is reported as an orphan, not silently moved onto the next answer.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { annotateCommand } from '../../../src/cli/annotateCommand';
import { checkCommand } from '../../../src/cli/checkCommand';
import type { CliIo } from '../../../src/cli/cliIo';

const TRANSCRIPT = fs.readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'sidecar', 'corpus', 'transcript.txt'), 'utf8');

describe('marginalia check after a Q&A pair is deleted from a transcript', () => {
  let dir: string;
  let out: string;
  let io: CliIo;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-check-'));
    fs.writeFileSync(path.join(dir, 't.txt'), TRANSCRIPT);
    out = '';
    io = { stdout: (t) => (out += t), stderr: (t) => (out += t), cwd: dir };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the answer\'s annotation as an orphan (exit 1) instead of moving it to another answer', async () => {
    const paragraphs = TRANSCRIPT.split('\n\n');
    // "Yeah" in the second answer: every answer starts "MR. HALE: Yeah,".
    const start = TRANSCRIPT.indexOf(paragraphs[3]) + paragraphs[3].indexOf('Yeah');
    assert.equal(await annotateCommand.run(['add', 't.txt', '--start', String(start), '--end', String(start + 4), '--kind', 'custom'], io), 0);
    out = '';
    assert.equal(await checkCommand.run(['t.txt'], io), 0, out);
    fs.writeFileSync(path.join(dir, 't.txt'), paragraphs.filter((_, i) => i !== 2 && i !== 3).join('\n\n'));
    out = '';
    assert.equal(await checkCommand.run(['t.txt'], io), 1, out);
    assert.match(out, /annotation a-\w+ \(custom\) is an orphan: "Yeah" is still in the document, but not in the passage it was annotated in/);
  });
});
