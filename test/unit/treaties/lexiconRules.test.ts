import * as assert from 'node:assert/strict';
import { links, spans, treaties } from './helpers';

describe('treaties: lexicon names', () => {
  it('tags abbreviations, short names and full names, linking each to its treaty', () => {
    assert.deepEqual(
      links('Both capitals still cite the NPT, the CTBT and the Treaty on the Non-Proliferation of Nuclear Weapons.'),
      [
        ['NPT', 'treaty:npt'],
        ['CTBT', 'treaty:ctbt'],
        ['Treaty on the Non-Proliferation of Nuclear Weapons', 'treaty:npt'],
      ],
    );
  });

  it('gives the canonical short name as value and says which rule and form matched', () => {
    const [m] = treaties('Talks on START-3 resumed.');
    assert.equal(m?.value, 'New START');
    assert.equal(m?.entityId, 'treaty:new-start');
    assert.equal(m?.attributes?.matchedForm, 'START-3');
    assert.equal(m?.attributes?.rule, 'lexicon-abbreviation');
    assert.equal(m?.kind, 'treaty');
    assert.equal(m?.source, 'auto');
  });

  it('includes a following "Treaty"/"treaty" in the span of a name that lacks one', () => {
    assert.deepEqual(spans('The New START Treaty and the START treaty differ; the ABM treaty is gone, the Open Skies treaty too.'), [
      'New START Treaty',
      'START treaty',
      'ABM treaty',
      'Open Skies treaty',
    ]);
  });

  it('matches abbreviations case-sensitively', () => {
    assert.deepEqual(spans('We start again; the Inf and npt files are closed. The INF and the NPT are not.'), ['INF', 'NPT']);
  });

  it('matches the tail of a name in any case but wants its first letter capitalised', () => {
    assert.deepEqual(spans('The Chemical weapons convention binds them; a chemical weapons convention would not be named.'), ['Chemical weapons convention']);
  });

  it('matches an alias written in lower case in any case ("51 open skies missions")', () => {
    assert.deepEqual(spans('They flew 51 open skies missions and more Open Skies flights.'), ['open skies', 'Open Skies']);
  });

  it('keeps acronym words exact inside names: "New Start" is not "New START"', () => {
    assert.deepEqual(spans('A New start for relations, said the host.'), []);
  });

  it('matches a name broken by a line wrap, with the newline inside the span', () => {
    const found = treaties('waiting until New\nSTART is expired, and the Open\n  Skies Treaty');
    assert.deepEqual(
      found.map((m) => m.text),
      ['New\nSTART', 'Open\n  Skies Treaty'],
    );
    assert.equal(found[0]?.entityId, 'treaty:new-start');
  });

  it('treats dashes alike inside words ("Russia–NATO Founding Act")', () => {
    assert.deepEqual(links('at the time of the Russia–NATO Founding Act in 1997'), [['Russia–NATO Founding Act', 'treaty:nato-russia-founding-act']]);
  });

  it('prefers the longest form ("START II" over "START", "Strategic Arms Reduction Treaty II")', () => {
    assert.deepEqual(links('Strategic Arms Reduction Treaty II and then START II, not START I.'), [
      ['Strategic Arms Reduction Treaty II', 'treaty:start-ii'],
      ['START II', 'treaty:start-ii'],
      ['START I', 'treaty:start-i'],
    ]);
  });

  it('tags modifier uses that refer to the treaty', () => {
    assert.deepEqual(spans('China is an NPT nuclear weapons state.'), ['NPT']);
    assert.deepEqual(spans('They met before the NPT Review Conference.'), ['NPT']);
    assert.deepEqual(spans('The deregulation of the START sphere began.'), ['START']);
    assert.deepEqual(spans('U.S. Open Skies observation missions began.'), ['Open Skies']);
  });

  it('leaves an abbreviation alone inside a longer word or a shouted headline', () => {
    assert.deepEqual(spans('A JUMP-START for the NPTs and NPT-like rules.'), []);
    assert.deepEqual(spans('LEADERS TO START TALKS ON ARMS\nThe talks begin today.'), []);
  });
});

describe('treaties: what is not a treaty', () => {
  it('leaves generic and anaphoric references untagged', () => {
    assert.deepEqual(spans('The treaty lapsed. Under the Treaty, and this Treaty, the agreement and draft treaties are void.'), []);
  });

  it('does not take the missile class INF for the treaty', () => {
    const text =
      'They may deploy INF in Europe. Previously banned INF ground-based missiles came back, and ground-based INF ' +
      'appeared. INF missiles and the deployment of INF worry them; INF-range systems too.';
    assert.deepEqual(spans(text), []);
  });

  it('still tags INF where it names the treaty', () => {
    assert.deepEqual(spans('Since the INF does not exist, nothing can restore the INF in its old form; the INF Treaty ended.'), [
      'INF',
      'INF',
      'INF Treaty',
    ]);
  });

  it('does not take ABM systems for the ABM Treaty', () => {
    assert.deepEqual(spans('Each side could deploy ABM interceptors at one site with an ABM system, under the ABM Treaty.'), ['ABM Treaty']);
  });

  it('leaves out the Open Skies proposal, concept and conference', () => {
    assert.deepEqual(spans('the OPEN SKIES proposal, the Open Skies concept, an Open Skies conference in Ottawa'), []);
  });

  it('leaves out organisations and bodies named after treaties', () => {
    assert.deepEqual(spans('the North Atlantic Treaty Organisation, the NATO-Russia Council and the Bilateral Consultative Commission'), []);
    assert.deepEqual(spans('the Collective Security Treaty Organization met'), []);
  });

  it('leaves out domestic laws and programmes', () => {
    assert.deepEqual(spans('the Fiscal Year 2020 National Defense Authorization Act and the Strategic Defense Initiative'), []);
  });
});

describe('treaties: abbreviations of talks and bodies', () => {
  it('does not take "(SALT)" after "Talks", nor "SALT talks", for the agreement', () => {
    assert.deepEqual(spans('The Strategic Arms Limitation Talks (SALT) began in 1969; SALT talks went on; SALT I was signed in 1972.'), ['SALT I']);
  });

  it('links short forms of official names ("Treaty on the Limitation of Anti-Ballistic Missile Systems")', () => {
    assert.deepEqual(links('the Treaty on the Limitation of Anti-Ballistic Missile Systems of 1972'), [['Treaty on the Limitation of Anti-Ballistic Missile Systems', 'treaty:abm']]);
  });
});

describe('treaties: house styles that lower-case acronyms', () => {
  it('takes "New Start treaty" and "the Start treaty" but not "a New Start"', () => {
    assert.deepEqual(links('The New Start treaty lapsed; the Start treaty came first. A New Start for relations.', { date: '2026-02-06' }), [
      ['New Start treaty', 'treaty:new-start'],
      ['Start treaty', 'treaty:new-start'],
    ]);
  });
});
