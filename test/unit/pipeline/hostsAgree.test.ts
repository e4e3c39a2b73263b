import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeCommand, type JsonEntity } from '../../../src/cli/analyzeCommand';
import type { CliIo } from '../../../src/cli/cliIo';
import { exportCommand } from '../../../src/cli/exportCommand';
import { documentAnalyzer, reconciledView } from '../../../src/core/documentPipeline';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { withSelectors } from '../../../src/core/anchoring/reanchor';
import { emptySidecar, type Sidecar } from '../../../src/core/model/annotation';
import type { Mention } from '../../../src/core/model/mention';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { EntityReceiver } from '../../../src/core/scan/entityTransfer';
import { handleScanMessage, ScanWorkerState } from '../../../src/hosts/scanProtocol';
import { NodeDocumentSource } from '../../../src/hosts/nodeDocumentSource';
import { sharedPath } from '../../support/sharedData';

/**
 * Issue 17's "done when": every host that shows a document's mentions shows the same ones, because they all go
 * through documentPipeline.ts. For each document of the seeds, the corpus and samples/, in a workspace of its
 * own, plain, with a workspace lexicon, and with a lexicon and a sidecar (a date, an annotation, a rejection):
 * the editor's index (open and closed), the scan worker, `analyze --format json` and `export --format json`.
 */

const REPO = path.resolve(__dirname, '..', '..', '..');
/** A workspace lexicon that changes what samples/news-report.txt shows: a place read as a treaty. */
const LEXICON = 'treaties:\n  - name: Palais des Nations\n';

/** What all hosts must agree on: the main layer's mentions and the quotes, by place, kind and value. */
type Row = string;
const row = (m: { kind: string; start: number; end: number; text: string; value?: string; source?: string }): Row =>
  `${m.kind} ${m.start}-${m.end} ${JSON.stringify(m.text)} ${m.value ?? ''} ${m.source === 'manual' ? 'manual' : ''}`;
const shown = (mentions: readonly (Mention | (JsonEntity & { layer?: string }))[]): Row[] =>
  mentions.filter((m) => !('layer' in m && m.layer) || m.kind === 'quote').map((m) => row('speaker' in m && m.kind === 'quote' ? { ...m, value: m.speaker } : m)).sort();

function capture(cwd: string): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', cwd, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

/** A sidecar that sets a date, annotates the first 12 characters of the text and rejects its first automatic mention. */
function sidecarFor(text: string, auto: readonly Mention[]): Sidecar {
  const sidecar: Sidecar = { ...emptySidecar(), document: { date: '2019-03-14' } };
  const at = '2026-01-01T00:00:00Z';
  const end = Math.min(12, text.length);
  sidecar.annotations.push(withSelectors({ id: 'a-aaaaaaaaaaaaaaaa', kind: 'custom', label: 'opening', created: at, modified: at, selectors: { position: { start: 0, end }, quote: { exact: '', prefix: '', suffix: '' } } }, text, 0, end));
  const first = auto.find((m) => !m.layer && m.source === 'auto' && m.start >= end);
  if (first) sidecar.rejections.push(withSelectors({ id: 'r-aaaaaaaaaaaaaaaa', kind: first.kind, created: at, selectors: { position: { start: first.start, end: first.end }, quote: { exact: '', prefix: '', suffix: '' } } }, text, first.start, first.end));
  return sidecar;
}

function documents(): string[] {
  const folders = [sharedPath('seeds'), sharedPath('corpus', 'texts'), path.join(REPO, 'samples')];
  return folders.flatMap((f) => (f ? fs.readdirSync(f).filter((n) => /\.(txt|md)$/.test(n)).map((n) => path.join(f, n)) : []));
}

describe('pipeline: the editor, the scan worker, analyze and export show the same mentions', function () {
  this.timeout(120_000);
  let tmp: string;
  before(function () {
    if (!sharedPath('seeds') || !sharedPath('corpus', 'texts')) {
      // The samples are checked all the same; the shared texts are most of the property's cases.
      console.warn(`  (the seeds and corpus texts are skipped: ${path.join(path.dirname(REPO), 'shared')} is absent; shared test data lives beside the project)`);
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-agree-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const variant of ['plain', 'lexicon', 'lexicon and sidecar'] as const) {
    it(`for every document, ${variant}`, async () => {
      const docs = documents();
      assert.ok(docs.length >= 4, 'the samples at least');
      let changedByLexicon = 0;
      for (const [i, original] of docs.entries()) {
        const ws = path.join(tmp, `${variant.replace(/ /g, '-')}-${i}`);
        fs.mkdirSync(path.join(ws, '.marginalia'), { recursive: true });
        const file = path.join(ws, path.basename(original));
        fs.copyFileSync(original, file);
        if (variant !== 'plain') fs.writeFileSync(path.join(ws, '.marginalia', 'lexicon.yaml'), LEXICON);
        const source = new NodeDocumentSource({ cwd: ws });
        const read = await source.readDocument(file);
        assert.ok(read.ok);
        const text = read.text;
        const { lexicon } = await source.lexiconFor(file);
        let sidecar: Sidecar | undefined;
        if (variant === 'lexicon and sidecar') {
          sidecar = sidecarFor(text, documentAnalyzer({ lexicon, path: file }).analyze(text).mentions);
          fs.writeFileSync(`${file}.annotations.yaml`, serializeSidecar(sidecar, undefined));
        }
        const what = `${path.basename(original)} (${variant})`;

        // The editor: an open document and a scanned one, as DocumentModelService indexes them.
        const uri = `file://${file}`;
        const auto = documentAnalyzer({ lexicon, sidecar, path: file }).analyze(text);
        const view = reconciledView(text, auto, sidecar);
        const index = new WorkspaceIndex();
        const open = index.setDocument(uri, text, view);
        const expected = shown([...open.mentions, ...open.layered]);
        assert.ok(expected.length > 0, what);
        if (variant !== 'plain' && row(view.mentions.find((m) => m.text === 'Palais des Nations') ?? { kind: '', start: 0, end: 0, text: '' }).startsWith('treaty')) changedByLexicon++;
        const closed = new WorkspaceIndex().setDocument(uri, text, view, { cold: true });
        assert.deepEqual(shown([...closed.mentions, ...closed.layered]), expected, `${what}: closed in the editor`);
        if (sidecar) assert.equal(view.documentDate?.value, '2019-03-14', what);

        // The scan worker takes documents without a sidecar (the editor reconciles the others itself).
        if (!sidecar) {
          const state = new ScanWorkerState();
          state.lexicons.set('ws', lexicon);
          const answer = handleScanMessage({ type: 'scan', id: 1, path: file, maxFileSize: 4_000_000, lexicon: 'ws' }, state);
          const reply = answer?.reply;
          assert.ok(reply?.outcome === 'indexed', `${what}: ${JSON.stringify(reply)}`);
          const scanned = new WorkspaceIndex().setDocument(uri, reply.bytes, { ...reply.parts, entities: new EntityReceiver().resolve(reply.entities) });
          assert.deepEqual(shown([...scanned.mentions, ...scanned.layered]), expected, `${what}: the scan worker`);
        }

        // The CLI's analyze, one document at a time (across documents it links people to one id).
        const io = capture(ws);
        assert.equal(await analyzeCommand.run(['--format', 'json', path.basename(file)], io), 0, io.err);
        const analysed = (JSON.parse(io.out) as { documents: { entities: JsonEntity[] }[] }).documents[0];
        assert.deepEqual(shown(analysed?.entities ?? []), expected, `${what}: analyze`);

        // Export, which the editor's Export command runs too; JSON keeps every mention with its place.
        const out = capture(ws);
        assert.equal(await exportCommand.run(['--format', 'json', '--out', '-', path.basename(file)], out), 0, out.err);
        // Read as written (an import would mark every mention manual).
        const exported = (JSON.parse(out.out) as { documents: { mentions: Mention[]; date?: string }[] }).documents[0];
        assert.deepEqual(shown(exported?.mentions ?? []), expected, `${what}: export`);
        if (sidecar) assert.equal(exported?.date, '2019-03-14', what);
      }
      if (variant !== 'plain') assert.ok(changedByLexicon > 0, 'the workspace lexicon is used');
    });
  }
});
