import * as assert from 'node:assert/strict';
import type { Lexicon } from '../../../src/core/lexicon/lexicon';
import { links, spans, treaties } from './helpers';

const EMPTY: Lexicon = { people: [], treaties: [] };

describe('treaties: names not in the lexicon', () => {
  it('tags a capitalised run before a head noun, with a generated id', () => {
    assert.deepEqual(links('Both sides ratified the Northern Lakes Treaty last week.'), [['Northern Lakes Treaty', 'treaty:northern-lakes-treaty']]);
  });

  it('knows the head nouns Agreement, Accord(s), Convention and Protocol', () => {
    assert.deepEqual(spans('the Harbour Agreement, the Valley Accords, the Ice Shelf Convention and the Lisbon Protocol', { lexicon: EMPTY }), [
      'Harbour Agreement',
      'Valley Accords',
      'Ice Shelf Convention',
      'Lisbon Protocol',
    ]);
  });

  it('tags "Treaty on ..." and "Agreement on ..." with their capitalised complement', () => {
    assert.deepEqual(spans('They left the Treaty on Fishing Rights in the Northern Seas, and the Interim Agreement on Coastal Arms.', { lexicon: EMPTY }), [
      'Treaty on Fishing Rights in the Northern Seas',
      'Interim Agreement on Coastal Arms',
    ]);
  });

  it('keeps a complement opened by "between" across "and the"', () => {
    assert.deepEqual(spans('the Treaty between the Kingdom of Norland and the Republic of Sudmark on Border Rivers was signed', { lexicon: EMPTY }), [
      'Treaty between the Kingdom of Norland and the Republic of Sudmark on Border Rivers',
    ]);
  });

  it('stops at "and the" otherwise, and at punctuation', () => {
    assert.deepEqual(spans('the Treaty on Open Waters and the United Nations, the Treaty of Ghent—signed in 1814', { lexicon: EMPTY }), [
      'Treaty on Open Waters',
      'Treaty of Ghent',
    ]);
  });

  it('drops sentence openers and determiners from the front of a run', () => {
    assert.deepEqual(spans('Under the Harbour Agreement, ships may pass. This Agreement is old. The Treaty says so.', { lexicon: EMPTY }), ['Harbour Agreement']);
  });

  it('needs a naming word: "Soviet-American Treaty" or "Peace Treaty" alone is a description', () => {
    assert.deepEqual(spans('a Soviet-American Treaty and a Bilateral Agreement, then a Peace Treaty', { lexicon: EMPTY }), []);
  });

  it('tags Acts only as Final, Founding or Concluding Acts', () => {
    assert.deepEqual(spans('the Arms Export Control Act, the Inflation Reduction Act and the Vienna Concluding Act', { lexicon: EMPTY }), ['Vienna Concluding Act']);
  });

  it('leaves out party conventions', () => {
    assert.deepEqual(spans('the Democratic National Convention opened', { lexicon: EMPTY }), []);
  });

  it('takes no names from title-case headlines', () => {
    assert.deepEqual(spans('Leaders Sign Historic Arms Agreement In Geneva\nThe text was not published.', { lexicon: EMPTY }), []);
    assert.deepEqual(spans('ARMS PACT EXPIRES\nOfficials To Start Talks On Successor Agreement\n\nThe talks begin.', { lexicon: EMPTY }), []);
  });

  it('links a pattern name to the lexicon when it is a known name in other case ("New Start Treaty")', () => {
    assert.deepEqual(links('It was superseded by New Start Treaty in 2010.'), [['New Start Treaty', 'treaty:new-start']]);
  });
});

describe('treaties: "Full Name (ABBR)"', () => {
  it('tags name and abbreviation as two spans linked to the same treaty', () => {
    assert.deepEqual(links('the Intermediate-Range Nuclear Forces Treaty (INF), which expired'), [
      ['Intermediate-Range Nuclear Forces Treaty', 'treaty:inf'],
      ['INF', 'treaty:inf'],
    ]);
  });

  it('links an abbreviation unknown to the lexicon to the name, and knows it for the rest of the paragraph', () => {
    const found = treaties('the Northern Lakes Treaty (NLT) was signed; the NLT binds both; the NLT Secretariat met.');
    assert.deepEqual(
      found.map((m) => [m.text, m.entityId, m.attributes?.rule]),
      [
        ['Northern Lakes Treaty', 'treaty:northern-lakes-treaty', 'pattern-head'],
        ['NLT', 'treaty:northern-lakes-treaty', 'abbreviation-definition'],
        ['NLT', 'treaty:northern-lakes-treaty', 'defined-abbreviation'],
        ['NLT', 'treaty:northern-lakes-treaty', 'defined-abbreviation'],
      ],
    );
    assert.equal(found[1]?.value, 'Northern Lakes Treaty');
  });

  it('relinks the name to a more specific known abbreviation ("Strategic Arms Reduction Treaty (New START)")', () => {
    assert.deepEqual(links('to extend the Strategic Arms Reduction Treaty (New START), which expires'), [
      ['Strategic Arms Reduction Treaty', 'treaty:new-start'],
      ['New START', 'treaty:new-start'],
    ]);
  });

  it('links a pattern name to the treaty its known abbreviation names', () => {
    assert.deepEqual(links('the Strategic Arms Limitation Treaty (SALT II) of 1979'), [
      ['Strategic Arms Limitation Treaty', 'treaty:salt-ii'],
      ['SALT II', 'treaty:salt-ii'],
    ]);
  });

  it('treats a weapon-class abbreviation in parentheses after its name as the treaty', () => {
    assert.deepEqual(spans('Anti-Ballistic Missile Treaty (ABM) 1972: launchers for ABM interceptor missiles'), ['Anti-Ballistic Missile Treaty', 'ABM']);
  });

  it('takes "Name (ABBR) Treaty" as one name', () => {
    assert.deepEqual(spans('the Northern Lakes (NL) Treaty was signed', { lexicon: EMPTY }), ['Northern Lakes (NL) Treaty']);
  });
});

describe('treaties: parenthesised text that is not an abbreviation of the name', () => {
  it('ignores "(NATO)" after a name it cannot abbreviate, and does not tag NATO later', () => {
    assert.deepEqual(spans('They invoked the Founding Act (NATO) again; NATO met.'), ['Founding Act']);
  });
});

describe('treaties: more shapes met in real texts', () => {
  it('takes names whose words are subjects, not descriptions', () => {
    assert.deepEqual(spans('Moscow proposed a European Security Treaty; members of the Collective Security Treaty met.', { lexicon: EMPTY }), [
      'European Security Treaty',
      'Collective Security Treaty',
    ]);
  });

  it('tags a name after a prefix and hyphen ("post-New START")', () => {
    assert.deepEqual(spans('planning for a post-New START world and a pre-INF balance'), ['New START', 'INF']);
  });

  it('keeps "Status of Forces Agreement" whole', () => {
    assert.deepEqual(spans('They signed a Status of Forces Agreement last year.', { lexicon: EMPTY }), ['Status of Forces Agreement']);
  });
});

describe('treaties: "Name (ABBR) Treaty" with a known abbreviation', () => {
  it('takes the whole name and links it through the lexicon', () => {
    assert.deepEqual(links('The Anti-Ballistic Missile (ABM) Treaty and the Intermediate-Range Nuclear Forces (INF) Treaty are gone.'), [
      ['Anti-Ballistic Missile (ABM) Treaty', 'treaty:abm'],
      ['Intermediate-Range Nuclear Forces (INF) Treaty', 'treaty:inf'],
    ]);
  });
});
