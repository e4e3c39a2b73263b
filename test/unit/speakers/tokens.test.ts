import * as assert from 'node:assert/strict';
import { tokAfter, tokBefore } from '../../../src/core/recognizers/speakers/tokens';

describe('speakers: word scanning around a trigger', () => {
  it('reads the word before an offset, the same when asked again', () => {
    const s = 'Sergei Ryabkov said.';
    const first = tokBefore(s, 14);
    assert.equal(first?.core, 'Ryabkov');
    assert.equal(tokBefore(s, 14), first);
    assert.equal(tokBefore(s, 14, 14), undefined);
    assert.equal(tokBefore(s, 14)?.core, 'Ryabkov');
  });

  it('answers for the block given, not one read before at the same offset', () => {
    assert.equal(tokBefore('Anna Berg said', 9)?.core, 'Berg');
    assert.equal(tokBefore('Olaf Holm said', 9)?.core, 'Holm');
    // Same length and offset, then back to the first text.
    assert.equal(tokBefore('Anna Berg said', 9)?.core, 'Berg');
    assert.equal(tokAfter('Anna Berg said', 4)?.core, 'Berg');
    assert.equal(tokAfter('Olaf Holm said', 4)?.core, 'Holm');
  });
});
