import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptySidecar, type Sidecar } from '../../../src/core/model/annotation';
import { writeCanonical } from '../../../src/core/sidecar/canonicalFormat';
import { parseSidecar, type ParsedSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { applyEdit } from '../../../src/core/sidecar/sidecarEdits';
import { annotationOn } from './sidecarTestData';

const TEXT = 'On Thursday, Sergey Ryabkov said the New START treaty was still in force.';
const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'sidecar');

function problems(p: ParsedSidecar): { line: number; message: string }[] {
  if (p.ok) assert.fail('expected the load to fail');
  return p.problems;
}

/** A canonical sidecar with one annotation carrying a note and attributes: the fast reader's input. */
function canonical(): string {
  const a = annotationOn(TEXT, 'Sergey Ryabkov', { id: 'a-ryabkov', note: 'one', attributes: { role: 'minister', source: 'TASS' } });
  const sidecar: Sidecar = { ...emptySidecar(), document: { title: 'Briefing' }, annotations: [a] };
  const text = writeCanonical(sidecar);
  assert.ok(parseSidecar(text).ok);
  return text;
}

/** `text` with `extra` inserted after the line starting with `after`; and the 1-based number of the new line. */
function insertAfter(text: string, after: string, extra: string): { text: string; line: number } {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(after));
  assert.ok(at >= 0, after);
  lines.splice(at + 1, 0, extra);
  return { text: lines.join('\n'), line: at + 2 };
}

describe('sidecar input that must be refused, not half-read', () => {
  it('a key given twice in one annotation (as a git merge can leave it) is refused with its line, on the fast path too', () => {
    const cases: [string, string][] = [
      ['    note: ', '    note: "two"'],
      ['    kind: ', '    kind: date'],
      ['      role: ', '      role: "deputy"'],
      ['  title: ', '  title: "Other"'],
      ['        exact: ', '        exact: "Sergey"'],
    ];
    for (const [after, extra] of cases) {
      const { text, line } = insertAfter(canonical(), after, extra);
      const found = problems(parseSidecar(text));
      assert.ok(
        found.some((p) => p.line === line && /^the key '\w+' appears twice in one mapping/.test(p.message)),
        `${extra.trim()}: expected line ${line}, got ${JSON.stringify(found)}`,
      );
    }
  });

  it('nesting too deep to parse is one clear line, not "Maximum call stack size exceeded"', () => {
    for (const deep of [`marginalia: 1\nx: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, `marginalia: 1\nx: ${'{a: '.repeat(20000)}1${'}'.repeat(20000)}\n`]) {
      const found = problems(parseSidecar(deep));
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.doesNotMatch(found[0]!.message, /call stack/);
      assert.match(found[0]!.message, /nested too deeply/);
    }
  });

  it('an offset of 1e400 is one clear line with its line number, not "Infinity"', () => {
    const text = canonical().replace(/position: \{start: (\d+), end: \d+\}/, 'position: {start: $1, end: 1e400}');
    const found = problems(parseSidecar(text));
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0]!.line, text.split('\n').findIndex((l) => l.includes('1e400')) + 1);
    assert.match(found[0]!.message, /^the number 1e400 is too large to read/);
  });

  it('a billion-laughs file is one line naming the first alias and the count, not one line per alias', () => {
    const found = problems(parseSidecar(fs.readFileSync(path.join(FIXTURES, 'alias-bomb.annotations.yaml'))));
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0]!.line, 4);
    assert.match(found[0]!.message, /aliases are not allowed in a sidecar: 72 found, the first \(\*a\) here/);
  });

  it('a rewrite keeps the byte order mark of a file that had one, in canonical and commented files alike', () => {
    const added = annotationOn(TEXT, 'New START', { id: 'a-newstart', kind: 'treaty' });
    for (const body of [canonical(), `# checked by hand\n${canonical()}`]) {
      const parsed = parseSidecar(new TextEncoder().encode(`\ufeff${body}`));
      if (!parsed.ok) assert.fail(JSON.stringify(parsed.problems));
      const edited = applyEdit(parsed.sidecar, { type: 'putAnnotation', annotation: added });
      const written = serializeSidecar(edited, parsed.source);
      assert.ok(written.startsWith('\ufeff') && !written.startsWith('\ufeff\ufeff'), JSON.stringify(written.slice(0, 20)));
      assert.ok(written.includes('a-newstart'));
      assert.equal(serializeSidecar(edited, undefined).startsWith('\ufeff'), false, 'a new file gets none');
    }
  });
});
