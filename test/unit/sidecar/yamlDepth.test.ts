import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { parse, stringify } from 'yaml';
import { yamlTooDeepAt } from '../../../src/core/yamlDepth';

const REPO = path.resolve(__dirname, '..', '..', '..');

/** The nesting depth of a value as YAML sees it: every array or object is a level. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

/** Scalars that look like YAML structure when read carelessly: brackets, dashes, colons, hashes, quotes. */
const trickyText = fc.oneof(
  fc.constantFrom('[', '{', '- x', '? y', 'a: [b', '# not a comment', "it's [sic", 'say "[" twice', '|', '> x', '&a', '!t'),
  fc.string({ unit: fc.constantFrom('[', '{', ']', '}', '-', ':', ' ', '#', "'", '"', '\n', 'a', '|', '>'), maxLength: 12 }),
);

const nested = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    trickyText,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'text', 'x y', '[k]'), tie('node'), { minKeys: 1, maxKeys: 3 }),
  ),
})).node;

describe('YAML nesting read before parsing (src/core/yamlDepth.ts)', () => {
  it('finds nesting past the limit in flow collections, compact entries and indentation, where it happens', () => {
    const flow = `x: ${'['.repeat(40)}${']'.repeat(40)}\n`;
    // The mapping is one level, so the 30th bracket is the 31st level: the first past a limit of 30.
    assert.equal(yamlTooDeepAt(flow, 30), 'x: '.length + 29);
    assert.equal(yamlTooDeepAt(flow, 41), -1);
    assert.ok(yamlTooDeepAt(`x: ${'{a: '.repeat(40)}1${'}'.repeat(40)}\n`, 30) > 0);
    assert.ok(yamlTooDeepAt(`people:\n${'- '.repeat(40)}x\n`, 30) > 0);
    assert.equal(yamlTooDeepAt(`people:\n${'- '.repeat(20)}x\n`, 30), -1);
    const indented = Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    assert.ok(yamlTooDeepAt(indented, 30) > 0);
    assert.equal(yamlTooDeepAt(indented, 41), -1);
    // Flow collections spread over lines, each at the left margin, still add up.
    assert.ok(yamlTooDeepAt(`x:\n${'[\n'.repeat(40)}${']\n'.repeat(40)}`, 30) > 0);
  });

  it('does not count brackets in quoted scalars, block scalars, comments or plain text', () => {
    const many = (line: string) => `marginalia: 1\nannotations:\n${Array.from({ length: 2000 }, () => line).join('\n')}\n`;
    for (const text of [
      many(`  - text: 'a [ { [ quoted'`),
      many(`  - text: "a [ { \\" [ quoted"`),
      many(`  - text: Article [5 of the Treaty {draft`),
      many(`  # [ { [ a comment`),
      `note: |\n${Array.from({ length: 2000 }, () => '  [ { - [').join('\n')}\n`,
      `note: >-\n${Array.from({ length: 2000 }, () => '   - - - - [').join('\n')}\nnext: 1\n`,
      `text: 'one quoted scalar\n${'  [[[[\n'.repeat(500)}'\n`,
    ]) {
      assert.equal(yamlTooDeepAt(text, 10), -1, text.slice(0, 120));
    }
  });

  it('reads any YAML the library writes within two levels above and half below its real depth', () => {
    fc.assert(
      fc.property(nested, fc.constantFrom('any' as const, 'block' as const, 'flow' as const), (value, collectionStyle) => {
        const text = stringify({ root: value }, { collectionStyle, lineWidth: 20, minContentWidth: 0 });
        // The writer folds some escaped multi-line strings into text its own parser reads otherwise; the claim
        // is about YAML as it is read.
        let read: unknown;
        try {
          read = parse(text);
        } catch {
          read = undefined;
        }
        fc.pre(isDeepStrictEqual(read, { root: value }));
        const real = depthOf({ root: value });
        assert.equal(yamlTooDeepAt(text, real + 2), -1, `over by more than two: real ${real}\n${JSON.stringify(text)}`);
        const half = Math.floor(real / 2);
        if (half >= 1) assert.ok(yamlTooDeepAt(text, half - 1) >= 0, `under half: real ${real}\n${JSON.stringify(text)}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a sidecar or lexicon nested 20,000 levels deep from aborting the process on a second reading', function () {
    // Reproduced before the check: the parser's recursion compiled a regular expression at the edge of the
    // stack, and V8 ended the whole process (FATAL ERROR: RegExpCompiler Allocation failed).
    this.timeout(120_000);
    const script = `
      const { parseWorkspaceLexicon } = require('./src/core/lexicon/workspaceLexicon');
      const { parseSidecar } = require('./src/core/sidecar/parseSidecar');
      const deep = '['.repeat(20000) + ']'.repeat(20000);
      const at = (depth, f) => (depth === 0 ? f() : at(depth - 1, f));
      for (let d = 0; d < 400; d += 20) {
        const l = at(d, () => parseWorkspaceLexicon('people: ' + deep + '\\n', 'l.yaml'));
        const s = at(d, () => parseSidecar('marginalia: 1\\nx: ' + deep + '\\n'));
        if (!/nested too deeply/.test(l.problems[0].message) || s.ok || !/nested too deeply/.test(s.problems[0].message)) throw new Error('not refused');
      }
      console.log('survived');`;
    const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: REPO, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr.split('\n').filter((l) => !/^\s*\d+: 0x/.test(l)).slice(0, 12).join('\n'));
    assert.match(run.stdout, /survived/);
  });

  it('passes every sidecar and lexicon the project ships or tests with', () => {
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.(ya?ml)$/.test(e.name)) found.push(full);
      }
    };
    for (const dir of ['samples', 'test/fixtures']) if (fs.existsSync(path.join(REPO, dir))) walk(path.join(REPO, dir));
    assert.ok(found.length >= 5, `few YAML files found: ${found.length}`);
    for (const file of found) assert.equal(yamlTooDeepAt(fs.readFileSync(file, 'utf8'), 12), -1, file);
  });
});
