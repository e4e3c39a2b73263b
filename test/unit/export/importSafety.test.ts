import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../../../src/cli/cliIo';
import { importCommand } from '../../../src/cli/importCommand';
import { jsonLineIndex } from '../../../src/core/import/jsonLines';

const TEXT = 'Sergey Ryabkov said the New START treaty \u{1F600} was in force.\n';

function capture(cwd: string): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', cwd, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

/** A Marginalia JSON export, one mention per line, so each problem's line is known. */
function exportWith(docPath: string, mentions: string[]): string {
  return ['{', '"marginalia-export": 1,', '"documents": [{', `"path": ${JSON.stringify(docPath)},`, `"text": ${JSON.stringify(TEXT)},`, '"mentions": [', mentions.join(',\n'), ']}]}', ''].join('\n');
}

describe('import refuses input that would break or misplace a sidecar', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-import-'));
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'docs', 'a.txt'), TEXT);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const sidecars = () => fs.readdirSync(dir, { recursive: true }).filter((n) => String(n).endsWith('.annotations.yaml'));
  const run = async (...args: string[]) => {
    const io = capture(dir);
    const code = await importCommand.run(args, io);
    return { code, err: io.err };
  };

  for (const name of ['constructor', 'prototype', '__proto__', '<<']) {
    it(`brat: an attribute named ${name} refuses the file, naming its line; nothing is written`, async () => {
      fs.writeFileSync(path.join(dir, 'docs', 'a.ann'), `T1\tspeaker 0 14\tSergey Ryabkov\nT2\ttreaty 24 33\tNew START\nA1\t${name} T1 yes\n`);
      const { code, err } = await run('--from', 'brat', 'docs/a.ann');
      assert.equal(code, 1);
      assert.match(err, new RegExp(`docs/a\\.ann: line 3: the attribute name '${name.replace(/[<_]/g, '\\$&')}' is not allowed`));
      assert.match(err, /nothing was imported or written/);
      assert.deepEqual(sidecars(), []);
    });
  }

  it('json: an attribute named "<<" refuses the file, naming its line; nothing is written', async () => {
    const json = exportWith('a.txt', [
      '{"kind": "speaker", "start": 0, "end": 14}',
      '{"kind": "treaty", "start": 24, "end": 33,\n "attributes": {"role": "x",\n "<<": "y"}}',
    ]);
    fs.writeFileSync(path.join(dir, 'export.json'), json);
    const { code, err } = await run('--from', 'json', '--documents', 'docs', 'export.json');
    assert.equal(code, 1);
    assert.match(err, /export\.json: line 10: a\.txt mentions\[1\]: the attribute name '<<' is not allowed/);
    assert.deepEqual(sidecars(), []);
  });

  it('json: a span that splits a surrogate pair is refused, naming its line; the others are imported', async () => {
    const emoji = TEXT.indexOf('\u{1F600}');
    const json = exportWith('a.txt', ['{"kind": "speaker", "start": 0, "end": 14}', `{"kind": "custom", "start": ${emoji + 1}, "end": ${emoji + 6}}`]);
    fs.writeFileSync(path.join(dir, 'export.json'), json);
    const { code, err } = await run('--from', 'json', '--documents', 'docs', 'export.json');
    assert.equal(code, 1);
    assert.match(err, /export\.json: line 8: a\.txt mentions\[1\]: "start" \d+ falls inside a character/);
    const yaml = fs.readFileSync(path.join(dir, 'docs', 'a.txt.annotations.yaml'), 'utf8');
    assert.equal(yaml.match(/ - id: /g)?.length, 1);
  });

  it('json: an offset of 1e400 gets one clear line naming the file and line, not "0-null"', async () => {
    const json = exportWith('a.txt', ['{"kind": "speaker", "start": 0, "end": 1e400}']);
    fs.writeFileSync(path.join(dir, 'export.json'), json);
    const { code, err } = await run('--from', 'json', '--documents', 'docs', 'export.json');
    assert.equal(code, 1);
    assert.doesNotMatch(err, /null/);
    assert.match(err, /^marginalia import: export\.json: line 7: a\.txt mentions\[0\]: "end" is a number too large to be an offset/m);
  });

  it('json: a document path leading outside --documents is refused, naming its line; nothing is written there', async () => {
    fs.mkdirSync(path.join(dir, 'docs', 'sub'));
    fs.writeFileSync(path.join(dir, 'export.json'), exportWith('../a.txt', ['{"kind": "speaker", "start": 0, "end": 14}']));
    const { code, err } = await run('--from', 'json', '--documents', 'docs/sub', 'export.json');
    assert.equal(code, 1);
    assert.match(err, /export\.json: line 4: documents\[0\]: path "\.\.\/a\.txt" may not contain '\.\.'/);
    assert.deepEqual(sidecars(), []);
  });
});

describe('import --out', () => {
  it('refuses to replace an existing file unless --force is given', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-import-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
      fs.writeFileSync(path.join(dir, 'a.ann'), 'T1\tspeaker 0 14\tSergey Ryabkov\n');
      fs.writeFileSync(path.join(dir, 'mine.json'), 'mine\n');
      let io = capture(dir);
      assert.equal(await importCommand.run(['--from', 'brat', '--out', 'mine.json', 'a.ann'], io), 1);
      assert.match(io.err, /mine\.json already exists; nothing was written \(use --force to overwrite\)/);
      assert.equal(fs.readFileSync(path.join(dir, 'mine.json'), 'utf8'), 'mine\n');
      io = capture(dir);
      assert.equal(await importCommand.run(['--from', 'brat', '--out', 'mine.json', '--force', 'a.ann'], io), 0, io.err);
      assert.match(fs.readFileSync(path.join(dir, 'mine.json'), 'utf8'), /Sergey Ryabkov/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('JSON line index', () => {
  it('gives the line of every object, list and key by path, whatever the strings hold', () => {
    const json = '{"a": "x{[,\\"}",\n "b": [{},\n  [], "s", {"c": 1,\n "d": {}}],\n "e": 2}';
    assert.deepEqual(JSON.parse(json), { a: 'x{[,"}', b: [{}, [], 's', { c: 1, d: {} }], e: 2 });
    const line = jsonLineIndex(json);
    assert.deepEqual(
      [line([]), line(['a']), line(['b']), line(['b', 0]), line(['b', 1]), line(['b', 3]), line(['b', 3, 'c']), line(['b', 3, 'd']), line(['e']), line(['z'])],
      [1, 1, 2, 2, 3, 3, 3, 4, 5, undefined],
    );
  });
});
