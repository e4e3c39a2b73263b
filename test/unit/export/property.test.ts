import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { CSV_COLUMNS } from '../../../src/core/export/csvExport';
import { exportDocuments } from '../../../src/core/export/registry';
import { mentionLabel, prepareDocuments } from '../../../src/core/export/prepare';
import type { ExportDocument, ExportMention } from '../../../src/core/export/types';
import type { W3cAnnotation } from '../../../src/core/export/w3cExport';
import { parseBratAnn } from '../../../src/core/import/bratImport';
import { parseJsonExport } from '../../../src/core/import/jsonImport';
import { parseCsv } from './csvReader';

/**
 * Random texts mixing ASCII, accents, emoji, flags, CJK, CRLF/LF/CR and markup characters, with random spans
 * that never split a character: every offset a format writes gives back its text in the format's units, brat
 * and JSON round-trip, TEI stays well-formed, CoNLL holds every character of the text once with each annotation's
 * tokens tagged, CSV has one row per annotation, and the report names the right line for every mention.
 */
const piece = fc.constantFrom('a', 'B', ' ', 'é', '\u{1F600}', '\u{1F1E8}\u{1F1ED}', '中', '\r\n', '\n', '\r', '<', '&', '"', '=', '-', 'x.', ' ', '\t');
const kinds = ['speaker', 'date', 'treaty', 'person', 'custom'] as const;

const documentArb = fc
  .array(piece, { minLength: 1, maxLength: 40 })
  .chain((pieces) => {
    const text = pieces.join('');
    // Character boundaries only (between pieces), so no span splits a surrogate pair.
    const bounds = [0];
    for (const p of pieces) bounds.push((bounds[bounds.length - 1] as number) + p.length);
    const span = fc
      .tuple(fc.integer({ min: 0, max: pieces.length - 1 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(...kinds), fc.boolean(), fc.option(fc.constantFrom('note =1', 'a\nb', '<x>'), { nil: undefined }))
      .map(([i, len, kind, manual, note]): ExportMention => {
        const start = bounds[i] as number;
        const end = bounds[Math.min(pieces.length, i + len)] as number;
        const m: ExportMention = { kind, start, end, text: text.slice(start, end), source: manual ? 'manual' : 'auto', entityId: `${kind}:x${i}`, value: `v${i}` };
        if (kind === 'custom') m.label = 'lab';
        if (note) m.note = note;
        return m;
      });
    return fc.array(span, { maxLength: 6 }).map((mentions): ExportDocument => ({ path: 'doc.txt', text, mentions }));
  });

describe('export properties on random texts with astral characters and mixed line ends', function () {
  this.timeout(60000);

  it('every format exports, and every offset re-checks in its own units', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const checked = prepareDocuments([doc], {}, [])[0]!.mentions;
        const cps = Array.from(doc.text);

        const w3c = JSON.parse(exportDocuments('w3c', [doc]).files[0]!.content) as { first?: { items: W3cAnnotation[] } };
        for (const a of w3c.first?.items ?? []) {
          const [q, p] = a.target.selector;
          assert.equal(cps.slice(p.start, p.end).join(''), q.exact);
        }
        assert.equal(w3c.first?.items.length ?? 0, checked.length);

        const brat = exportDocuments('brat', [doc]).files;
        const ann = brat.find((f) => f.path === 'doc.ann')!.content;
        const back = parseBratAnn(ann, brat.find((f) => f.path === 'doc.txt')!.content);
        assert.deepEqual(back.problems, []);
        // A span that starts or ends with a line break loses it in brat (fragments exclude breaks): compare trimmed.
        const trim = (m: ExportMention) => {
          let s = m.start;
          let e = m.end;
          while (s < e && /[\r\n]/.test(doc.text[s] as string)) s++;
          while (e > s && /[\r\n]/.test(doc.text[e - 1] as string)) e--;
          return `${m.kind}:${s}:${e}:${m.entityId}`;
        };
        assert.deepEqual(back.mentions.map(trim), checked.filter((m) => /[^\r\n]/.test(m.text)).map(trim));

        const json = parseJsonExport(exportDocuments('json', [doc]).files[0]!.content);
        assert.deepEqual(json.documents[0]!.mentions, checked.map((m) => ({ ...m, source: 'manual' })));

        const jsonl = JSON.parse(exportDocuments('jsonl', [doc]).files[0]!.content) as { label: [number, number, string][]; spans: { text: string }[] };
        jsonl.label.forEach(([s, e], k) => assert.equal(cps.slice(s, e).join(''), jsonl.spans[k]!.text));

        for (const f of exportDocuments('tei', [doc]).files) assert.equal(XMLValidator.validate(f.content), true, f.content);
        checkConll(doc, checked);
        checkCsv(doc, checked);
        checkReport(doc, checked);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * CoNLL: the tokens hold every non-space character of the text once, in order; IOB2 cannot nest, so of
 * overlapping annotations the first is kept (and the rest reported), and each kept one with any non-space text
 * is one B- run whose tokens spell its text; everything else is tagged O.
 */
function checkConll(doc: ExportDocument, checked: ExportMention[]): void {
  const { files, warnings } = exportDocuments('conll', [doc]);
  const lines = files[0]!.content.split('\n');
  assert.deepEqual(lines.slice(0, 2), ['-DOCSTART-\tO', '']);
  const tokens = lines.slice(2).filter((l) => l !== '').map((l) => {
    const [text, tag, ...rest] = l.split('\t');
    assert.deepEqual(rest, [], `one tab per line: ${JSON.stringify(l)}`);
    return { text: text!, tag: tag! };
  });
  assert.equal(tokens.map((t) => t.text).join(''), doc.text.replace(/\s/gu, ''), 'the tokens are the text without whitespace');
  const kept: ExportMention[] = [];
  for (const m of checked) if (kept.length === 0 || m.start >= kept[kept.length - 1]!.end) kept.push(m);
  assert.equal(warnings.filter((w) => /overlaps another annotation/.test(w)).length, checked.length - kept.length);
  const runs: { label: string; text: string }[] = [];
  for (const t of tokens) {
    if (t.tag.startsWith('B-')) runs.push({ label: t.tag.slice(2), text: t.text });
    else if (t.tag.startsWith('I-')) {
      const run = runs[runs.length - 1];
      assert.equal(run?.label, t.tag.slice(2), `${t.tag} continues a run of its label`);
      run.text += t.text;
    } else assert.equal(t.tag, 'O');
  }
  const expected = kept.filter((m) => /\S/u.test(m.text)).map((m) => ({ label: mentionLabel(m), text: m.text.replace(/\s/gu, '') }));
  assert.deepEqual(runs, expected);
}

/** CSV: a header and one row per annotation, each row's text, offsets (code points) and label its own. */
function checkCsv(doc: ExportDocument, checked: ExportMention[]): void {
  const rows = parseCsv(exportDocuments('csv', [doc]).files[0]!.content);
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows.length - 1, checked.length, 'one row per annotation');
  const cps = Array.from(doc.text);
  checked.forEach((m, i) => {
    const [document, kind, text, start, end] = rows[i + 1]!;
    assert.equal(document, 'doc.txt');
    assert.equal(kind, mentionLabel(m));
    // A text starting with a formula trigger is written with a leading quote.
    assert.equal(text, /^[=+\-@\t\r]/.test(m.text) ? `'${m.text}` : m.text);
    assert.equal(cps.slice(Number(start), Number(end)).join(''), m.text);
  });
}

/** 1-based line of a UTF-16 offset: CRLF, LF and lone CR each end a line. */
function lineOf(text: string, offset: number): number {
  const ends = [...text.matchAll(/\r\n|\r|\n/g)].map((b) => b.index + b[0].length);
  return 1 + ends.filter((e) => e <= offset).length;
}

/** Report: in each section, the lines it names are those of its mentions (speakers' quotes, treaties, dates, others). */
function checkReport(doc: ExportDocument, checked: ExportMention[]): void {
  const report = exportDocuments('report', [doc]).files[0]!.content;
  const sections = new Map(report.split(/^## /m).slice(1).map((s) => [s.slice(0, s.indexOf('\n')), s] as const));
  const kindsOf: Record<string, string[]> = {
    'Speakers: who said what, when': ['speaker'],
    Treaties: ['treaty'],
    Timeline: ['date'],
    'Other annotations': ['custom', 'person'],
  };
  let named = 0;
  for (const [title, kinds] of Object.entries(kindsOf)) {
    const lines = [...(sections.get(title) ?? '').matchAll(/`doc\.txt`, line (\d+)/g)].map((x) => Number(x[1])).sort((a, b) => a - b);
    const expected = checked.filter((m) => kinds.includes(m.kind)).map((m) => lineOf(doc.text, m.start)).sort((a, b) => a - b);
    assert.deepEqual(lines, expected, `${title}: line numbers`);
    named += lines.length;
  }
  assert.equal(named, checked.length, 'every annotation is named once with its line');
}
