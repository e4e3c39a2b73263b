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

  it('splits a sentence period and a possessive off the same word, and keeps the dot of initials and abbreviations', () => {
    const word = (s: string, at = 0) => {
      const t = tokAfter(s, at);
      return t && [t.core, t.lower, t.start, t.end, t.possessive, t.sentenceEnd];
    };
    assert.deepEqual(word("Russia's. Then"), ['Russia', 'russia', 0, 6, true, true]);
    assert.deepEqual(word('Moscow’S said'), ['Moscow', 'moscow', 0, 6, true, false]);
    assert.deepEqual(word('Ryabkov. He'), ['Ryabkov', 'ryabkov', 0, 7, false, true]);
    assert.deepEqual(word('J.F. Kennedy'), ['J.F.', 'j.f.', 0, 4, false, false]);
    assert.deepEqual(word('Mr. Reed'), ['Mr.', 'mr.', 0, 3, false, false]);
    assert.deepEqual(word("said Holm's."), ['said', 'said', 0, 4, false, false]);
    assert.deepEqual(word("said Holm's.", 4), ['Holm', 'holm', 5, 9, true, true]);
    const back = new BlockTokens().before("said Holm's.", 12);
    assert.deepEqual(back && [back.core, back.start, back.end, back.possessive, back.sentenceEnd], ['Holm', 5, 9, true, true]);
  });

  it('answers a word read forward and remembered only where reading back finds that same word', () => {
    const texts = ['President Anna Berg said.', 'ex-President Berg, Jr. said', "Putin. Then Holm's aide", 'U.S. Secretary Olaf Holm—and', "Mr. Reed, the envoy- Holm's. x"];
    // Every start and every limit: a word cut short by the limit is not the word read back.
    for (const s of texts) {
      for (let from = 0; from < s.length; from++) {
        for (let max = from + 1; max <= s.length; max++) assertRememberedAsRead(s, from, max);
      }
    }
  });
});

/** Each word read forward from `from` (up to `max`), remembered at any offset, is what reading back from there finds. */
function assertRememberedAsRead(s: string, from: number, max: number): void {
  for (let t = tokAfter(s, from, max); t !== undefined; t = tokAfter(s, t.end, max)) {
    for (let pos = 0; pos <= s.length; pos++) {
      const tokens = new BlockTokens();
      tokens.remember(s, t, pos);
      assert.deepEqual(tokens.before(s, pos), new BlockTokens().before(s, pos), `${s}: "${t.core}" read from ${from} to ${max}, back from ${pos}`);
    }
  }
}
