import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { writeCanonical } from '../../../src/core/sidecar/canonicalFormat';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { sidecarArb } from './sidecarTestData';

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'schemas', 'sidecar.schema.json'), 'utf8')) as object;
const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'sidecar');

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
});
