import * as assert from 'node:assert/strict';
import { replaceExtension, safeRelativePath, UnsafePathError } from '../../../src/core/export/paths';
import { EXPORT_FORMATS, exportDocuments } from '../../../src/core/export/registry';
import { exportReport, mdEscape, speakerQuote } from '../../../src/core/export/reportExport';
import type { ExportDocument } from '../../../src/core/export/types';
import { SAMPLE_ENTITIES, sampleDocuments } from '../../fixtures/export/sampleDocuments';

describe('Markdown report', () => {
  const report = exportReport(sampleDocuments(), { entities: SAMPLE_ENTITIES }).files[0]!.content;

  it('lists who said what and when: each speaker under its canonical name with the quotes attributed to them', () => {
    const ortega = report.split('### Maria Ortega')[1]!.split('###')[0]!;
    assert.match(ortega, /3 March 2024 \(2024-03-03\), \[`briefings\/briefing-crlf\.txt`, line 3\]\(<briefings\/briefing-crlf\.txt#L3>\):\n {2}> Good afternoon\. Talks on New START/);
    const petrov = report.split('### Ivan Petrov')[1]!.split('###')[0]!;
    assert.match(petrov, /line 7\]\(<briefings\/briefing-crlf\.txt#L7>\):\n {2}> the Intermediate-Range Nuclear Forces Treaty still shapes thinking/);
    assert.match(petrov, /- Note at \[`briefings\/briefing-crlf\.txt`, line 7\]\(<briefings\/briefing-crlf\.txt#L7>\): Named as the source/);
  });

  it('names each document with its title (else its first line) and links it; links go through linkBase', () => {
    assert.match(report, /^\| \[`briefings\/briefing-crlf\.txt`\]\(<briefings\/briefing-crlf\.txt>\) \| Geneva press briefing \| 3 March 2024 \|/m);
    assert.match(report, /^\| \[`notes-lf\.txt`\]\(<notes-lf\.txt>\) \| \\\+Ryabkov wrote on 12 May 2023: -no deal- @ the talks\. \|/m);
    const moved = exportReport(sampleDocuments(), { entities: SAMPLE_ENTITIES, linkBase: '../my docs/' }).files[0]!.content;
    assert.match(moved, /\]\(<\.\.\/my docs\/briefings\/briefing-crlf\.txt#L3>\)/);
  });

  it('lists the quotes about each treaty (its paragraph names it) with speaker, date and link', () => {
    const byTreaty = report.split('## Quotes by treaty')[1]!.split('\n## ')[0]!;
    assert.match(byTreaty, /### New START \(1 quote\)\n\n- \*\*Maria Ortega\*\*, 3 March 2024 \(2024-03-03\), \[`briefings\/briefing-crlf\.txt`, line 3\]\(<briefings\/briefing-crlf\.txt#L3>\):\n {2}> Good afternoon/);
    assert.match(byTreaty, /### INF Treaty \(1 quote\)\n\n- \*\*Ivan Petrov\*\*/);
  });

  it('lists every mention of each treaty, and a timeline in date order, each date in words with its ISO value', () => {
    assert.match(report, /### INF Treaty \(2 mentions\)/);
    const timeline = report.split('## Timeline')[1]!.split('##')[0]!;
    assert.match(timeline, /^\| 2 March 2024 \(2024-03-02\) \| yesterday \|/m);
    const values = [...timeline.matchAll(/^\| [^|]*\((\d{4}-\d{2}-\d{2})\) \|/gm)].map((m) => m[1]);
    assert.deepEqual(values, ['2023-05-12', '2024-03-02', '2024-03-03', '2024-03-04']);
  });

  it('neutralises Markdown and HTML from document text', () => {
    assert.equal(mdEscape('<img src=x onerror=alert(1)> [x](command:y) *b*'), '&lt;img src=x onerror=alert(1)> \\[x\\](command:y) \\*b\\*');
    assert.equal(mdEscape('- item'), '\\- item');
    const doc: ExportDocument = { path: 'h.txt', text: 'X said <b>[run](command:evil)</b>.', mentions: [{ kind: 'speaker', start: 0, end: 1, text: 'X', source: 'manual', note: '<img onerror=x>' }] };
    const out = exportReport([doc]).files[0]!.content;
    assert.ok(!out.includes('<b>') && !out.includes('<img') && !out.includes('[run]('));
  });

  it('takes the sentence a speaker stands in, with the quote before a bare attribution', () => {
    const t1 = 'Talks stalled. Lavrov told reporters on Monday that talks would resume soon. Other news followed.';
    const at = (t: string, name: string) => ({ kind: 'speaker' as const, start: t.indexOf(name), end: t.indexOf(name) + name.length, text: name, source: 'auto' as const });
    assert.equal(speakerQuote(t1, at(t1, 'Lavrov')), 'Lavrov told reporters on Monday that talks would resume soon.');
    const t2 = 'He left early. "We will not sign this." Ryabkov said. Then came questions.';
    assert.equal(speakerQuote(t2, at(t2, 'Ryabkov')), '"We will not sign this." Ryabkov said.');
  });

  it('takes a transcript turn after its label, else the sentence', () => {
    const text = 'MR. KIRBY: We will see.\n\nLater, Kirby said more.';
    assert.equal(speakerQuote(text, { kind: 'speaker', start: 0, end: 9, text: 'MR. KIRBY', source: 'auto' }), 'We will see.');
    assert.equal(speakerQuote(text, { kind: 'speaker', start: 32, end: 37, text: 'Kirby', source: 'auto' }), 'Later, Kirby said more.');
    assert.equal(speakerQuote(text, { kind: 'speaker', start: 32, end: 37, text: 'Kirby', source: 'auto', attributes: { quote: 'more' } }), 'more');
  });
});

describe('export registry and output paths', () => {
  it('refuses document paths that could leave the output folder', () => {
    for (const bad of ['../x.txt', 'a/../../x.txt', '/etc/passwd', 'C:\\Windows\\x.txt', 'c:x.txt', '\\\\server\\share\\x.txt', 'a\u0000b.txt', '', './', 'a/..']) {
      assert.throws(() => safeRelativePath(bad), UnsafePathError, JSON.stringify(bad));
    }
    assert.equal(safeRelativePath('a\\b/./c.txt'), 'a/b/c.txt');
    assert.equal(replaceExtension('dir.v2/name', '.ann'), 'dir.v2/name.ann');
    assert.equal(replaceExtension('a/.hidden', '.ann'), 'a/.hidden.ann');
    assert.equal(replaceExtension('a/b.txt', '.ann'), 'a/b.ann');
  });

  it('never writes outside the output folder, whatever the document path', () => {
    const doc = (path: string): ExportDocument => ({ path, text: 'Hi', mentions: [] });
    for (const format of EXPORT_FORMATS.filter((f) => f.multiFile)) {
      assert.throws(() => exportDocuments(format.id, [doc('../../outside.txt')]), UnsafePathError, format.id);
    }
  });

  it('refuses two documents that would write the same file', () => {
    const docs: ExportDocument[] = [
      { path: 'a.md', text: 'x', mentions: [] },
      { path: 'a.txt', text: 'y', mentions: [] },
    ];
    assert.throws(() => exportDocuments('brat', docs), /both be exported to a\.(txt|ann)/);
    assert.throws(() => exportDocuments('nope' as never, docs), /unknown export format/);
  });

  it('exports an empty selection to valid, empty files in every format', () => {
    for (const format of EXPORT_FORMATS) {
      const { files, warnings } = exportDocuments(format.id, []);
      assert.deepEqual(warnings, []);
      for (const f of files) if (f.path.endsWith('.json') || f.path.endsWith('.jsonld')) JSON.parse(f.content);
    }
  });
});

describe('HTML report', () => {
  const html = exportDocuments('report-html', sampleDocuments(), { entities: SAMPLE_ENTITIES }).files[0]!;

  it('is one page without script or remote content, with a timeline picture whose items link to their places', () => {
    assert.equal(html.path, 'marginalia-report.html');
    const page = html.content;
    assert.ok(!/<script|javascript:|src=/i.test(page), 'no script, no remote content');
    assert.match(page, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    const svg = page.split('<svg')[1]!.split('</svg>')[0]!;
    const links = [...svg.matchAll(/<a class="mg-item" href="([^"]+)"/g)].map((m) => m[1]);
    // Four dates and two quotes, each linked to its line.
    assert.equal(links.length, 6, svg);
    assert.ok(links.includes('briefings/briefing-crlf.txt#L3'));
    assert.match(page, /<table class="mg-table">/);
  });

  it('lists the documents with titles, and the quotes by treaty and by person with speaker, date and link', () => {
    const page = html.content;
    assert.match(page, /<td><a href="briefings\/briefing-crlf.txt">briefings\/briefing-crlf.txt<\/a><\/td><td>Geneva press briefing<\/td>/);
    const byTreaty = page.split('<h2>Quotes by treaty</h2>')[1]!.split('<h2>')[0]!;
    assert.match(byTreaty, /<h3>New START \(1 quote\)<\/h3><ul><li><strong>Maria Ortega<\/strong>, 3 March 2024 \(2024-03-03\), <a href="briefings\/briefing-crlf.txt#L3">/);
    const byPerson = page.split('<h2>Quotes by person</h2>')[1]!;
    assert.match(byPerson, /<h3>Ivan Petrov \(1 quote\)<\/h3>/);
  });

  it('escapes document text', () => {
    const doc: ExportDocument = { path: 'h.txt', text: 'X said <b onclick=x>hi</b>.', mentions: [] };
    const page = exportDocuments('report-html', [doc]).files[0]!.content;
    assert.ok(page.includes('X said &lt;b onclick=x&gt;hi&lt;/b&gt;.') && !page.includes('<b onclick'));
  });

  it('comes first in the export formats, after the Markdown report', () => {
    assert.deepEqual(EXPORT_FORMATS.slice(0, 2).map((f) => f.id), ['report', 'report-html']);
  });
});
