import * as assert from 'node:assert/strict';
import { emptySidecar, type Annotation } from '../../../src/core/model/annotation';
import { attributeKeyProblem, FORBIDDEN_KEYS, parseAttributes } from '../../../src/core/model/attributes';
import { createAnnotation, updateAnnotation } from '../../../src/core/sidecar/annotationEdits';
import { writeCanonical } from '../../../src/core/sidecar/canonicalFormat';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { T0 } from '../sidecar/sidecarTestData';

describe('annotation attributes typed in one line', () => {
  it('reads key=value pairs separated by semicolons, values with spaces and = kept', () => {
    assert.deepEqual(parseAttributes('role=Deputy Foreign Minister; source = TASS ;url=a=b'), {
      role: 'Deputy Foreign Minister',
      source: 'TASS',
      url: 'a=b',
    });
  });

  it('takes an empty line as no attributes and Escape (no input) as no change', () => {
    assert.deepEqual(parseAttributes('  ;  '), {});
    assert.equal(parseAttributes(undefined), undefined);
  });

  it('refuses a pair without a key or with a key that is not a name', () => {
    assert.equal(parseAttributes('=value'), undefined);
    assert.equal(parseAttributes('just text'), undefined);
    assert.equal(parseAttributes('1st=x'), undefined);
    assert.equal(parseAttributes('__proto__=x'), undefined);
  });
});

describe('attribute names: one rule for every writer and the sidecar reader', () => {
  const text = 'Sergey Ryabkov said so.';
  const ctx = { now: T0 };

  it('refuses, when typed, the names the sidecar reader refuses', () => {
    for (const key of FORBIDDEN_KEYS) assert.equal(parseAttributes(`role=x; ${key}=y`), undefined, key);
  });

  it('refuses them when the editor or the CLI builds or edits an annotation, so nothing unloadable is saved', () => {
    for (const key of FORBIDDEN_KEYS) {
      assert.throws(() => createAnnotation(text, 0, 6, { kind: 'speaker', attributes: { [key]: 'x' } }, ctx), /not allowed/, key);
      const a = createAnnotation(text, 0, 6, { kind: 'speaker' }, ctx);
      assert.throws(() => updateAnnotation(a, { attributes: { role: 'x', [key]: 'y' } }, ctx), /not allowed/, key);
    }
  });

  it('loads back every name it allows and refuses every name it does not', () => {
    for (const key of [...FORBIDDEN_KEYS, 'role', 'a b', 'x:y', '"q"', 'é', '-', '1st', '#c']) {
      const attributes = Object.fromEntries([[key, 'v']]) as Record<string, string>;
      const annotation: Annotation = { ...createAnnotation(text, 0, 6, { kind: 'speaker' }, ctx), attributes };
      const parsed = parseSidecar(writeCanonical({ ...emptySidecar(), annotations: [annotation] }));
      assert.equal(parsed.ok, attributeKeyProblem(key) === undefined, key);
    }
  });
});
