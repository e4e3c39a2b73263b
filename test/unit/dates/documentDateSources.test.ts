import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeCommand } from '../../../src/cli/analyzeCommand';
import { UsageError, type CliIo } from '../../../src/cli/cliIo';
import { analyzeCold } from '../../../src/core/scan/coldAnalysis';
import { emptySidecar } from '../../../src/core/model/annotation';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { loadExportDocuments } from '../../../src/hosts/exportPipeline';
import { NodeDocumentSource } from '../../../src/hosts/nodeDocumentSource';

function capture(cwd: string): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', cwd, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

interface AnalyzeJson {
  documents: { path: string; documentDate?: { value: string; source: string }; entities: { text: string; value?: string }[] }[];
}

const READOUT = 'Yesterday the two presidents spoke by phone about New START.\n';

describe('dates: where a document date comes from, in the CLI, the scan and export', function () {
  this.timeout(20000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-docdate-'));
    fs.mkdirSync(path.join(dir, '2021', '12', '30'), { recursive: true });
    fs.writeFileSync(path.join(dir, '2021-12-30-readout.txt'), READOUT);
    fs.writeFileSync(path.join(dir, '2021', '12', '30', 'call.txt'), READOUT);
    fs.writeFileSync(path.join(dir, 'undated.txt'), READOUT);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function analyzeJson(...args: string[]): Promise<AnalyzeJson> {
    const io = capture(dir);
    assert.equal(await analyzeCommand.run(['--format', 'json', ...args], io), 0, io.err);
    return JSON.parse(io.out) as AnalyzeJson;
  }

  it('analyze resolves against a date in the file or folder name, and says where it came from', async () => {
    const { documents } = await analyzeJson('.');
    const byPath = new Map(documents.map((d) => [d.path.split(path.sep).join('/'), d]));
    const named = byPath.get('2021-12-30-readout.txt');
    assert.deepEqual(named?.documentDate, { value: '2021-12-30', source: 'file name' });
    assert.equal(named?.entities.find((e) => e.text === 'Yesterday')?.value, '2021-12-29');
    assert.deepEqual(byPath.get('2021/12/30/call.txt')?.documentDate, { value: '2021-12-30', source: 'folder' });
    const undated = byPath.get('undated.txt');
    assert.equal(undated?.documentDate, undefined);
    assert.equal(undated?.entities.find((e) => e.text === 'Yesterday')?.value, 'PAST_REF');
  });

  it('analyze --document-date beats every other source, and refuses a day the calendar does not have', async () => {
    const { documents } = await analyzeJson('--document-date', '2022-03-01', '2021-12-30-readout.txt');
    assert.deepEqual(documents[0]?.documentDate, { value: '2022-03-01', source: 'option' });
    assert.equal(documents[0]?.entities.find((e) => e.text === 'Yesterday')?.value, '2022-02-28');
    await assert.rejects(analyzeCommand.run(['--document-date', '2022-02-30', 'undated.txt'], capture(dir)), UsageError);
    await assert.rejects(analyzeCommand.run(['--document-date=March 1', 'undated.txt'], capture(dir)), UsageError);
  });

  it('analyze uses the sidecar\'s document.date as the editor does, and --document-date still beats it', async () => {
    fs.writeFileSync(path.join(dir, '2021-12-30-readout.txt.annotations.yaml'), serializeSidecar({ ...emptySidecar(), document: { date: '2022-06-01' } }, undefined));
    const { documents } = await analyzeJson('2021-12-30-readout.txt');
    assert.deepEqual(documents[0]?.documentDate, { value: '2022-06-01', source: 'metadata' });
    assert.equal(documents[0]?.entities.find((e) => e.text === 'Yesterday')?.value, '2022-05-31');
    const given = await analyzeJson('--document-date', '2022-03-01', '2021-12-30-readout.txt');
    assert.equal(given.documents[0]?.entities.find((e) => e.text === 'Yesterday')?.value, '2022-02-28');
  });

  it('the scan of a closed file uses its path too', () => {
    const cold = analyzeCold(READOUT, BUILTIN_LEXICON, path.join(dir, '2021-12-30-readout.txt'));
    assert.deepEqual(cold.documentDate, { value: '2021-12-30', source: 'file name' });
  });

  it('export analyses against the path date, and against the sidecar date when the sidecar sets one', async () => {
    const io = capture(dir);
    const source = () => new NodeDocumentSource({ cwd: dir });
    const { documents } = await loadExportDocuments(['2021-12-30-readout.txt'], io, source());
    assert.equal(documents[0]?.metadata?.date, '2021-12-30');
    assert.equal(documents[0]?.mentions.find((m) => m.text === 'Yesterday')?.value, '2021-12-29');
    fs.writeFileSync(path.join(dir, '2021-12-30-readout.txt.annotations.yaml'), serializeSidecar({ ...emptySidecar(), document: { date: '2022-06-01' } }, undefined));
    const set = await loadExportDocuments(['2021-12-30-readout.txt'], io, source());
    assert.equal(set.documents[0]?.mentions.find((m) => m.text === 'Yesterday')?.value, '2022-05-31');
  });
});
