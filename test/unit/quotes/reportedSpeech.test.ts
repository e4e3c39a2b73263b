import * as assert from 'node:assert/strict';
import { quoteLines as quotes } from '../../support/quoteLines';

describe('quotes: more constructions of English reported speech', () => {
  it('takes a quotation after a short adverbial and a comma or colon (`said recently, "…"`)', () => {
    assert.deepEqual(quotes('As Secretary Dana Whitfield said recently, "Nobody wins an arms race."'), ['Dana Whitfield: Nobody wins an arms race.']);
    assert.deepEqual(quotes('Sergei Ryabkov told reporters in Moscow on Monday: "We are ready."'), ['Sergei Ryabkov: We are ready.']);
  });
});

describe('quotes: infinitive, gerund and request reports', () => {
  it('takes the infinitive or gerund after a verb of commitment or proposal, never a noun phrase', () => {
    assert.deepEqual(quotes('Sergei Ryabkov vowed to challenge the decision in court.'), ['Sergei Ryabkov: to challenge the decision in court']);
    assert.deepEqual(quotes('Vladimir Putin proposed banning all ballistic missiles.'), ['Vladimir Putin: banning all ballistic missiles']);
    assert.deepEqual(quotes('Vladimir Putin proposed a new round of talks. Sergei Ryabkov promised the document.'), []);
  });

  it('takes the addressee and infinitive of a request, not a question about something', () => {
    assert.deepEqual(quotes('Antony Blinken asked the Security Council to condemn the launch.'), ['Antony Blinken: the Security Council to condemn the launch']);
    assert.deepEqual(quotes('Antony Blinken asked about the launch. Antony Blinken asked whether it was legal.'), []);
    // A passive's subject is the addressee: `was asked to comment` reports nothing of theirs.
    assert.deepEqual(quotes('Sergei Ryabkov said talks were over. Later Deputy Foreign Minister Sergei Ryabkov was asked to comment on the report.'), ['Sergei Ryabkov: talks were over']);
  });
});

describe('quotes: participles and nested reports', () => {
  it('gives a participle the subject of its main or coordinated clause, and nothing when that subject is no person', () => {
    // (The quote rules run in texts with a speaker: the first sentence names one.)
    const lead = 'Sergei Ryabkov said the talks were over. ';
    assert.deepEqual(quotes(`${lead}During the talks, President Vladimir Putin rejected the offer, emphasizing that the treaty had expired.`), [
      'Sergei Ryabkov: the talks were over',
      'Vladimir Putin: the treaty had expired',
    ]);
    assert.deepEqual(quotes(`${lead}Reporters expected a deal, but President Vladimir Putin rejected it, saying the treaty had expired.`), [
      'Sergei Ryabkov: the talks were over',
      'Vladimir Putin: the treaty had expired',
    ]);
    assert.deepEqual(quotes(`${lead}The foreign ministry urged restraint, saying the issue should be settled in talks.`), ['Sergei Ryabkov: the talks were over']);
  });

  it('ends a reported clause where another speaker\'s attribution starts inside it', () => {
    assert.deepEqual(quotes('Joe Biden was very clear that allies would be consulted on every step, which President Vladimir Putin said that he understood.'), [
      'Joe Biden: allies would be consulted on every step',
      'Vladimir Putin: he understood',
    ]);
  });
});

describe('quotes: subjects, sources and sentence ends', () => {
  it('reads a title with a complement before the name (`Ambassador to the United States X`)', () => {
    assert.deepEqual(quotes('According to Afghan Ambassador to the United States Hamdullah Mohib, the team shows real progress.'), ['Hamdullah Mohib: the team shows real progress']);
  });

  it('takes what follows `quotes X as saying`, as well as the quotation before `quoted X as saying`', () => {
    assert.deepEqual(quotes('The Daily Telegraph quotes Viktor Yushchenko as saying to deputies: "We have two choices."'), ['Viktor Yushchenko: We have two choices.']);
    assert.deepEqual(quotes('"It is over," the paper quoted Viktor Yushchenko as saying.'), ['Viktor Yushchenko: It is over,']);
  });

  it('takes the quotation before a descriptive noun phrase and the name (`"…," team member X told the press`)', () => {
    assert.deepEqual(quotes('"We are so interested," team member Rodaba Noori told the press, "to show our talent."'), [
      'Rodaba Noori: We are so interested,',
      'Rodaba Noori: to show our talent.',
    ]);
  });

  it('takes a `that` clause after an adverbial a colon closes (`announced on December 4th: that …`)', () => {
    assert.deepEqual(quotes('Secretary Mike Pompeo announced on December 4th: that Russia would be given 60 days.'), ['Mike Pompeo: Russia would be given 60 days']);
  });

  it('ends a sentence at a full stop followed by a reference mark (`close.[4] According to`)', () => {
    assert.deepEqual(quotes('Henry Kissinger said the two sides were close.[4] According to Anatoly Dobrynin, the arsenals were different.[5]'), [
      'Henry Kissinger: the two sides were close',
      'Anatoly Dobrynin: the arsenals were different',
    ]);
  });
});

describe('quotes: a speaker\'s consecutive quoted paragraphs', () => {
  it('gives a paragraph that is one unattributed quotation to the speaker of the quotation closing the paragraph before', () => {
    const text = '"Seventeen years ago, this would not have been possible," said Ambassador Hamdullah Mohib.\n\n"They represent our aspirations and resilience."\n\n"A headline in quotes"\n\nThe team left on Monday.';
    assert.deepEqual(quotes(text), ['Hamdullah Mohib: Seventeen years ago, this would not have been possible,', 'Hamdullah Mohib: They represent our aspirations and resilience.']);
  });
});
