import * as assert from 'node:assert/strict';
import { only, speakerTexts } from './helpers';

describe('speakers: captions, attribution lines, joint statements', () => {
  it('the caption closing a pull quote whose quotation marks were lost', () => {
    const block = 'We cannot trust them. The problems did not start yesterday Olena Brandt Deputy Foreign Minister of Nordland';
    const m = only(block, 'Olena Brandt');
    assert.equal(m.attributes?.rule, 'quote-caption');
    assert.equal(m.attributes?.role, 'Deputy Foreign Minister of Nordland');
  });

  it('not a caption: a sentence, a heading, a role before the name', () => {
    assert.deepEqual(speakerTexts('Visa negotiations with the USA'), []);
    assert.deepEqual(speakerTexts('Blinken meets Foreign Minister Lavrov'), []);
    assert.deepEqual(speakerTexts('The meeting was chaired by Olena Brandt, Deputy Foreign Minister.'), []);
  });

  it('an attribution line under a quotation', () => {
    const block = '“We are committed to nothing about Ukraine without Ukraine.”\nSecretary of State Tony Blinken, January 7, 2022';
    const m = only(block, 'Tony Blinken');
    assert.equal(m.attributes?.rule, 'quote-attribution');
    assert.equal(m.attributes?.role, 'Secretary of State');
    assert.deepEqual(speakerTexts('“It is over.”\n— Maria Lind, spokeswoman'), ['Maria Lind']);
    assert.deepEqual(speakerTexts('“It is over.”\nThe talks resumed on Monday in Geneva.'), []);
  });

  it('both authors of a first-person joint statement', () => {
    const block = 'We, President of the Republic of Nordland Anna K. Berg and\nPrime Minister of Sudland Pavel Orlov, note that the talks succeeded.';
    assert.deepEqual(speakerTexts(block), ['Anna K. Berg', 'Pavel Orlov']);
    assert.equal(only(block, 'Pavel Orlov').attributes?.rule, 'joint-statement');
    assert.equal(only(block, 'Pavel Orlov').attributes?.role, 'Prime Minister of Sudland');
    assert.deepEqual(speakerTexts('We, the undersigned, note the progress.'), []);
  });
});
