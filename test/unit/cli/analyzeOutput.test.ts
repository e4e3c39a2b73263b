/**
 * How `marginalia analyze` writes its documents: bytes copied as they are where no person in them is linked,
 * the same output as when every document goes through a string, and no temporary file for a single document.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeCommand } from '../../../src/cli/analyzeCommand';
import type { CliIo } from '../../../src/cli/cliIo';

const FULL = 'Deputy Minister Maria Kowalczyk said on Thursday that New START would hold.\n';
const SURNAME = 'Kowalczyk said the talks were over. "We are done," Sergei Ryabkov said on Friday.\n';
const NOBODY = 'The treaty was signed in Prague on 8 April 2010.\n';

describe('marginalia analyze: writing the documents', () => {
  let dir: string;
  const tmpdir = process.env.TMPDIR;

  /** `taken`: stdout says it has taken the bytes written (the writer may fill their buffer again). */
  const run = async (args: string[], bytes: boolean, taken = false, buffers: ArrayBufferLike[] = []) => {
    const chunks: Buffer[] = [];
    let err = '';
    const io: CliIo = { stdout: (t) => chunks.push(Buffer.from(t)), stderr: (t) => (err += t), cwd: dir };
    if (bytes)
      io.stdoutBytes = (b) => {
        chunks.push(Buffer.from(b));
        buffers.push(b.buffer);
        return taken;
      };
    const code = await analyzeCommand.run(['--jobs', '1', ...args], io);
    assert.equal(code, 0, err);
    return { out: Buffer.concat(chunks).toString('utf8'), writes: chunks.length };
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-output-'));
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'docs', 'a.txt'), SURNAME);
    fs.writeFileSync(path.join(dir, 'docs', 'b.txt'), NOBODY);
    fs.writeFileSync(path.join(dir, 'docs', 'c.txt'), FULL);
    fs.writeFileSync(path.join(dir, 'docs', 'd.txt'), `${NOBODY}Minister Zoë Łukasiewicz said on Friday that the “treaty” held.\n`);
  });
  afterEach(() => {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('copies unlinked documents as bytes and relinks the others: the output of the string path, one write each', async () => {
    for (const format of ['json', 'jsonl', 'text']) {
      const strings = await run(['--format', format, 'docs'], false);
      const bytes = await run(['--format', format, 'docs'], true);
      assert.equal(bytes.out, strings.out, format);
      assert.equal(bytes.writes, strings.writes, format);
    }
    const lines = (await run(['--format', 'jsonl', 'docs'], true)).out.trim().split('\n');
    assert.match(lines[0] as string, /"text":"Kowalczyk","id":"person:maria-kowalczyk","value":"Maria Kowalczyk"/, 'linked to the full name in c.txt');
    assert.match(lines[3] as string, /"text":"the “treaty” held","speaker":"Zoë Łukasiewicz"/, 'not linked: copied as bytes');
  });

  it('reads each document into the buffer of the one before once stdout has taken it, and only then', async () => {
    const NOBODY_ONLY = ['--format', 'jsonl', 'docs/b.txt', 'docs/b.txt', 'docs/b.txt'];
    const reused: ArrayBufferLike[] = [];
    const fresh: ArrayBufferLike[] = [];
    const out = (await run(NOBODY_ONLY, true, true, reused)).out;
    assert.equal((await run(NOBODY_ONLY, true, false, fresh)).out, out);
    assert.equal(out.split('\n').length, 4);
    assert.equal(new Set(reused).size, 1, 'one buffer for every document');
    assert.equal(new Set(fresh).size, 3, 'a buffer per document while stdout may still hold the last one');
    for (const format of ['json', 'jsonl', 'text']) {
      const relinked = ['--format', format, 'docs', 'docs'];
      assert.equal((await run(relinked, true, true)).out, (await run(relinked, false)).out, `${format}: buffers filled again, relinked documents too`);
    }
  });

  it('--format text shows at most 60 characters of an entity: a long quote does not widen every row', async () => {
    const said = `"${'We will not accept any limits on our forces that the other side does not accept as well. '.repeat(4).trim()}," Sergei Ryabkov said on Friday.\n`;
    fs.writeFileSync(path.join(dir, 'long.txt'), `${said}${NOBODY}`);
    const json = JSON.parse((await run(['--format', 'json', 'long.txt'], false)).out) as { documents: { entities: { kind: string; text: string }[] }[] };
    const quote = json.documents[0]!.entities.find((e) => e.kind === 'quote');
    assert.ok(quote && quote.text.length > 200, 'the analysis finds the long quote');
    const rows = (await run(['long.txt'], false)).out.split('\n').slice(1).filter((l) => l.trim() !== '');
    assert.equal(rows.length, json.documents[0]!.entities.length);
    for (const row of rows) assert.ok(row.length < 140, `a row of ${row.length} characters: ${row}`);
    const shown = rows.find((r) => r.trim().startsWith('quote'))!.trim().split(/\s{2,}/)[2]!;
    assert.equal(shown, JSON.stringify(`${quote.text.slice(0, 59)}…`));
  });

  it('a single document is written without a temporary file', async () => {
    process.env.TMPDIR = path.join(dir, 'no-such-folder');
    const one = await run(['--format', 'json', 'docs/a.txt'], true);
    assert.match(one.out, /"path":"docs\/a.txt"/);
    await assert.rejects(run(['--format', 'json', 'docs'], true), /ENOENT/, 'two documents need the temporary file');
  });
});
