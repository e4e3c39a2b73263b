/**
 * Issue 15 #6 and the encoding part of #7: documents are read only when they are regular files (a FIFO made
 * every command hang, a link to /dev/zero filled memory), within the size limit, decoded from UTF-16 when a
 * byte-order mark says so, and binary files are skipped with a warning naming them. The commands run as real
 * processes with a time limit, so a regression fails instead of hanging the suite.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeDocument, SNIFF_BYTES } from '../../../src/core/model/documentEncoding';
import { readDocumentFile, readDocumentFileSync } from '../../../src/hosts/documentFile';
import { bundleCli, bundleScript, runCli, type CliRun } from '../support/cliProcess';

const TEXT = 'WASHINGTON, March 3, 2021 - Sergey Ryabkov said on Thursday that the New START treaty was still in force.\n';
const LIMIT_MS = 20_000;

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return order === 'le' ? le : le.swap16();
}

describe('document encodings (issue 15 #7)', () => {
  it('decodes UTF-16 LE and BE with a byte-order mark, and UTF-8 without its mark', () => {
    for (const bytes of [utf16(TEXT, 'le'), utf16(TEXT, 'be'), Buffer.from(`\ufeff${TEXT}`), Buffer.from(TEXT)]) {
      const decoded = decodeDocument(bytes);
      assert.ok(decoded.ok);
      assert.equal(decoded.text, TEXT);
    }
  });

  it('refuses NUL bytes or invalid UTF-8 in the first KB as binary, not a character cut at its end', () => {
    for (const bytes of [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), Buffer.from([0x61, 0xc3, 0x28, 0x62]), Buffer.from([0xff, 0xd8, 0xff, 0xe0])]) {
      const decoded = decodeDocument(bytes);
      assert.equal(decoded.ok, false);
      assert.match(decoded.ok ? '' : decoded.reason, /binary/);
    }
    // An "é" split by the sample's end, and a stray byte after it: text (with a replacement character).
    const cut = Buffer.concat([Buffer.alloc(SNIFF_BYTES - 1, 0x61), Buffer.from('é'), Buffer.from([0xff])]);
    const decoded = decodeDocument(cut);
    assert.ok(decoded.ok);
    assert.equal(decoded.text.slice(SNIFF_BYTES - 1), 'é\ufffd');
  });
  it('tells UTF-8 from not as a fatal TextDecoder does, on any bytes (property)', () => {
    const utf8ish = fc.array(fc.oneof(fc.integer({ min: 1, max: 255 }), fc.constantFrom(0x80, 0xbf, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0x9f, 0xa0, 0x8f, 0x90)), { maxLength: 40 });
    const text = fc.string({ unit: 'binary', maxLength: 20 }).map((t) => [...Buffer.from(t.replace(/\0/g, ''))]);
    fc.assert(
      fc.property(fc.oneof(utf8ish, text), (list) => {
        const bytes = Uint8Array.from(list);
        if (bytes[0] === 0xff || bytes[0] === 0xfe) return;
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
        } catch {
          valid = false;
        }
        assert.equal(decodeDocument(bytes).ok, valid, Buffer.from(bytes).toString('hex'));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('special files, sizes and encodings on the disk (issue 15 #6)', function () {
  this.timeout(120_000);
  let dir: string;
  let ws: string;
  let cli: string;

  before(function () {
    if (process.platform === 'win32') this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-special-'));
    ws = path.join(dir, 'ws');
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(ws, 'good.txt'), TEXT);
    fs.writeFileSync(path.join(ws, 'utf16le.txt'), utf16(TEXT, 'le'));
    fs.writeFileSync(path.join(ws, 'utf16be.txt'), utf16(TEXT, 'be'));
    fs.writeFileSync(path.join(ws, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x61]));
    execFileSync('mkfifo', [path.join(ws, 'fifo.txt')]);
    fs.symlinkSync('/dev/zero', path.join(ws, 'zero.txt'));
    fs.symlinkSync('good.txt', path.join(ws, 'linked.txt'));
    cli = bundleCli(dir);
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const marginalia = async (...args: string[]): Promise<CliRun> => {
    const run = await runCli(cli, args, ws, LIMIT_MS);
    assert.equal(run.timedOut, false, `marginalia ${args.join(' ')} hung: ${run.err}`);
    return run;
  };

  it('the reader refuses a FIFO, a link to /dev/zero and a file over the limit, naming why', async () => {
    for (const read of [readDocumentFileSync, readDocumentFile]) {
      const fifo = await read(path.join(ws, 'fifo.txt'));
      assert.deepEqual(fifo, { ok: false, reason: 'not a regular file (a FIFO), not read' });
      const zero = await read(path.join(ws, 'zero.txt'));
      assert.deepEqual(zero, { ok: false, reason: 'not a regular file (a device), not read' });
      const large = await read(path.join(ws, 'good.txt'), 10);
      assert.match(large.ok ? '' : large.reason, new RegExp(`^${Buffer.byteLength(TEXT)} bytes, over the 10-byte limit`));
      const linked = await read(path.join(ws, 'linked.txt'));
      assert.ok(linked.ok);
      assert.equal(linked.text, TEXT);
      assert.deepEqual(linked.bytes, Buffer.from(TEXT));
      const le = await read(path.join(ws, 'utf16le.txt'));
      assert.ok(le.ok);
      assert.equal(le.text, TEXT);
      assert.equal(le.bytes, undefined, 'the scan keeps UTF-8 bytes only');
    }
  });

  it('analyze: skips the FIFO, the device and the binary file with a warning naming each, reads UTF-16 and linked files', async () => {
    const named = await marginalia('analyze', '--format', 'json', 'fifo.txt', 'zero.txt', 'binary.txt', 'utf16le.txt', 'utf16be.txt', 'good.txt');
    assert.match(named.err, /fifo\.txt: not a regular file \(a FIFO\)/);
    assert.match(named.err, /zero\.txt: not a regular file \(a device\)/);
    assert.match(named.err, /binary\.txt: a binary file/);
    const docs = (JSON.parse(named.out) as { documents: { path: string; entities: unknown[] }[] }).documents;
    assert.deepEqual(docs.map((d) => d.path), ['utf16le.txt', 'utf16be.txt', 'good.txt']);
    assert.ok(docs[2].entities.length >= 3);
    for (const d of docs) assert.deepEqual(d.entities, docs[2].entities, `${d.path} is analysed as the same text`);

    const folder = await marginalia('analyze', '--format', 'json', '.');
    const paths = (JSON.parse(folder.out) as { documents: { path: string }[] }).documents.map((d) => d.path);
    assert.deepEqual(paths, ['good.txt', 'linked.txt', 'utf16be.txt', 'utf16le.txt']);
    assert.match(folder.err, /fifo\.txt: not a regular file/);
    assert.match(folder.err, /zero\.txt: not a regular file/);
  });

  it('annotate: refuses a FIFO and a device document with a clear error, and annotates a UTF-16 one by its characters', async () => {
    for (const name of ['fifo.txt', 'zero.txt']) {
      const run = await marginalia('annotate', 'add', name, '--start', '0', '--end', '4', '--kind', 'custom');
      assert.equal(run.code, 1);
      assert.match(run.err, new RegExp(`${name.replace('.', '\\.')}: not a regular file`));
      assert.ok(!fs.existsSync(path.join(ws, `${name}.annotations.yaml`)));
    }
    const start = TEXT.indexOf('Sergey Ryabkov');
    const added = await marginalia('annotate', 'add', 'utf16le.txt', '--start', String(start), '--end', String(start + 14), '--kind', 'speaker');
    assert.equal(added.code, 0, added.err);
    const listed = await marginalia('annotate', 'list', 'utf16le.txt', '--format', 'json');
    const rows = (JSON.parse(listed.out) as { annotations: { text: string; status: string }[] }).annotations;
    assert.deepEqual(rows.map((r) => [r.text, r.status]), [['Sergey Ryabkov', 'exact']]);
    fs.rmSync(path.join(ws, 'utf16le.txt.annotations.yaml'));
  });

  it('export: skips the special files with a warning and exports the rest', async () => {
    const run = await marginalia('export', '--format', 'json', '--out', '-', 'fifo.txt', 'zero.txt', 'binary.txt', 'good.txt');
    assert.match(run.err, /fifo\.txt: not a regular file \(a FIFO\)/);
    assert.match(run.err, /zero\.txt: not a regular file \(a device\)/);
    assert.match(run.err, /binary\.txt: a binary file/);
    assert.match(run.out, /good\.txt/);
  });

  it('the scan worker: skips the FIFO, the device and the binary file with the reason, indexes UTF-16 as its text', async () => {
    const script = bundleScript(path.join(__dirname, 'scanFiles.ts'), dir);
    const names = ['fifo.txt', 'zero.txt', 'binary.txt', 'utf16le.txt', 'utf16be.txt', 'linked.txt'];
    const run = await runCli(script, names, ws, LIMIT_MS);
    assert.equal(run.timedOut, false, 'the scan of a special file hung');
    type Outcome = { outcome: string; reason?: string; length?: number; mentions?: number; text?: string };
    const outcomes = JSON.parse(run.out) as Outcome[];
    assert.deepEqual(outcomes.slice(0, 2), [
      { id: 0, outcome: 'skipped', reason: 'not a regular file (a FIFO), not read' },
      { id: 1, outcome: 'skipped', reason: 'not a regular file (a device), not read' },
    ]);
    assert.match(outcomes[2].reason ?? '', /^a binary file/);
    const linked = outcomes[5];
    assert.equal(linked.text, TEXT);
    assert.ok((linked.mentions ?? 0) >= 3);
    // The index decodes the bytes it keeps as UTF-8: for a UTF-16 document they are its text's.
    for (const o of outcomes.slice(3, 5)) assert.deepEqual(o, linked);
  });

  it('import: a FIFO or a link to /dev/zero as the input or as the document is reported, not waited on', async () => {
    fs.mkdirSync(path.join(ws, 'brat'));
    execFileSync('mkfifo', [path.join(ws, 'brat', 'a.ann')]);
    fs.writeFileSync(path.join(ws, 'brat', 'b.ann'), 'T1\tPerson 0 4\tWASH\n');
    fs.symlinkSync('/dev/zero', path.join(ws, 'brat', 'b.txt'));
    fs.symlinkSync('/dev/zero', path.join(ws, 'zero.json'));
    try {
      const brat = await marginalia('import', '--from', 'brat', '--out', '-', 'brat');
      assert.equal(brat.code, 1);
      assert.match(brat.err, /a\.ann: not a regular file \(a FIFO\)/);
      assert.match(brat.err, /b\.txt: not a regular file \(a device\)/);
      for (const input of ['fifo.txt', 'zero.json']) {
        const json = await marginalia('import', '--from', 'json', '--out', '-', input);
        assert.equal(json.code, 1);
        assert.match(json.err, new RegExp(`${input.replace('.', '\\.')}: not a regular file`));
      }
    } finally {
      fs.rmSync(path.join(ws, 'brat'), { recursive: true });
      fs.rmSync(path.join(ws, 'zero.json'));
    }
  });
});
