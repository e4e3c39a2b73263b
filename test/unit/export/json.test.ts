import * as assert from 'node:assert/strict';
import { exportJson } from '../../../src/core/export/jsonExport';
import { exportJsonl, type JsonlLine } from '../../../src/core/export/jsonlExport';
import { prepareDocuments } from '../../../src/core/export/prepare';
import type { ExportDocument } from '../../../src/core/export/types';
import { parseJsonExport } from '../../../src/core/import/jsonImport';
import { SAMPLE_ENTITIES, sampleDocuments } from '../../fixtures/export/sampleDocuments';

describe('JSON export and import', () => {
  const docs = sampleDocuments();

  it('is versioned, says its offset unit, and keeps UTF-16 offsets that slice back to each text', () => {
    const data = JSON.parse(exportJson(docs, { entities: SAMPLE_ENTITIES }).files[0]!.content) as {
      'marginalia-export': number;
      offsetUnit: string;
      documents: { text: string; mentions: { start: number; end: number; text: string }[] }[];
      entities: { id: string }[];
    };
    assert.equal(data['marginalia-export'], 1);
    assert.equal(data.offsetUnit, 'utf-16');
    for (const d of data.documents) for (const m of d.mentions) assert.equal(d.text.slice(m.start, m.end), m.text);
    // Only the entities the exported mentions link to.
    assert.deepEqual(data.entities.map((e) => e.id).sort(), [...new Set(docs.flatMap((d) => d.mentions.map((m) => m.entityId).filter(Boolean)))].sort());
  });

  it('round-trips without loss: every field of every mention and the document metadata come back', () => {
    const back = parseJsonExport(exportJson(docs).files[0]!.content);
    assert.deepEqual(back.problems, []);
    // JSON carries the quotes layer too.
    const prepared = prepareDocuments(docs, {}, [], true);
    assert.equal(back.documents.length, docs.length);
    for (const [i, d] of back.documents.entries()) {
      assert.equal(d.path, docs[i]!.path);
      assert.equal(d.text, docs[i]!.text);
      assert.deepEqual(d.metadata, docs[i]!.metadata);
      // Imported annotations become the user's own (manual); everything else is identical.
      assert.deepEqual(d.mentions, prepared[i]!.mentions.map((m) => ({ ...m, source: 'manual' })));
    }
  });

  it('refuses what it cannot read faithfully: other JSON, a newer version, another offset unit', () => {
    assert.throws(() => parseJsonExport('{'), /not valid JSON/);
    assert.throws(() => parseJsonExport('{"documents": []}'), /not a Marginalia JSON export/);
    assert.throws(() => parseJsonExport('{"marginalia-export": 2, "documents": []}'), /newer/);
    assert.throws(() => parseJsonExport('{"marginalia-export": 1, "offsetUnit": "codepoint", "documents": []}'), /offsetUnit/);
  });

  it('skips mentions whose offsets do not give their text and unknown kinds, and refuses hostile attribute keys', () => {
    const json = JSON.stringify({
      'marginalia-export': 1,
      documents: [
        {
          path: 'a.txt',
          text: 'Ryabkov said so.',
          mentions: [
            { kind: 'speaker', start: 0, end: 7, text: 'Ryabkov', source: 'auto' },
            { kind: 'speaker', start: 1, end: 7, text: 'Ryabkov', source: 'auto' },
            { kind: 'villain', start: 0, end: 7, text: 'Ryabkov', source: 'auto' },
            { kind: 'date', start: 0, end: 99, source: 'auto' },
          ],
        },
        { path: 'b.txt', mentions: [] },
      ],
    }).replace('"source":"auto"}', '"source":"auto","attributes":{"__proto__":{"polluted":"yes"},"role":"minister"}}');
    const { documents, problems, refused } = parseJsonExport(json);
    assert.equal(documents.length, 1);
    assert.deepEqual(documents[0]!.mentions, [{ kind: 'speaker', start: 0, end: 7, text: 'Ryabkov', source: 'manual', attributes: { role: 'minister' } }]);
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.equal(refused.length, 1, refused.join('\n'));
    assert.match(refused[0]!, /^line 1: a\.txt mentions\[0\]: the attribute name '__proto__' is not allowed/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('skips, and reports, mentions that do not match the text on export too', () => {
    const bad: ExportDocument[] = [{ path: 'x.txt', text: 'a\u{1F600}b', mentions: [{ kind: 'custom', start: 1, end: 2, text: '\uD83D', source: 'manual' }, { kind: 'custom', start: 0, end: 1, text: 'b', source: 'manual' }] }];
    const { warnings, files } = exportJson(bad);
    assert.equal(warnings.length, 2);
    assert.match(warnings[0]!, /surrogate pair/);
    assert.equal((JSON.parse(files[0]!.content) as { documents: { mentions: unknown[] }[] }).documents[0]!.mentions.length, 0);
  });
});

describe('JSON Lines export (doccano / spaCy / Prodigy)', () => {
  const docs = sampleDocuments();
  const lines = exportJsonl(docs, { entities: SAMPLE_ENTITIES }).files[0]!.content.split('\n');

  it('writes one document per physical line, even with CRLF inside the text', () => {
    assert.equal(lines.length, docs.length + 1);
    assert.equal(lines[docs.length], '');
  });

  it('gives doccano labels and Prodigy spans in code points that slice back to the span text', () => {
    for (const [i, line] of lines.slice(0, docs.length).entries()) {
      const o = JSON.parse(line) as JsonlLine;
      assert.equal(o.text, docs[i]!.text);
      const cps = Array.from(o.text);
      assert.equal(o.label.length, o.spans.length);
      for (const [k, [s, e, label]] of o.label.entries()) {
        const span = o.spans[k]!;
        assert.deepEqual([span.start, span.end, span.label], [s, e, label]);
        assert.equal(cps.slice(s, e).join(''), span.text);
      }
    }
    const first = JSON.parse(lines[0]!) as JsonlLine;
    const claim = first.spans.find((s) => s.label === 'claim')!;
    assert.notEqual(claim.start, docs[0]!.text.indexOf('thinking'), 'offsets must be code points, not UTF-16');
  });
});
