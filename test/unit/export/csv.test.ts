import * as assert from 'node:assert/strict';
import { CSV_COLUMNS, csvRow, exportCsv, neutraliseFormula } from '../../../src/core/export/csvExport';
import type { ExportDocument } from '../../../src/core/export/types';
import { SAMPLE_ENTITIES, sampleDocuments } from '../../fixtures/export/sampleDocuments';
import { parseCsv } from './csvReader';

/** What a spreadsheet would evaluate: a cell whose first character starts a formula. */
const dangerous = (cell: string) => /^[=+\-@\t\r]/.test(cell);

describe('CSV export', () => {
  it('neutralises every formula trigger (= + - @ tab CR) with a leading quote, and nothing else', () => {
    for (const trigger of ['=', '+', '-', '@', '\t', '\r']) {
      const cell = `${trigger}1+2`;
      assert.equal(neutraliseFormula(cell), `'${cell}`);
    }
    for (const safe of ['', 'New START', "'quoted", ' =leading space', '1-2']) assert.equal(neutraliseFormula(safe), safe);
  });

  it('quotes fields per RFC 4180 and keeps numbers as they are', () => {
    assert.equal(csvRow(['a,b', 'say "hi"', 'two\r\nlines', 5, undefined, '=cmd|"/c calc"!A0']), '"a,b","say ""hi""","two\r\nlines",5,,"\'=cmd|""/c calc""!A0"');
  });

  it('writes one row per annotation with the documented columns, no cell a spreadsheet would run', () => {
    const docs = sampleDocuments();
    const content = exportCsv(docs, { entities: SAMPLE_ENTITIES }).files[0]!.content;
    assert.ok(content.startsWith('\uFEFFdocument,'));
    const rows = parseCsv(content);
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    // The main layer: derived layers (the quotes) are not in CSV.
    assert.equal(rows.length - 1, docs.reduce((n, d) => n + d.mentions.filter((m) => !m.layer).length, 0));
    for (const row of rows) {
      assert.equal(row.length, CSV_COLUMNS.length);
      for (const cell of row) assert.ok(!dangerous(cell), `dangerous cell ${JSON.stringify(cell)}`);
    }
    const lavrov = rows.find((r) => r[2] === "'=Lavrov");
    assert.ok(lavrov, 'the =Lavrov mention is present, neutralised');
    assert.equal(lavrov[8], "'+1 line one\nline two");
    assert.equal(rows.find((r) => r[1] === 'quote')![8], "'@SUM(1+1)\tand a tab");
  });

  it('gives start/end in code points that slice back to the text (after undoing the neutralising quote)', () => {
    const docs = sampleDocuments();
    const rows = parseCsv(exportCsv(docs).files[0]!.content).slice(1);
    for (const r of rows) {
      const doc = docs.find((d) => d.path === r[0])!;
      const text = r[2]!.replace(/^'(?=[=+\-@\t\r])/, '');
      assert.equal(Array.from(doc.text).slice(Number(r[3]), Number(r[4])).join(''), text);
    }
  });

  it('neutralises injection arriving from document paths and entity values too', () => {
    const docs: ExportDocument[] = [{ path: '=evil.txt', text: '@x', mentions: [{ kind: 'custom', label: '-l', start: 0, end: 2, text: '@x', value: '+v', entityId: '\tid', source: 'manual' }] }];
    const rows = parseCsv(exportCsv(docs).files[0]!.content);
    for (const cell of rows[1]!) assert.ok(!dangerous(cell), JSON.stringify(cell));
  });
});
