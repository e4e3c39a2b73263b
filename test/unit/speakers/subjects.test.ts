import * as assert from 'node:assert/strict';
import { only, speakerTexts } from './helpers';

describe('speakers: the subjects English gives a reporting verb', () => {
  it('"X of <country or body>" before the verb', () => {
    assert.deepEqual(speakerTexts('Lena Ortiz of the Republic of Nordland noted that the vote was premature.'), ['Lena Ortiz']);
    assert.deepEqual(speakerTexts('Ambassador Ortiz of Nordland said the text was weak.'), ['Ortiz']);
    assert.deepEqual(speakerTexts('Senator Ruth Alder of Ohio warned against the deal.'), ['Ruth Alder']);
    assert.deepEqual(speakerTexts('The ambassador of Nordland said the text was weak.'), []);
  });

  it('coordinated subjects with appositions, and lists', () => {
    assert.deepEqual(
      speakerTexts('Senators Ruth Alder, Chair of the Committee on Energy, and Paul T. Reyes, Ranking Member of the Committee, released the following statement.'),
      ['Ruth Alder', 'Paul T. Reyes'],
    );
    assert.deepEqual(speakerTexts('Olaf Brandt, Mira Sand and Lena Ortiz said the meeting was useful.'), ['Olaf Brandt', 'Mira Sand', 'Lena Ortiz']);
    assert.deepEqual(speakerTexts('In Nordland, Mira Sand said the meeting was useful.'), ['Mira Sand']);
  });

  it('a relative clause or an apposition between the name and the verb', () => {
    assert.deepEqual(speakerTexts('Olaf Brandt, who met Mira Sand on Monday, said the talks were useful.'), ['Olaf Brandt']);
    assert.deepEqual(speakerTexts('Lena Ortiz, Nordland’s envoy to the conference, said the text was weak.'), ['Lena Ortiz']);
  });

  it('the speaker after "by": remarks by X, a proposal put forward by X, as noted by X', () => {
    assert.equal(only('Remarks by Olaf Brandt at the opening session', 'Olaf Brandt').attributes?.rule, 'by-speaker');
    assert.deepEqual(speakerTexts('The proposal put forward by Mira Sand was rejected.'), ['Mira Sand']);
    assert.deepEqual(speakerTexts('As noted by Foreign Minister Lena Ortiz, the text is weak.'), ['Lena Ortiz']);
    assert.deepEqual(speakerTexts('Concerns raised by Olaf Brandt went unanswered.'), ['Olaf Brandt']);
    assert.deepEqual(speakerTexts('The treaty signed by Olaf Brandt entered into force.'), []);
    assert.deepEqual(speakerTexts('A decision made by Olaf Brandt was reversed.'), []);
  });

  it('a byline at the start of a line', () => {
    assert.deepEqual(speakerTexts('Talks resume in Geneva\nBy Mira Sand\nThe two delegations met.'), ['Mira Sand']);
    assert.deepEqual(speakerTexts('By Monday the talks had resumed.'), []);
  });

  it('names with particles and parts that are elsewhere words ("Un")', () => {
    assert.deepEqual(speakerTexts('Kim Jong Un said the tests would continue.'), ['Kim Jong Un']);
    assert.deepEqual(speakerTexts('The UN said the tests would continue.'), []);
  });

  it('never the person an aide or a spokesman speaks for', () => {
    assert.deepEqual(speakerTexts('An aide to Olaf Brandt said the visit was off.'), []);
    assert.deepEqual(speakerTexts('A spokeswoman for Mira Sand said the visit was off.'), []);
    assert.deepEqual(speakerTexts('President of Nordland Mira Sand said the visit was off.'), ['Mira Sand']);
  });
});

describe('speakers: more of what stands between a subject and its verb', () => {
  it('a manner adverb in -ly', () => {
    assert.deepEqual(speakerTexts('Olaf Brandt and Mira Sand thoroughly discussed the treaty.'), ['Olaf Brandt', 'Mira Sand']);
    assert.deepEqual(speakerTexts('Mira Sand eventually issued a statement on the vote.'), ['Mira Sand']);
  });

  it('a preposition that ended the previous sentence governs no name', () => {
    assert.deepEqual(speakerTexts('The budget was also touched upon. Finance Minister Olaf Brandt briefed the members.'), ['Olaf Brandt']);
  });

  it('the name that ends an aside is not the subject; the one before the aside is', () => {
    assert.deepEqual(speakerTexts('The paper’s Mira Sand, stationed in the port city Nordhavn, reports that aid is slow.'), ['Mira Sand']);
  });

  it('a single word after "the" is a body or a paper, not a person', () => {
    assert.deepEqual(speakerTexts('The Courier had reported that the minister resigned.'), []);
    assert.deepEqual(speakerTexts('According to the Almanac, the economy grew.'), []);
    assert.deepEqual(speakerTexts('The NIEs expressed concern about the programme.'), []);
  });

  it('"asked" and "answered questions" are speech; "quotes X as saying" too; "was clear that"', () => {
    assert.deepEqual(speakerTexts('Olaf Brandt asked the council to act.'), ['Olaf Brandt']);
    assert.deepEqual(speakerTexts('After the vote Mr Brandt answered journalists’ questions.'), ['Brandt']);
    assert.deepEqual(speakerTexts('The Courier quotes Mira Sand as saying: "We are ready."'), ['Mira Sand']);
    assert.deepEqual(speakerTexts('President Sand was very clear that the offer stands.'), ['Sand']);
    assert.deepEqual(speakerTexts('Olaf Brandt was asked about the offer.'), []);
  });
});

describe('speakers: speakers set off by punctuation', () => {
  it('a name after a dash that follows a closing quotation mark', () => {
    assert.deepEqual(speakerTexts('“We have brains.” — Brandt, on the question of oil.'), ['Brandt']);
    assert.deepEqual(speakerTexts('The vote — Brandt said later — was close.'), ['Brandt']);
    assert.deepEqual(speakerTexts('It passed — Nordland and Sweden abstained.'), []);
  });

  it('"according to" a description, then the name between commas', () => {
    assert.deepEqual(speakerTexts('According to the team’s coach, Olaf Brandt, the match was lost.'), ['Olaf Brandt']);
    assert.deepEqual(speakerTexts('According to the ministry, Olaf Brandt left early.'), []);
  });

  it('a name before ", he" (a dislocated subject)', () => {
    assert.deepEqual(speakerTexts('And the head of the alliance, Olaf Brandt, he has explained that it must act.'), ['Olaf Brandt']);
    assert.deepEqual(speakerTexts('We met Olaf Brandt, he explained nothing.'), []);
  });

  it('a weak verb in an "as" clause reports speech', () => {
    assert.deepEqual(speakerTexts('My name is Lena, as Olaf Brandt indicated, and I am the envoy.'), ['Olaf Brandt']);
    assert.deepEqual(speakerTexts('Olaf Brandt indicated the door.'), []);
  });
});

describe('speakers: a surname that is also a place', () => {
  it('after a given name, not as a place name', () => {
    assert.deepEqual(speakerTexts('Foreign Minister Olaf Hague says the vote was close.'), ['Olaf Hague']);
    assert.deepEqual(speakerTexts('New York said the vote was close.'), []);
    assert.deepEqual(speakerTexts('In Geneva, Moscow said the vote was close.'), []);
  });
});
