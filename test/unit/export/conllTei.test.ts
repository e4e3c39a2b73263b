import * as assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { conllTokens, exportConll } from '../../../src/core/export/conllExport';
import { prepareDocuments } from '../../../src/core/export/prepare';
import { exportTei, xmlEscape } from '../../../src/core/export/teiExport';
import type { ExportDocument } from '../../../src/core/export/types';
import { SAMPLE_ENTITIES, sampleDocuments } from '../../fixtures/export/sampleDocuments';

describe('CoNLL IOB2 export', () => {
  const docs = sampleDocuments();

  it('tags tokens B-/I-/O and the tokens of each annotation spell its text (whitespace aside)', () => {
    for (const p of prepareDocuments(docs, {}, [])) {
      const tokens = conllTokens(p.doc.text, p.mentions, [], p.doc.path).filter((t) => t !== undefined);
      for (const m of p.mentions) {
        const inside = tokens.filter((t) => t.start >= m.start && t.end <= m.end);
        assert.ok(inside.length > 0, m.text);
        assert.match(inside[0]!.tag, /^B-/);
        for (const t of inside.slice(1)) assert.match(t.tag, /^I-/);
        assert.equal(inside.map((t) => t.text).join(''), m.text.replace(/\s+/g, ''));
        for (const t of inside) assert.equal(p.doc.text.slice(t.start, t.end), t.text);
      }
      // No token crosses an annotation boundary.
      for (const t of tokens) for (const m of p.mentions) assert.ok(t.end <= m.start || t.start >= m.end || (t.start >= m.start && t.end <= m.end));
    }
  });

  it('writes token<TAB>tag lines, -DOCSTART- per document and blank lines between sentences', () => {
    const content = exportConll(docs).files[0]!.content;
    const lines = content.split('\n');
    assert.equal(lines.filter((l) => l === '-DOCSTART-\tO').length, 2);
    for (const l of lines) if (l !== '') assert.match(l, /^\S+\t(O|[BI]-\S+)$/u);
    // The treaty broken over a line stays one entity: I- continues on the next line, no sentence break.
    assert.ok(content.includes('Intermediate-Range\tB-treaty\nNuclear\tI-treaty\n'));
    // IOB2: an I- tag always continues the same label.
    let prev = 'O';
    for (const l of lines) {
      const tag = l.split('\t')[1] ?? 'O';
      if (tag.startsWith('I-')) assert.ok(prev.slice(2) === tag.slice(2) && prev !== 'O', `${prev} -> ${tag}`);
      prev = tag;
    }
  });

  it('keeps the first of overlapping annotations and reports the other', () => {
    const doc: ExportDocument = {
      path: 'o.txt',
      text: 'the New START Treaty of 2010',
      mentions: [
        { kind: 'treaty', start: 4, end: 28, text: 'New START Treaty of 2010', source: 'auto' },
        { kind: 'date', start: 24, end: 28, text: '2010', source: 'auto' },
      ],
    };
    const { files, warnings } = exportConll([doc]);
    assert.equal(warnings.length, 1);
    assert.ok(files[0]!.content.includes('2010\tI-treaty'));
  });
});

describe('TEI XML export', () => {
  const docs = sampleDocuments();
  const { files, warnings } = exportTei(docs, { entities: SAMPLE_ENTITIES });
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false });

  /** Text content of every element named `name`, with its attributes, in document order. */
  function elements(node: unknown, name: string, out: { text: string; attrs: Record<string, string> }[] = []) {
    const textOf = (n: unknown): string => {
      if (Array.isArray(n)) return n.map(textOf).join('');
      if (n && typeof n === 'object') {
        const o = n as Record<string, unknown>;
        if ('#text' in o) return String(o['#text']);
        const key = Object.keys(o).find((k) => k !== ':@');
        if (key === 'lb') return ''; // the line break itself follows <lb/> as text
        if (key === 'note') return '';
        return key ? textOf(o[key]) : '';
      }
      return '';
    };
    if (Array.isArray(node)) node.forEach((n) => elements(n, name, out));
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (k === ':@') continue;
        if (k === name) out.push({ text: textOf(o[k]), attrs: (o[':@'] ?? {}) as Record<string, string> });
        elements(o[k], name, out);
      }
    }
    return out;
  }

  it('is well-formed XML (checked by a real parser) in the TEI namespace, one file per document', () => {
    assert.deepEqual(files.map((f) => f.path), ['briefings/briefing-crlf.xml', 'notes-lf.xml']);
    assert.deepEqual(warnings, []);
    for (const f of files) {
      assert.equal(XMLValidator.validate(f.content), true, f.path);
      assert.ok(f.content.includes('<TEI xmlns="http://www.tei-c.org/ns/1.0">'));
    }
  });

  it('marks speakers, dates and treaties with the elements and attributes the TEI uses, around the right text', () => {
    const tree = parser.parse(files[0]!.content);
    const pers = elements(tree, 'persName');
    assert.deepEqual(pers.map((p) => p.text), ['MS. ORTEGA', 'MS. ORTEGA', 'Ivan Petrov']);
    assert.equal(pers[0]!.attrs['@_ref'], 'urn:marginalia:entity:person:maria-ortega');
    assert.equal(pers[0]!.attrs['@_type'], 'speaker');
    const dates = elements(tree, 'date').filter((d) => d.text !== '');
    assert.deepEqual(dates.map((d) => [d.text, d.attrs['@_when']]), [['3 March 2024', '2024-03-03'], ['Monday', '2024-03-04'], ['yesterday', '2024-03-02']]);
    const names = elements(tree, 'name');
    assert.deepEqual(names.map((n) => [n.text, n.attrs['@_type']]), [['New START', 'treaty'], ['INF Treaty', 'treaty'], ['Intermediate-Range\nNuclear Forces Treaty', 'treaty']]);
    assert.equal(names[0]!.attrs['@_ref'], 'https://example.org/treaties/new-start');
  });

  it('writes a date at its own precision (when for xs dates, when-iso for weeks)', () => {
    const doc: ExportDocument = {
      path: 'd.txt',
      text: 'In May 2022 and in week 49 of 2022.',
      mentions: [
        { kind: 'date', start: 3, end: 11, text: 'May 2022', value: '2022-05', source: 'auto' },
        { kind: 'date', start: 19, end: 34, text: 'week 49 of 2022', value: '2022-W49', source: 'auto' },
      ],
    };
    const xml = exportTei([doc]).files[0]!.content;
    assert.ok(xml.includes('<date when="2022-05">May 2022</date>'));
    assert.ok(xml.includes('<date when-iso="2022-W49">week 49 of 2022</date>'));
  });

  it('escapes markup from the text and notes, drops characters XML forbids, and leaves out crossing spans', () => {
    assert.equal(xmlEscape('a<b>&"c"\u0001\uD800'), 'a&lt;b&gt;&amp;&quot;c&quot;\uFFFD\uFFFD');
    const text = 'Lavrov <script>&amp; Blinken\u0007 met.';
    const doc: ExportDocument = {
      path: 'x.txt',
      text,
      mentions: [
        { kind: 'speaker', start: 0, end: 6, text: 'Lavrov', note: '</note><evil/>', source: 'manual' },
        { kind: 'custom', label: 'a"b', start: 0, end: 10, text: text.slice(0, 10), source: 'manual' },
        { kind: 'custom', label: 'cross', start: 3, end: 20, text: text.slice(3, 20), source: 'manual' },
      ],
    };
    const { files: out, warnings: w } = exportTei([doc]);
    assert.equal(XMLValidator.validate(out[0]!.content), true);
    // XMLValidator does not check XML 1.0's forbidden characters, so check them here.
    assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(out[0]!.content));
    assert.ok(!out[0]!.content.includes('<evil/>') && !out[0]!.content.includes('<script>'));
    // The validator does catch what string building can get wrong (so a pass above means something).
    assert.notEqual(XMLValidator.validate('<a>x & y</a>'), true);
    assert.notEqual(XMLValidator.validate('<a><b></a></b>'), true);
    assert.equal(w.length, 1);
    assert.match(w[0]!, /crosses/);
  });
});
