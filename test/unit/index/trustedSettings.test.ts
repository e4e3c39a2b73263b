import * as assert from 'node:assert/strict';
import { effectiveValue, safeRelativePath } from '../../../src/features/trustedSettings';

describe('Restricted Mode settings', () => {
  const inspected = { defaultValue: 'default', globalValue: 'user', workspaceValue: 'workspace', workspaceFolderValue: 'folder' };

  it('uses the most specific value in a trusted workspace', () => {
    assert.equal(effectiveValue(inspected, true, 'x'), 'folder');
    assert.equal(effectiveValue({ ...inspected, workspaceFolderValue: undefined }, true, 'x'), 'workspace');
  });

  it('ignores workspace and folder values in an untrusted workspace', () => {
    assert.equal(effectiveValue(inspected, false, 'x'), 'user');
    assert.equal(effectiveValue({ defaultValue: 'default', workspaceValue: '../../etc/passwd' }, false, 'x'), 'default');
    assert.equal(effectiveValue(undefined, false, 'x'), 'x');
  });

  it('accepts relative paths inside the folder and refuses every way out', () => {
    assert.equal(safeRelativePath('.marginalia/lexicon.yaml'), '.marginalia/lexicon.yaml');
    assert.equal(safeRelativePath('./data\\lexicon.yaml'), 'data/lexicon.yaml');
    for (const bad of ['', '../lexicon.yaml', 'a/../../b', '/etc/passwd', '\\\\server\\share\\x', 'C:\\x.yaml', 'c:x', 'a\0b', '.', 'a/..']) {
      assert.equal(safeRelativePath(bad), undefined, JSON.stringify(bad));
    }
  });
});
