import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { analyze } from '../../../src/core/analyze';
import { exportDocuments } from '../../../src/core/export/registry';
import { prepareDocuments } from '../../../src/core/export/prepare';
import type { ExportDocument, ExportMention } from '../../../src/core/export/types';
import type { W3cAnnotation } from '../../../src/core/export/w3cExport';
import { parseBratAnn } from '../../../src/core/import/bratImport';
import { parseJsonExport } from '../../../src/core/import/jsonImport';
import type { Entity } from '../../../src/core/model/entity';
import { requireShared } from '../../support/sharedData';
import { listTestFiles, runTestFileOnEach } from './w3cHarness';

/**
 * Every format on real texts (the shared seeds and corpus, as found by the current recognizers), each text
 * also as a variant with CRLF line ends and emoji, so offsets are checked where units differ. Checks the
 * invariants, not particular annotations: W3C MUSTs, brat and JSON round trips, TEI well-formedness, and
 * each exported offset giving back its text in the format's own units.
 */
describe('export of the shared corpus: invariants in every format', function () {
  this.timeout(120000);
  let docs: ExportDocument[];
  let entities: Entity[];

  before(function () {
    const seeds = requireShared(this, 'seeds');
    const corpus = requireShared(this, 'corpus', 'texts');
    const files = [
      ...fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => path.join(seeds, f)),
      ...fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => path.join(corpus, f)),
    ];
    const byId = new Map<string, Entity>();
    docs = [];
    for (const file of files) {
      const lf = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
      const variants = { [path.basename(file)]: lf, [`emoji-crlf/${path.basename(file)}`]: `\u{1F30D} ${lf.replace(/\n/g, '\r\n').replace(/\. /g, '. \u{1F600} ')}` };
      for (const [p, text] of Object.entries(variants)) {
        const result = analyze(text);
        result.entities.forEach((e) => byId.set(e.id, e));
        docs.push({ path: p, text, mentions: result.mentions });
      }
    }
    entities = [...byId.values()];
  });

  /** The mentions an export holds; `quotes` for the formats that carry the quotes layer (JSON, W3C, TEI, report). */
  const checked = (quotes = false): ExportMention[][] => prepareDocuments(docs, {}, [], quotes).map((p) => p.mentions);

  it('W3C: every MUST assertion holds for every annotation; selectors give back the text in code points', function () {
    const suite = requireShared(this, 'datasets', 'w3c-annotation-model', 'annotation-model');
    const collection = JSON.parse(exportDocuments('w3c', docs, { entities }).files[0]!.content) as { total: number; first?: { items: W3cAnnotation[] } };
    const items = collection.first?.items ?? [];
    assert.equal(items.length, checked(true).flat().length);
    const failures: string[] = [];
    let musts = 0;
    for (const testFile of listTestFiles(suite)) {
      for (const [k, run] of runTestFileOnEach(suite, testFile, items, { onlyMust: true }).entries()) {
        for (const o of run.outcomes) {
          musts++;
          if (!o.passed) failures.push(`${items[k]!.id} ${o.ref}: ${o.errors}`);
        }
      }
    }
    assert.deepEqual(failures.slice(0, 5), []);
    assert.equal(musts, 22 * items.length);
    const codePoints = new Map(docs.map((d) => [`urn:marginalia:doc:${d.path.split('/').map(encodeURIComponent).join('/')}`, Array.from(d.text)]));
    for (const a of items) {
      const [quote, pos] = a.target.selector;
      assert.equal(codePoints.get(a.target.source)!.slice(pos.start, pos.end).join(''), quote.exact);
    }
  });

  it('brat: export then import gives the same spans, kinds, links and values', () => {
    const { files } = exportDocuments('brat', docs, { entities });
    const mentions = checked();
    for (const [i, doc] of docs.entries()) {
      const txt = files.find((f) => f.path === doc.path)!.content;
      const ann = files.find((f) => f.path === doc.path.replace(/\.txt$/, '.ann'))!.content;
      assert.equal(txt, doc.text);
      const back = parseBratAnn(ann, txt);
      assert.deepEqual(back.problems, [], doc.path);
      const key = (m: ExportMention) => `${m.kind}:${m.start}:${m.end}:${m.entityId}:${m.value}`;
      assert.deepEqual(back.mentions.map(key), mentions[i]!.map(key), doc.path);
    }
  });

  it('JSON: round trip without loss', () => {
    const back = parseJsonExport(exportDocuments('json', docs, { entities }).files[0]!.content);
    assert.deepEqual(back.problems, []);
    const mentions = checked(true);
    back.documents.forEach((d, i) => assert.deepEqual(d.mentions, mentions[i]!.map((m) => ({ ...m, source: 'manual' }))));
  });

  it('JSONL and CoNLL: one line per document; spans and tags match the text', () => {
    const lines = exportDocuments('jsonl', docs).files[0]!.content.trimEnd().split('\n');
    assert.equal(lines.length, docs.length);
    lines.forEach((line, i) => {
      const o = JSON.parse(line) as { label: [number, number, string][]; spans: { text: string }[] };
      const cps = Array.from(docs[i]!.text);
      o.label.forEach(([s, e], k) => assert.equal(cps.slice(s, e).join(''), o.spans[k]!.text));
    });
    const conll = exportDocuments('conll', docs).files[0]!.content;
    assert.equal(conll.split('\n').filter((l) => l === '-DOCSTART-\tO').length, docs.length);
  });

  it('TEI: every file is well-formed XML', () => {
    for (const f of exportDocuments('tei', docs, { entities }).files) assert.equal(XMLValidator.validate(f.content), true, f.path);
  });
});
