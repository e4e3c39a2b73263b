import * as assert from 'node:assert/strict';
import { keystrokeDelay } from '../../../src/features/keystrokeDelay';

describe('the delay before a keystroke updates the document', () => {
  it('is none for a key after a quiet spell: a lone keystroke is not kept waiting', () => {
    assert.equal(keystrokeDelay(10, Infinity), 0, 'the first change of a document');
    assert.equal(keystrokeDelay(10, 120), 0, 'typing at an ordinary pace');
    assert.equal(keystrokeDelay(25, 26), 0);
  });

  it('is the debounce for a key that follows the last change within it, so a burst updates once', () => {
    assert.equal(keystrokeDelay(10, 3), 10, 'auto-repeat or a paste\'s follow-up edits');
    assert.equal(keystrokeDelay(25, 25), 25);
    assert.equal(keystrokeDelay(5, 0), 5, 'several changes of one edit');
  });
});
