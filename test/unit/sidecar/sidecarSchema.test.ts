import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { writeCanonical } from '../../../src/core/sidecar/canonicalFormat';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { SIDECAR_SUFFIX } from '../../../src/core/sidecar/sidecarPaths';
import { sidecarArb } from './sidecarTestData';

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'schemas', 'sidecar.schema.json'), 'utf8')) as object;
const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'sidecar');

/** The non-comment lines of a file at the repository root. */
function files(name: string): string[] {
  return fs.readFileSync(path.resolve(__dirname, '..', '..', '..', name), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
}

describe('sidecar JSON Schema (schemas/sidecar.schema.json, for yamlValidation)', () => {
  const validate = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);

  it('accepts every sidecar Marginalia writes (property)', () => {
    fc.assert(
      fc.property(sidecarArb, (s) => {
        const data: unknown = parse(writeCanonical(s));
        assert.ok(validate(data), JSON.stringify(validate.errors));
      }),
      { numRuns: 200 },
    );
  });

  it('accepts the committed fixtures, unknown keys included', () => {
    for (const name of ['canonical.annotations.yaml', 'with-comments.annotations.yaml']) {
      assert.ok(validate(parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'))), `${name}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('rejects what the loader rejects: wrong version, kind, types, forbidden keys', () => {
    const bad = [
      'marginalia: 2\n',
      'marginalia: 1\nannotations:\n  - {id: a-1, kind: villain, created: "2026-01-01", modified: "2026-01-01", selectors: {position: {start: 0, end: 1}, quote: {exact: x}}}\n',
      'marginalia: 1\nannotations:\n  - {id: a-1, kind: date, created: "2026-01-01", modified: "2026-01-01", selectors: {position: {start: "0", end: 1}, quote: {exact: x}}}\n',
      'marginalia: 1\nannotations:\n  - {id: a-1, kind: date, created: yesterday, modified: "2026-01-01", selectors: {position: {start: 0, end: 1}, quote: {exact: x}}}\n',
      'marginalia: 1\nconstructor: {}\n',
      'document: {title: x}\n',
    ];
    for (const text of bad) {
      assert.equal(validate(parse(text)), false, text);
      assert.equal(parseSidecar(text).ok, false, `the loader refuses it too: ${text}`);
    }
  });

  it('is hooked up for every sidecar name the editor writes: yamlValidation matches the suffix and names this schema', () => {
    // A YAML language server (e.g. Red Hat's YAML extension) reads this contribution while a sidecar is edited;
    // none runs offline in the test editor, so the hookup itself is checked here.
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { yamlValidation: Array<{ fileMatch: string; url: string }> };
    };
    const entry = manifest.contributes.yamlValidation.find((v) => v.url === './schemas/sidecar.schema.json');
    assert.ok(entry, 'a yamlValidation entry for the sidecar schema');
    assert.equal(entry.fileMatch, `*${SIDECAR_SUFFIX}`);
    assert.ok(fs.existsSync(path.resolve(__dirname, '..', '..', '..', entry.url)));
    // .vscodeignore leaves everything out but what it lists with `!`: the schemas must be listed.
    assert.ok(files('.vscodeignore').some((pattern) => /^!schemas\/(\*\.json|\*\*)$/.test(pattern)), 'the schema ships in the .vsix');
  });
});
