import * as assert from 'node:assert/strict';
import { memoized } from '../../../src/core/recognizers/boundedMemo';

/** A Map that counts its look-ups (`get` and `has`). */
class CountingMap<K, V> extends Map<K, V> {
  lookups = 0;
  override get(key: K): V | undefined {
    this.lookups++;
    return super.get(key);
  }
  override has(key: K): boolean {
    this.lookups++;
    return super.has(key);
  }
}

describe('analysis: memoized values', () => {
  it('computes a value once, and looks a known key up once when its value is defined', () => {
    const memo = new CountingMap<string, number>();
    let computed = 0;
    const length = (s: string) => (computed++, s.length);
    assert.equal(memoized(memo, 'Ryabkov', length), 7);
    memo.lookups = 0;
    assert.equal(memoized(memo, 'Ryabkov', length), 7);
    assert.equal(computed, 1);
    assert.equal(memo.lookups, 1);
  });

  it('keeps undefined as a value: it is not computed again', () => {
    const memo = new Map<string, number | undefined>();
    let computed = 0;
    const never = () => (computed++, undefined);
    assert.equal(memoized(memo, '32/13/2023', never), undefined);
    assert.equal(memoized(memo, '32/13/2023', never), undefined);
    assert.equal(computed, 1);
  });

  it('empties the memo when it reaches its limit', () => {
    const memo = new Map<number, number>();
    for (let i = 0; i < 5; i++) memoized(memo, i, (k) => k * 2, 4);
    assert.deepEqual([...memo], [[4, 8]]);
  });
});
