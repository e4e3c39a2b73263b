import * as assert from 'node:assert/strict';
import { exportBrat, spanFragments } from '../../../src/core/export/bratExport';
import { OffsetConverter } from '../../../src/core/export/offsets';
import { prepareDocuments } from '../../../src/core/export/prepare';
import type { ExportMention } from '../../../src/core/export/types';
import { parseBratAnn } from '../../../src/core/import/bratImport';
import { SAMPLE_ENTITIES, sampleDocuments } from '../../fixtures/export/sampleDocuments';

function file(files: { path: string; content: string }[], path: string): string {
  const f = files.find((x) => x.path === path);
  assert.ok(f, `no ${path} in ${files.map((x) => x.path).join(', ')}`);
  return f.content;
}

/** What a round trip must keep: everything brat can carry. */
function essence(m: ExportMention) {
  return { kind: m.kind, label: m.kind === 'custom' ? m.label : undefined, start: m.start, end: m.end, text: m.text, entityId: m.entityId, value: m.value, note: m.note?.replace(/\r\n|[\r\n\t]/g, ' '), attributes: m.attributes };
}

describe('brat standoff export and import', () => {
  const docs = sampleDocuments();
  const { files } = exportBrat(docs, { entities: SAMPLE_ENTITIES });

  it('copies each text byte for byte (CRLF kept) beside its .ann', () => {
    assert.equal(file(files, 'briefings/briefing-crlf.txt'), docs[0]!.text);
    assert.ok(file(files, 'briefings/briefing-crlf.txt').includes('\r\n'));
    assert.equal(file(files, 'notes-lf.txt'), docs[1]!.text);
  });

  it('writes T lines in code points whose text is the code-point slice of the .txt (every fragment re-checked)', () => {
    for (const doc of docs) {
      const ann = file(files, doc.path.replace(/\.txt$/, '.ann'));
      const txt = file(files, doc.path);
      const cps = Array.from(txt);
      const tLines = ann.split('\n').filter((l) => l.startsWith('T'));
      assert.ok(tLines.length > 0);
      for (const line of tLines) {
        const [, head, quoted] = line.split('\t') as [string, string, string];
        const pieces = head.split(' ').slice(1).join(' ').split(';').map((p) => p.split(' ').map(Number) as [number, number]);
        assert.equal(pieces.map(([s, e]) => cps.slice(s, e).join('')).join(' '), quoted, line);
        for (const [s, e] of pieces) assert.ok(!/[\r\n]/.test(cps.slice(s, e).join('')), `fragment with a line break: ${line}`);
      }
    }
  });

  it('writes a span crossing a line break as discontinuous fragments', () => {
    const ann = file(files, 'briefings/briefing-crlf.ann');
    const text = docs[0]!.text;
    const c = new OffsetConverter(text);
    const s = text.indexOf('Intermediate');
    const lineEnd = text.indexOf('\r\n', s);
    const e = text.indexOf('Treaty still') + 'Treaty'.length;
    const expected = `treaty ${c.toCodePoints(s)} ${c.toCodePoints(lineEnd)};${c.toCodePoints(lineEnd + 2)} ${c.toCodePoints(e)}\tIntermediate-Range Nuclear Forces Treaty`;
    assert.ok(ann.includes(expected), ann);
    assert.deepEqual(spanFragments('ab\r\n\ncd', 0, 7), [[0, 2], [5, 7]]);
  });

  it('declares every type and attribute it uses in annotation.conf', () => {
    const conf = file(files, 'annotation.conf');
    const entities = conf.split('[entities]')[1]!.split('[relations]')[0]!.split('\n').filter((l) => l && !l.startsWith('#'));
    for (const f of files.filter((x) => x.path.endsWith('.ann'))) {
      for (const line of f.content.split('\n').filter((l) => l.startsWith('T'))) {
        assert.ok(entities.includes(line.split('\t')[1]!.split(' ')[0]!), line);
      }
    }
    assert.match(conf, /^precision\tArg:date, Value:day$/m);
    assert.match(conf, /<OVERLAP>/);
  });

  it('round-trips: export then import gives the same annotations', () => {
    const prepared = prepareDocuments(docs, {}, []);
    for (const [i, doc] of docs.entries()) {
      const imported = parseBratAnn(file(files, doc.path.replace(/\.txt$/, '.ann')), file(files, doc.path));
      assert.deepEqual(imported.problems, []);
      assert.deepEqual(imported.mentions.map(essence), prepared[i]!.mentions.map(essence));
      assert.ok(imported.mentions.every((m) => m.source === 'manual'));
    }
  });

  it('manual-only export keeps only the user\'s annotations', () => {
    const manual = exportBrat(docs, { manualOnly: true }).files;
    const ann = file(manual, 'briefings/briefing-crlf.ann');
    assert.equal(ann.split('\n').filter((l) => l.startsWith('T')).length, 3);
    assert.ok(!ann.includes('MS. ORTEGA'));
  });

  it('leaves out attribute values brat cannot hold, reporting each attribute once', () => {
    const text = 'Ryabkov and Lavrov spoke.';
    const mention = (start: number, end: number) => ({ kind: 'speaker' as const, start, end, text: text.slice(start, end), source: 'auto' as const, attributes: { role: 'Deputy Minister', rule: 'speech-verb' } });
    const { files, warnings } = exportBrat([{ path: 'r.txt', text, mentions: [mention(0, 7), mention(12, 18)] }]);
    assert.deepEqual(warnings, ["attribute 'role' left out of 2 annotation(s): brat attribute values must be one token (letters, digits, _ . : + -)"]);
    assert.equal(file(files, 'r.ann').split('\n').filter((l) => l.startsWith('A')).length, 2);
  });

  it('import refuses T lines whose offsets do not give their text, and reports what it cannot use', () => {
    const text = 'Hi \u{1F600} Bob said.\n';
    const ann = [
      'T1\tspeaker 5 8\tBob', // code points: "Bob" starts at 5 (the emoji counts once)
      'T2\tspeaker 6 9\tBob', // UTF-16 numbers: wrong in brat units
      'T3\tOrganisation 0 2\tHi',
      'R1\tSaid Arg1:T1 Arg2:T3',
      '#1\tAnnotatorNotes T9\tdangling',
      'A1\t__proto__ T1 x',
      '',
    ].join('\n');
    const { mentions, problems, refused } = parseBratAnn(ann, text);
    assert.deepEqual(
      mentions.map((m) => [m.kind, m.label, m.start, m.end, m.text]),
      [
        ['speaker', undefined, 6, 9, 'Bob'],
        ['custom', 'Organisation', 0, 2, 'Hi'],
      ],
    );
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems.join('\n'), /T2: the text at 6 9/);
    // A name the sidecar reader refuses makes the whole file unusable, not one skipped line.
    assert.deepEqual(refused, ["line 6: the attribute name '__proto__' is not allowed (a sidecar refuses '__proto__', 'constructor', 'prototype', '<<'); rename it"]);
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });
});
