import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { readCanonical, writeCanonical } from '../../../src/core/sidecar/canonicalFormat';
import { parseSidecar, type ParsedSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { validateSidecar } from '../../../src/core/sidecar/sidecarValidate';
import { yamlToTree } from '../../../src/core/sidecar/sidecarTree';
import { applyEdit } from '../../../src/core/sidecar/sidecarEdits';
import { emptySidecar, type Sidecar } from '../../../src/core/model/annotation';
import { annotationOn, normalized, sidecarArb, T0 } from './sidecarTestData';
import { LineCounter } from 'yaml';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'sidecar');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

function loaded(p: ParsedSidecar): Extract<ParsedSidecar, { ok: true }> {
  if (!p.ok) assert.fail(`expected a successful load, got ${JSON.stringify(p.problems)}`);
  return p;
}

function failed(p: ParsedSidecar): Extract<ParsedSidecar, { ok: false }> {
  if (p.ok) assert.fail('expected the load to fail');
  return p;
}

const TEXT = 'On Thursday, Sergey Ryabkov said the New START treaty was still in force.';

describe('sidecar format', () => {
  it('round-trips any sidecar through its canonical text (property)', () => {
    fc.assert(
      fc.property(sidecarArb, (s) => {
        const text = writeCanonical(s);
        const back = loaded(parseSidecar(text));
        assert.deepEqual(normalized(back.sidecar), normalized(s));
        assert.equal(back.source.form, 'canonical');
        assert.equal(writeCanonical(back.sidecar), text, 'a second write is byte-identical');
      }),
      { numRuns: 300 },
    );
  });

  it('the fast canonical reader and the full yaml reader agree on every canonical text (property)', () => {
    fc.assert(
      fc.property(sidecarArb, (s) => {
        const text = writeCanonical(s);
        const fast = readCanonical(text);
        const lineCounter = new LineCounter();
        const doc = parseDocument(text, { lineCounter, uniqueKeys: true, schema: 'core' });
        assert.deepEqual([...doc.errors, ...doc.warnings], [], 'canonical text is clean YAML');
        const slow = yamlToTree(doc, lineCounter).tree;
        assert.ok(slow);
        const fromSlow = validateSidecar(slow).sidecar;
        assert.deepEqual(normalized(fromSlow as Sidecar), normalized(s), 'yaml reads what was written');
        assert.ok(fast, 'the fast reader accepts every canonical text');
        assert.deepEqual(normalized(validateSidecar(fast).sidecar as Sidecar), normalized(s), 'fast reader reads the same');
      }),
      { numRuns: 300 },
    );
  });

  it('writes sorted by position then id, with stable key order', () => {
    const a1 = annotationOn(TEXT, 'New START', { id: 'a-bbbbbbbbbbbbbbbb', kind: 'treaty' });
    const a2 = annotationOn(TEXT, 'Sergey Ryabkov', { id: 'a-cccccccccccccccc', note: 'deputy foreign minister' });
    const a3 = annotationOn(TEXT, 'Sergey Ryabkov', { id: 'a-aaaaaaaaaaaaaaaa', kind: 'person' });
    const text = writeCanonical({ ...emptySidecar(), annotations: [a1, a2, a3] });
    const ids = [...text.matchAll(/id: (a-\w+)/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['a-aaaaaaaaaaaaaaaa', 'a-cccccccccccccccc', 'a-bbbbbbbbbbbbbbbb']);
    assert.match(text, /^marginalia: 1\nannotations:\n {2}- id: a-aaaaaaaaaaaaaaaa\n {4}kind: person\n {4}created: /);
  });

  it('editing one annotation changes only its lines (canonical file)', () => {
    const a1 = annotationOn(TEXT, 'Thursday', { kind: 'date' });
    const a2 = annotationOn(TEXT, 'Sergey Ryabkov');
    const a3 = annotationOn(TEXT, 'New START', { kind: 'treaty' });
    const before = writeCanonical({ ...emptySidecar(), annotations: [a1, a2, a3] });
    const parsed = loaded(parseSidecar(before));
    const edited = applyEdit(parsed.sidecar, { type: 'putAnnotation', annotation: { ...a2, note: 'checked', modified: '2026-11-23T09:00:00.000Z' } });
    const after = serializeSidecar(edited, parsed.source);
    assert.deepEqual(changedLines(before, after), {
      removed: ['    modified: "2026-11-22T08:00:00.000Z"'],
      added: ['    note: checked', '    modified: "2026-11-23T09:00:00.000Z"'],
    });
  });

  it('reliability #8: comments and unknown keys survive a save; only the edited node changes', () => {
    const original = fixture('with-comments.annotations.yaml').toString('utf8');
    const parsed = loaded(parseSidecar(original));
    assert.equal(parsed.source.form, 'yaml');
    const target = parsed.sidecar.annotations.find((a) => a.id === 'a-ryabkov0000000001');
    assert.ok(target);
    const edited = applyEdit(parsed.sidecar, { type: 'putAnnotation', annotation: { ...target, note: 'confirmed by the transcript' } });
    const after = serializeSidecar(edited, parsed.source);
    for (const kept of ['# Annotations for the briefing', '# reviewed twice', 'reviewer: dana', 'x-workflow:', 'status: draft', '# trailing comment']) {
      assert.ok(after.includes(kept), `kept: ${kept}`);
    }
    const diff = changedLines(original, after);
    assert.deepEqual(diff.removed, ['    note: deputy minister # first guess']);
    assert.deepEqual(diff.added, ['    note: confirmed by the transcript # first guess']);
    const again = loaded(parseSidecar(after));
    assert.equal(again.sidecar.annotations.find((a) => a.id === 'a-ryabkov0000000001')?.note, 'confirmed by the transcript');
  });

  it('reliability #8: an unchanged sidecar serializes to the identical bytes', () => {
    for (const name of ['with-comments.annotations.yaml', 'canonical.annotations.yaml']) {
      const original = fixture(name).toString('utf8');
      const parsed = loaded(parseSidecar(original));
      assert.equal(serializeSidecar(parsed.sidecar, parsed.source), original, name);
    }
  });

  it('adds and removes annotations in a commented file in place, keeping CRLF line ends', () => {
    const original = fixture('with-comments.annotations.yaml').toString('utf8').replace(/\n/g, '\r\n');
    const parsed = loaded(parseSidecar(original));
    const added = annotationOn(TEXT, 'New START', { id: 'a-newstart00000000001', kind: 'treaty' });
    let s = applyEdit(parsed.sidecar, { type: 'putAnnotation', annotation: added });
    s = applyEdit(s, { type: 'removeAnnotation', id: 'a-thursday000000001' });
    const after = serializeSidecar(s, parsed.source);
    assert.ok(!/[^\r]\n/.test(after), 'every line ends in CRLF');
    const back = loaded(parseSidecar(after));
    assert.deepEqual(back.sidecar.annotations.map((a) => a.id).sort(), ['a-newstart00000000001', 'a-ryabkov0000000001']);
    assert.ok(after.includes('# reviewed twice'));
  });

  it('reliability #9: conflict markers are refused before parsing, with the line and a clear message', () => {
    const p = failed(parseSidecar(fixture('conflict.annotations.yaml')));
    assert.equal(p.failure, 'conflict');
    assert.equal(p.problems[0].line, 4);
    assert.match(p.problems[0].message, /conflict markers; resolve the conflict/);
    // Inside a block scalar the markers would parse silently as text: still refused.
    const hidden = 'marginalia: 1\nannotations:\n  - id: a-x\n    note: |\n<<<<<<< HEAD\n      mine\n=======\n      theirs\n>>>>>>> other\n';
    assert.equal(failed(parseSidecar(hidden)).failure, 'conflict');
  });

  it('reliability #10: an alias bomb is refused unexpanded, with one clear line counting the aliases written', () => {
    // How fast is measured in bench/sidecarBench.ts; here: the aliases as written (72) are counted, never the
    // nodes they would expand to (9^8), and the first is named with its line.
    const source = fixture('alias-bomb.annotations.yaml').toString('utf8');
    const written = source.split('\n').flatMap((line) => [...line.matchAll(/\*(\w+)/g)]);
    assert.equal(written.length, 72);
    const p = failed(parseSidecar(source));
    assert.match(p.problems.map((x) => x.message).join('\n'), /aliases are not allowed in a sidecar: 72 found, the first \(\*\w+\)/);
    assert.ok(p.problems.every((x) => x.line > 0), 'the alias problem names its line');
  });

  it('reliability #11: 5,000-deep nesting is a clean load failure', () => {
    for (const deep of [`marginalia: 1\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, `marginalia: 1\nx: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`]) {
      const p = failed(parseSidecar(deep));
      assert.equal(p.failure, 'syntax');
      assert.ok(p.problems.length > 0);
    }
    let block = 'marginalia: 1\nx:\n';
    for (let i = 0; i < 100; i++) block += `${'  '.repeat(i + 1)}k${i}:\n`;
    block += `${'  '.repeat(101)}leaf: 1\n`;
    assert.match(failed(parseSidecar(block)).problems[0].message, /nested deeper than 64 levels/);
  });

  it('reliability #12: __proto__, constructor and << never pollute prototypes', () => {
    const p = parseSidecar(fixture('prototype-pollution.annotations.yaml'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
    const messages = failed(p).problems.map((x) => `${x.line}: ${x.message}`).join('\n');
    assert.match(messages, /the key '__proto__' is not allowed/);
    assert.match(messages, /the key '<<' is not allowed/);
    assert.match(messages, /the key 'constructor' is not allowed/);
  });

  it('reliability #13: duplicate keys, unknown tags and wrong types each fail with file line and problem', () => {
    const cases: [string, number, RegExp][] = [
      ['marginalia: 1\nannotations: []\nannotations: []\n', 3, /unique/],
      ['marginalia: 1\ndocument:\n  title: !secret x\n', 3, /tag/i],
      ['marginalia: 1\ndocument:\n  title: !!binary aGk=\n', 3, /tag/],
      ['marginalia: 1\nannotations:\n  - id: a-1\n    kind: speaker\n    created: "2026-01-01T00:00:00Z"\n    modified: "2026-01-01T00:00:00Z"\n    selectors:\n      position: {start: "10", end: 12}\n      quote: {exact: ab}\n', 8, /start.*whole number/],
      ['marginalia: 1\nannotations:\n  - id: a-1\n    kind: villain\n', 4, /unknown kind 'villain'/],
      ['marginalia: 1\nannotations: {a: 1}\n', 2, /must be a list/],
      ['marginalia: 1\nannotations:\n  - id: a-1\n    kind: speaker\n    created: yesterday\n', 5, /ISO 8601/],
      ['marginalia: "1"\n', 1, /positive whole number/],
      ['title: no version\n', 1, /not a Marginalia sidecar/],
      ['marginalia: 1\n  bad: indent\n', 1, /.+/],
    ];
    for (const [text, line, message] of cases) {
      const p = failed(parseSidecar(text));
      const hit = p.problems.find((x) => x.line === line && message.test(x.message));
      assert.ok(hit, `${JSON.stringify(text)}: expected line ${line} ${message}, got ${JSON.stringify(p.problems)}`);
    }
  });

  it('reliability #13: duplicate annotation ids are an error naming both lines', () => {
    const a = annotationOn(TEXT, 'Thursday', { id: 'a-dup', kind: 'date' });
    const text = writeCanonical({ ...emptySidecar(), annotations: [a] }).replace(/annotations:\n([\s\S]*?)rejections/, (_m, item: string) => `annotations:\n${item}${item}rejections`);
    const p = failed(parseSidecar(text));
    assert.match(p.problems[0].message, /id 'a-dup' is used twice \(first at line 3\)/);
  });

  it('reliability #14: a sidecar over the size cap is refused with a clear message', () => {
    const p = failed(parseSidecar(new Uint8Array(2048), 1024));
    assert.equal(p.failure, 'too-large');
    assert.match(p.problems[0].message, /over the 0\.0 MB limit|over the .* limit/);
  });

  it('refuses a sidecar from a newer Marginalia, and invalid UTF-8', () => {
    const newer = failed(parseSidecar('marginalia: 2\nannotations: []\nfuture: {}\n'));
    assert.equal(newer.failure, 'newer-version');
    assert.match(newer.problems[0].message, /newer Marginalia \(format 2; this version reads format 1\)/);
    assert.equal(failed(parseSidecar(new Uint8Array([0x6d, 0xff, 0xfe, 0x0a]))).failure, 'encoding');
  });

  it('reads a BOM-prefixed file and reference dates as strings', () => {
    const text = '\ufeffmarginalia: 1\ndocument:\n  date: 2022-12-01\n  title: Briefing\n';
    const p = loaded(parseSidecar(new TextEncoder().encode(text)));
    assert.deepEqual(p.sidecar.document, { date: '2022-12-01', title: 'Briefing' });
    assert.deepEqual(p.sidecar.annotations, []);
  });

  it('the committed fixtures are valid and equal what their writers meant', () => {
    const p = loaded(parseSidecar(fixture('canonical.annotations.yaml')));
    assert.equal(p.source.form, 'canonical');
    assert.equal(p.sidecar.annotations.length, 2);
    assert.equal(p.sidecar.rejections.length, 1);
    assert.equal(p.sidecar.annotations[0].created, T0);
  });
});

/** Lines only in `before` and only in `after` (a multiset diff: enough to show what an edit touched). */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const count = (lines: string[]) => lines.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const b = count(before.split(/\r?\n/));
  const a = count(after.split(/\r?\n/));
  const removed: string[] = [];
  const added: string[] = [];
  for (const [l, n] of b) for (let i = 0; i < n - (a.get(l) ?? 0); i++) removed.push(l);
  for (const [l, n] of a) for (let i = 0; i < n - (b.get(l) ?? 0); i++) added.push(l);
  return { removed, added };
}

describe('sidecar format: which reader, and what a save keeps', () => {
  const a1 = annotationOn(TEXT, 'Thursday', { kind: 'date' });
  const a2 = annotationOn(TEXT, 'Sergey Ryabkov');
  const a3 = annotationOn(TEXT, 'New START', { kind: 'treaty' });
  const canonical = writeCanonical({ ...emptySidecar(), annotations: [a1, a2, a3] });

  it('keeps the exact lines of untouched items written in another style (quoted where Marginalia would not quote)', () => {
    const styled = canonical.replace('kind: date', 'kind: "date"').replace('kind: treaty', 'kind: "treaty"');
    const parsed = loaded(parseSidecar(styled));
    assert.equal(parsed.source.form, 'canonical');
    const edited = applyEdit(parsed.sidecar, { type: 'putAnnotation', annotation: { ...a2, note: 'checked' } });
    const after = serializeSidecar(edited, parsed.source);
    assert.deepEqual(changedLines(styled, after), { removed: [], added: ['    note: checked'] });
  });

  it('takes the yaml path for unknown keys or unsorted items, so a save neither drops nor reorders them', () => {
    const extra = canonical.replace('    kind: speaker\n', '    kind: speaker\n    reviewer: dana\n');
    const withExtra = loaded(parseSidecar(extra));
    assert.equal(withExtra.source.form, 'yaml');
    const after = serializeSidecar(applyEdit(withExtra.sidecar, { type: 'putAnnotation', annotation: { ...a1, note: 'n' } }), withExtra.source);
    assert.match(after, /reviewer: dana/);

    const blocks = canonical.split(/(?=  - id: )/);
    const unsorted = [blocks[0], blocks[2], blocks[1], blocks[3]].join('');
    const parsed = loaded(parseSidecar(unsorted));
    assert.equal(parsed.source.form, 'yaml');
    const kept = serializeSidecar(applyEdit(parsed.sidecar, { type: 'putAnnotation', annotation: { ...a3, note: 'n' } }), parsed.source);
    assert.ok(kept.indexOf('Sergey Ryabkov') < kept.indexOf('exact: Thursday'), 'the user order is kept');
  });
});
