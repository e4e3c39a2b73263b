/**
 * The thresholds re-anchoring trusts a candidate by (issue 20): context that changed by a third on both sides is
 * not enough to place a quote, exact or changed, and a quote changed beyond the error cap is not looked for.
 * Each case checks first that its construction lands where it means to (the scores between 0.6 and 0.75), so a
 * change to the scoring cannot turn it into a case that passes for another reason.
 */
import * as assert from 'node:assert/strict';
import { reanchor } from '../../../src/core/anchoring/reanchor';
import { contextScore, describeQuote } from '../../../src/core/anchoring/textQuote';
import { annotationOn } from '../sidecar/sidecarTestData';

const TEXT = [
  'The committee heard testimony on the budget for two hours before the recess was called.',
  'Negotiators from both capitals reviewed the Northern Range Protocol during a long session late on Thursday night.',
  'Nobody expected an agreement before the end of the month, officials said.',
].join('\n\n');

/** Two letters in five of `s` changed (a -> b ...): over 32 characters of English, about a third of them. */
function changeThird(s: string): string {
  let letters = 0;
  return [...s].map((c) => (/[a-z]/.test(c) && [1, 3].includes(letters++ % 5) ? String.fromCharCode(((c.charCodeAt(0) - 97 + 1) % 26) + 97) : c)).join('');
}

/** `text` with the 32 characters on each side of `quote` changed by a third, and the quote replaced by `newQuote`. */
function editAround(text: string, quote: string, newQuote = quote): string {
  const at = text.indexOf(quote);
  return text.slice(0, at - 32) + changeThird(text.slice(at - 32, at)) + newQuote + changeThird(text.slice(at + quote.length, at + quote.length + 32)) + text.slice(at + quote.length + 32);
}

/** Asserts that both context sides of the quote at `at` in `edited` score in [0.6, 0.75) against the stored ones. */
function assertBothSidesPartly(edited: string, stored: ReturnType<typeof describeQuote>, at: number, length: number): void {
  const now = describeQuote(edited, at, at + length);
  for (const [side, actual, expected] of [
    ['prefix', now.prefix, stored.prefix],
    ['suffix', now.suffix, stored.suffix],
  ] as const) {
    const score = contextScore(actual, expected);
    assert.ok(score >= 0.6 && score < 0.75, `the ${side} scores ${score.toFixed(2)}, meant to be in [0.6, 0.75)`);
  }
}

describe('re-anchoring thresholds (issue 20)', () => {
  const quote = 'Northern Range Protocol';

  it('an exact quote whose context changed by a third on both sides becomes an orphan', () => {
    const ann = annotationOn(TEXT, quote);
    const edited = editAround(TEXT, quote);
    const at = edited.indexOf(quote);
    assertBothSidesPartly(edited, ann.selectors.quote, at, quote.length);
    const r = reanchor([ann], edited);
    assert.deepEqual(r.placed, []);
    assert.equal(r.orphans[0].reason, 'context-mismatch');
  });

  it('a changed quote whose context changed by a third on both sides becomes an orphan', () => {
    const ann = annotationOn(TEXT, quote);
    const changed = 'Northern Ranges Protocol';
    const edited = editAround(TEXT, quote, changed);
    const at = edited.indexOf(changed);
    assertBothSidesPartly(edited, ann.selectors.quote, at, changed.length);
    const r = reanchor([ann], edited);
    assert.deepEqual(r.placed, []);
    assert.equal(r.orphans[0].reason, 'context-mismatch');
  });

  it('the same changes with the context intact are placed (the cases above fail on the context alone)', () => {
    const ann = annotationOn(TEXT, quote);
    const exact = reanchor([ann], TEXT.replace('committee', 'commission'));
    assert.equal(exact.orphans.length, 0);
    const fuzzy = reanchor([ann], TEXT.replace(quote, 'Northern Ranges Protocol'));
    assert.equal(fuzzy.placed[0]?.status, 'fuzzy');
  });

  it('a quote changed in a fifth of its characters is placed, in more is an orphan even with its context intact', () => {
    const ann = annotationOn(TEXT, quote);
    // 23 characters: 4 changed is within a fifth, 5 is not.
    const four = TEXT.replace(quote, 'Nerthorn Rango Pritocol');
    const five = TEXT.replace(quote, 'Nerthorn Rango Pritocal');
    const placed = reanchor([ann], four);
    assert.equal(placed.placed[0]?.status, 'fuzzy');
    assert.equal(four.slice(placed.placed[0].start, placed.placed[0].end), 'Nerthorn Rango Pritocol');
    const lost = reanchor([ann], five);
    assert.deepEqual(lost.placed, []);
    assert.equal(lost.orphans[0].reason, 'quote-not-found');
  });
});

describe('re-anchoring, the work per quote (issue 15)', () => {
  // A long text: a changed quote is looked for near where it was, never in the whole text.
  const filler = 'Officials met again to go over the schedule for the next round of talks. '.repeat(400);
  const text = `${TEXT}\n\n${filler}`;
  const ann = annotationOn(text, 'Northern Range Protocol');

  it('finds a changed quote near where it was, and not one changed and moved far away', () => {
    const inPlace = text.replace('Northern Range Protocol', 'Northern Ranges Protocol');
    const near = reanchor([ann], inPlace);
    assert.equal(inPlace.slice(near.placed[0]?.start, near.placed[0]?.end), 'Northern Ranges Protocol');
    const paragraphs = TEXT.split('\n\n');
    const far = `${paragraphs[0]}\n\n${paragraphs[2]}\n\n${filler}\n\n${paragraphs[1].replace('Northern Range Protocol', 'Northern Ranges Protocol')}`;
    const lost = reanchor([ann], far);
    assert.deepEqual(lost.placed, []);
    assert.equal(lost.orphans[0].reason, 'quote-not-found');
  });
});
