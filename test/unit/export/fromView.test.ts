import * as assert from 'node:assert/strict';
import { documentFromView, toExportMention } from '../../../src/core/export/fromView';
import { exportW3c, type W3cAnnotation } from '../../../src/core/export/w3cExport';
import type { Mention } from '../../../src/core/model/mention';

describe('export documents from reconciled views', () => {
  const text = 'Lavrov said no.';
  const manual: Mention = {
    kind: 'speaker',
    start: 0,
    end: 6,
    text: 'Lavrov',
    source: 'manual',
    attributes: { annotationId: 'a-1', label: 'minister', note: 'check', role: 'FM' },
  };

  it('lifts the annotation id, label and note out of attributes, keeping the others', () => {
    assert.deepEqual(toExportMention(manual), { kind: 'speaker', start: 0, end: 6, text: 'Lavrov', source: 'manual', id: 'a-1', label: 'minister', note: 'check', attributes: { role: 'FM' } });
    const bare = { ...manual, attributes: { annotationId: 'a-2' } };
    assert.equal(toExportMention(bare).attributes, undefined);
  });

  it('takes author and timestamps from the placed annotation, and metadata from the view', () => {
    const doc = documentFromView('a.txt', text, {
      mentions: [manual],
      placed: [{ annotation: { id: 'a-1', author: 'Reader', created: '2024-01-02T03:04:05Z', modified: 'yesterday' } }],
      metadata: { title: 'T', date: '2024-01-02' },
    });
    assert.equal(doc.mentions[0]!.author, 'Reader');
    assert.deepEqual(doc.metadata, { title: 'T', date: '2024-01-02' });
    // W3C keeps only RFC 3339 timestamps (its conformance tests require them) and says what it left out.
    const { files, warnings } = exportW3c([doc]);
    const a = (JSON.parse(files[0]!.content) as { first: { items: W3cAnnotation[] } }).first.items[0]!;
    assert.deepEqual([a.creator, a.created, a.modified], [{ type: 'Person', name: 'Reader' }, '2024-01-02T03:04:05Z', undefined]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /modified "yesterday"/);
  });
});
