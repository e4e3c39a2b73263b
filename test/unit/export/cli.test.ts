import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportCommand, makeExportCommand } from '../../../src/cli/exportCommand';
import { writeExportFiles } from '../../../src/hosts/exportPipeline';
import { PSEUDO } from '../support/pseudoLocale';
import { NodeDocumentSource } from '../../../src/hosts/nodeDocumentSource';
import type { SidecarLookup } from '../../../src/core/ports/documentSource';
import { emptySidecar, type Annotation } from '../../../src/core/model/annotation';
import { withSelectors } from '../../../src/core/anchoring/reanchor';
import { importCommand } from '../../../src/cli/importCommand';
import { UsageError, type CliIo } from '../../../src/cli/cliIo';
import { annotateCommand } from '../../../src/cli/annotateCommand';
import { EXPORT_FORMATS } from '../../../src/core/export/registry';
import { parseJsonExport } from '../../../src/core/import/jsonImport';
import { readFixture, sampleDocuments } from '../../fixtures/export/sampleDocuments';

function capture(cwd: string): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', cwd, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

/** A source whose sidecars hold the samples' manual mentions as annotations (ids, labels and notes as given). */
class SampleSidecars extends NodeDocumentSource {
  override async sidecarFor(location: string): Promise<SidecarLookup> {
    const sample = sampleDocuments().find((d) => location.endsWith(path.basename(d.path)));
    if (!sample) return { problems: [] };
    const annotations = sample.mentions
      .filter((m) => m.source === 'manual')
      .map(({ id, label, note, kind, start, end, entityId, attributes }, i): Annotation => {
        const a: Annotation = { id: id ?? `a${i}`, kind, created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z', selectors: { position: { start, end }, quote: { exact: '', prefix: '', suffix: '' } } };
        if (label) a.label = label;
        if (note) a.note = note;
        if (entityId) a.entityId = entityId;
        if (attributes) a.attributes = attributes;
        return withSelectors(a, sample.text, start, end);
      });
    return { sidecar: { ...emptySidecar(), document: { ...sample.metadata }, annotations }, problems: [] };
  }
}
const sampleManual = (io: CliIo) => new SampleSidecars({ cwd: io.cwd });

describe('marginalia export / import (CLI)', function () {
  this.timeout(30000);
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-export-'));
    fs.mkdirSync(path.join(dir, 'docs', 'briefings'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'docs', 'briefings', 'briefing-crlf.txt'), readFixture('briefing-crlf.txt'));
    fs.writeFileSync(path.join(dir, 'docs', 'notes-lf.txt'), readFixture('notes-lf.txt'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports a folder in every format into the output folder, names relative to the documents\' folder', async () => {
    for (const f of EXPORT_FORMATS) {
      const io = capture(dir);
      const code = await exportCommand.run(['--format', f.id, '--out', `out-${f.id}`, 'docs'], io);
      assert.equal(code, 0, io.err);
      const written = fs.readdirSync(path.join(dir, `out-${f.id}`), { recursive: true }) as string[];
      assert.ok(written.length > 0, f.id);
      if (f.id === 'brat') assert.ok(written.includes(path.join('briefings', 'briefing-crlf.ann')), written.join(','));
    }
  });

  it('exports one document, and writes a single-file format to stdout with --out -', async () => {
    const io = capture(dir);
    assert.equal(await exportCommand.run(['--format', 'json', '--out', '-', 'docs/notes-lf.txt'], io), 0);
    const back = parseJsonExport(io.out);
    assert.deepEqual(back.documents.map((d) => d.path), ['notes-lf.txt']);
    assert.equal(back.documents[0]!.text, readFixture('notes-lf.txt'));
  });

  it('exports manual annotations from the manual source, with their notes, and only those with --manual-only', async () => {
    const command = makeExportCommand(sampleManual);
    const io = capture(dir);
    assert.equal(await command.run(['--format', 'json', '--out', '-', '--manual-only', 'docs'], io), 0, io.err);
    const back = parseJsonExport(io.out);
    const mentions = back.documents.flatMap((d) => d.mentions);
    assert.equal(mentions.length, 6);
    const petrov = mentions.find((m) => m.text === 'Ivan Petrov')!;
    assert.equal(petrov.id, 'a1');
    assert.match(petrov.note!, /^Named as the source/);
    assert.equal(petrov.attributes, undefined, 'id/label/note are fields, not attributes');
  });

  it('exports manual annotations from real sidecars (added with marginalia annotate), read-only', async () => {
    const text = readFixture('briefing-crlf.txt');
    const start = text.indexOf('Intermediate');
    const end = text.indexOf(' still shapes');
    let io = capture(dir);
    const doc = 'docs/briefings/briefing-crlf.txt';
    const add = ['add', doc, '--start', String(start), '--end', String(end), '--kind', 'treaty', '--note', '=full name', '--entity', 'treaty:inf', '--author', 'A. Reader'];
    assert.equal(await annotateCommand.run(add, io), 0, io.err);
    const sidecar = path.join(dir, 'docs', 'briefings', 'briefing-crlf.txt.annotations.yaml');
    const before = fs.readFileSync(sidecar);
    io = capture(dir);
    assert.equal(await exportCommand.run(['--format', 'json', '--out', '-', '--manual-only', 'docs'], io), 0, io.err);
    const mentions = parseJsonExport(io.out).documents.flatMap((d) => d.mentions);
    assert.equal(mentions.length, 1);
    assert.deepEqual([mentions[0]!.start, mentions[0]!.end, mentions[0]!.kind, mentions[0]!.note, mentions[0]!.entityId, mentions[0]!.author], [start, end, 'treaty', '=full name', 'treaty:inf', 'A. Reader']);
    assert.match(mentions[0]!.id!, /^a-/);
    io = capture(dir);
    assert.equal(await exportCommand.run(['--format', 'csv', '--out', '-', '--manual-only', 'docs'], io), 0, io.err);
    assert.ok(io.out.includes(`"'=full name"`) || io.out.includes(`'=full name`), io.out);
    assert.deepEqual(fs.readFileSync(sidecar), before, 'export never rewrites a sidecar');
  });

  it('reports a sidecar that cannot be loaded, exits 1, and leaves it untouched', async () => {
    const sidecar = path.join(dir, 'docs', 'notes-lf.txt.annotations.yaml');
    fs.writeFileSync(sidecar, 'marginalia: 1\n<<<<<<< HEAD\nannotations: []\n=======\n>>>>>>> other\n');
    const before = fs.readFileSync(sidecar);
    const io = capture(dir);
    assert.equal(await exportCommand.run(['--format', 'json', '--out', '-', 'docs'], io), 1);
    assert.match(io.err, /notes-lf\.txt\.annotations\.yaml cannot be loaded/);
    assert.deepEqual(fs.readFileSync(sidecar), before);
  });

  it('writes a single-file format to the file --out names', async () => {
    const io = capture(dir);
    assert.equal(await exportCommand.run(['--format', 'csv', '--out', 'sheets/people.csv', 'docs'], io), 0, io.err);
    assert.ok(fs.readFileSync(path.join(dir, 'sheets', 'people.csv'), 'utf8').startsWith('\uFEFFdocument,'));
  });

  it('writes the reports\' links relative to where the report is written, so each opens its document', async () => {
    for (const [format, out] of [['report', 'out/reports/desk.md'], ['report-html', 'elsewhere/deep/desk.html'], ['report', 'folder-out']] as const) {
      const io = capture(dir);
      assert.equal(await exportCommand.run(['--format', format, '--out', out, 'docs'], io), 0, io.err);
      const target = path.join(dir, out);
      const file = fs.statSync(target).isDirectory() ? path.join(target, fs.readdirSync(target)[0] as string) : target;
      const text = fs.readFileSync(file, 'utf8');
      const links = [...text.matchAll(/(?:\]\(<?|href=")([^)"#>]+)#L\d+/g)].map((m) => decodeURIComponent(m[1] as string));
      assert.ok(links.length > 0, `${format}: no links in ${text.slice(0, 400)}`);
      for (const link of new Set(links)) assert.ok(fs.existsSync(path.resolve(path.dirname(file), link)), `${format} in ${out}: ${link} does not reach a document`);
    }
  });

  it('refuses to overwrite an existing file unless --force is given, and writes nothing then', async () => {
    fs.mkdirSync(path.join(dir, 'sheets'));
    const mine = path.join(dir, 'sheets', 'people.csv');
    fs.writeFileSync(mine, 'my own notes\n');
    let io = capture(dir);
    assert.equal(await exportCommand.run(['--format', 'csv', '--out', 'sheets/people.csv', 'docs'], io), 1);
    assert.match(io.err, /sheets\/people\.csv already exists; nothing was written \(use --force to overwrite\)/);
    assert.equal(fs.readFileSync(mine, 'utf8'), 'my own notes\n');
    io = capture(dir);
    assert.equal(await exportCommand.run(['--format', 'brat', '--out', 'brat', 'docs'], io), 0, io.err);
    const ann = path.join(dir, 'brat', 'notes-lf.ann');
    fs.writeFileSync(ann, 'edited in brat\n');
    io = capture(dir);
    assert.equal(await exportCommand.run(['--format', 'brat', '--out', 'brat', 'docs'], io), 1);
    assert.match(io.err, /brat\/notes-lf\.ann already exists/);
    assert.equal(fs.readFileSync(ann, 'utf8'), 'edited in brat\n', 'no file of the export is written');
    io = capture(dir);
    assert.equal(await exportCommand.run(['--format', 'csv', '--out', 'sheets/people.csv', '--force', 'docs'], io), 0, io.err);
    assert.ok(fs.readFileSync(mine, 'utf8').startsWith('\uFEFFdocument,'));
  });

  it('rejects bad arguments with a usage error', async () => {
    const io = capture(dir);
    await assert.rejects(exportCommand.run(['docs'], io), UsageError);
    await assert.rejects(exportCommand.run(['--format', 'pdf', 'docs'], io), /unknown format/);
    await assert.rejects(exportCommand.run(['--format', 'brat', '--out', '-', 'docs'], io), /single-file/);
    await assert.rejects(exportCommand.run(['--format', 'csv'], io), /at least one/);
  });

  it('never writes outside the output folder: traversal names and symlinked folders are refused', () => {
    const out = path.join(dir, 'out');
    assert.throws(() => writeExportFiles(out, [{ path: '../escape.txt', content: 'x' }]), /outside/);
    assert.ok(!fs.existsSync(path.join(dir, 'escape.txt')));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-outside-'));
    try {
      fs.symlinkSync(outside, path.join(out, 'linked'));
      assert.throws(() => writeExportFiles(out, [{ path: 'linked/a.ann', content: 'x' }]), /symbolic link/);
      fs.symlinkSync(path.join(outside, 'target.txt'), path.join(out, 'file-link.txt'));
      assert.throws(() => writeExportFiles(out, [{ path: 'file-link.txt', content: 'x' }]), /symbolic link/);
      // The editor's Export words them in the user's language (it passes vscode.l10n): each wholly through the port.
      const marked = (e: Error) => /^\u00abrefusing to write .*\u00bb$/.test(e.message);
      assert.throws(() => writeExportFiles(out, [{ path: '../escape.txt', content: 'x' }], PSEUDO), marked);
      assert.throws(() => writeExportFiles(out, [{ path: 'linked/a.ann', content: 'x' }], PSEUDO), marked);
      assert.throws(() => writeExportFiles(out, [{ path: 'file-link.txt', content: 'x' }], PSEUDO), marked);
      fs.mkdirSync(path.join(out, 'a-folder.txt'));
      assert.throws(() => writeExportFiles(out, [{ path: 'a-folder.txt', content: 'x' }], PSEUDO), (e: Error) => e.message === '\u00abrefusing to write a-folder.txt: it exists and is not a file\u00bb');
      assert.deepEqual(fs.readdirSync(outside), []);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('replaces an existing export file whole (temp file and rename), never rewriting it in place', () => {
    const out = path.join(dir, 'out');
    writeExportFiles(out, [{ path: 'report.md', content: 'old export\n' }]);
    // A hard link stands for anyone holding the old file (a reader, a backup): a rename leaves it the complete
    // old content, while writing in place would change it under them, half-written if the process died.
    const holder = path.join(dir, 'held-report.md');
    fs.linkSync(path.join(out, 'report.md'), holder);
    const written = writeExportFiles(out, [{ path: 'report.md', content: 'new export, longer than the old one\n' }]);
    assert.deepEqual(written, [path.join(fs.realpathSync(out), 'report.md')]);
    assert.equal(fs.readFileSync(path.join(out, 'report.md'), 'utf8'), 'new export, longer than the old one\n');
    assert.equal(fs.readFileSync(holder, 'utf8'), 'old export\n');
    assert.deepEqual(fs.readdirSync(out), ['report.md'], 'no temp file left');
  });

  it('imports brat written by export back to the same manual annotations (CLI round trip)', async () => {
    const command = makeExportCommand(sampleManual);
    let io = capture(dir);
    assert.equal(await command.run(['--format', 'brat', '--out', 'brat', '--manual-only', 'docs'], io), 0, io.err);
    io = capture(dir);
    assert.equal(await importCommand.run(['--from', 'brat', '--documents', 'docs', '--out', '-', 'brat'], io), 0, io.err);
    const back = parseJsonExport(io.out);
    const briefing = back.documents.find((d) => d.path === 'briefings/briefing-crlf.txt')!;
    const expected = sampleDocuments()[0]!.mentions.filter((m) => m.source === 'manual');
    assert.deepEqual(
      briefing.mentions.map((m) => [m.kind, m.start, m.end, m.text, m.entityId, m.note]),
      expected.map((m) => [m.kind, m.start, m.end, m.text, m.entityId, m.note]),
    );
  });

  it('imports brat into the documents\' sidecars, once, and export then gives the same annotations back', async () => {
    let io = capture(dir);
    assert.equal(await makeExportCommand(sampleManual).run(['--format', 'brat', '--out', 'brat', '--manual-only', 'docs'], io), 0, io.err);
    // An older copy of the text in the brat folder: import must still land on the right words of the document.
    const bratTxt = path.join(dir, 'brat', 'briefings', 'briefing-crlf.txt');
    fs.writeFileSync(path.join(dir, 'docs', 'briefings', 'briefing-crlf.txt'), `Inserted first line.\r\n${readFixture('briefing-crlf.txt')}`);
    io = capture(dir);
    assert.equal(await importCommand.run(['--from', 'brat', '--documents', 'docs', '--author', 'Importer', 'brat'], io), 0, io.err);
    assert.match(io.err, /6 annotation\(s\) added/);
    io = capture(dir);
    assert.equal(await importCommand.run(['--from', 'brat', '--documents', 'docs', 'brat'], io), 0, io.err);
    assert.match(io.err, /0 annotation\(s\) added/, 'a second import adds nothing');
    io = capture(dir);
    assert.equal(await exportCommand.run(['--format', 'json', '--out', '-', '--manual-only', 'docs'], io), 0, io.err);
    const back = parseJsonExport(io.out).documents;
    const shift = 'Inserted first line.\r\n'.length;
    const expected = sampleDocuments().map((d) => d.mentions.filter((m) => m.source === 'manual').map((m) => [m.kind, m.start + (d.path.startsWith('briefings') ? shift : 0), m.text, m.entityId, m.note?.replace(/[\r\n\t]+/g, ' '), 'Importer']));
    assert.deepEqual(back.map((d) => d.mentions.map((m) => [m.kind, m.start, m.text, m.entityId, m.note, m.author])), expected);
    assert.ok(fs.existsSync(bratTxt));
  });

  it('JSON export of sidecar annotations, imported into a fresh checkout, restores them with their ids', async () => {
    const text = readFixture('notes-lf.txt');
    let io = capture(dir);
    const add = ['add', 'docs/notes-lf.txt', '--start', String(text.indexOf('=Lavrov')), '--end', String(text.indexOf('=Lavrov') + 7), '--kind', 'speaker', '--note', 'two\nlines', '--author', 'R'];
    assert.equal(await annotateCommand.run(add, io), 0, io.err);
    const id = io.out.trim();
    io = capture(dir);
    assert.equal(await exportCommand.run(['--format', 'json', '--out', 'saved', '--manual-only', 'docs'], io), 0, io.err);
    fs.rmSync(path.join(dir, 'docs', 'notes-lf.txt.annotations.yaml'));
    io = capture(dir);
    assert.equal(await importCommand.run(['--from', 'json', '--documents', 'docs', 'saved/marginalia-export.json'], io), 0, io.err);
    io = capture(dir);
    assert.equal(await annotateCommand.run(['list', 'docs/notes-lf.txt', '--format', 'json'], io), 0, io.err);
    const listed = (JSON.parse(io.out) as { annotations: { id: string; text: string; note: string }[] }).annotations;
    assert.deepEqual(listed.map((a) => [a.id, a.text, a.note]), [[id, '=Lavrov', 'two\nlines']]);
  });

  it('import reports lines it cannot place and exits 1', async () => {
    fs.writeFileSync(path.join(dir, 'docs', 'notes-lf.ann'), 'T1\tspeaker 0 3\tnope\n');
    const io = capture(dir);
    assert.equal(await importCommand.run(['--from', 'brat', '--out', '-', 'docs/notes-lf.ann'], io), 1);
    assert.match(io.err, /not "nope"|not \\"nope\\"/);
  });
});
