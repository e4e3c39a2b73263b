import * as assert from 'node:assert/strict';
import { parseAttributes } from '../../../src/core/model/attributes';

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
