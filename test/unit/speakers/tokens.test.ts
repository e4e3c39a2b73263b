import * as assert from 'node:assert/strict';
import { BlockTokens, tokAfter } from '../../../src/core/recognizers/speakers/tokens';

describe('speakers: word scanning around a trigger', () => {
  it('reads the word before an offset, the same when asked again', () => {
    const tokens = new BlockTokens();
    const s = 'Sergei Ryabkov said.';
    const first = tokens.before(s, 14);
    assert.equal(first?.core, 'Ryabkov');
    assert.equal(tokens.before(s, 14), first);
    assert.equal(tokens.before(s, 14, 14), undefined);
    assert.equal(tokens.before(s, 14)?.core, 'Ryabkov');
  });

  it('answers for the block given, not one read before at the same offset', () => {
    const tokens = new BlockTokens();
    assert.equal(tokens.before('Anna Berg said', 9)?.core, 'Berg');
    assert.equal(tokens.before('Olaf Holm said', 9)?.core, 'Holm');
    // Same length and offset, then back to the first text.
    assert.equal(tokens.before('Anna Berg said', 9)?.core, 'Berg');
    assert.equal(tokAfter('Anna Berg said', 4)?.core, 'Berg');
    assert.equal(tokAfter('Olaf Holm said', 4)?.core, 'Holm');
  });

  it('keeps what one owner read from another: two analyzers never share answers', () => {
    const a = new BlockTokens();
    const b = new BlockTokens();
    const s = 'Anna Berg said';
    const fromA = a.before(s, 9);
    assert.notEqual(b.before(s, 9), fromA, 'a second owner reads the word itself');
    assert.equal(a.before(s, 9), fromA);
  });
});
