import * as assert from 'node:assert/strict';
import { quoteLines as quotes } from '../../support/quoteLines';

describe('quotes: direct speech', () => {
  it('takes the quotation before or after its attribution, without the marks', () => {
    assert.deepEqual(quotes('"We are ready to talk," Deputy Foreign Minister Sergei Ryabkov said.'), ['Sergei Ryabkov: We are ready to talk,']);
    assert.deepEqual(quotes('\u201cWe are ready to talk,\u201d said Anna Berg.'), ['Anna Berg: We are ready to talk,']);
    assert.deepEqual(quotes('Anna Berg told reporters: "The door is open."'), ['Anna Berg: The door is open.']);
  });

  it('makes two spans of a quotation its attribution interrupts, both the same speaker', () => {
    assert.deepEqual(quotes('Anna Berg spoke first. "We will not wait," she said, "and nor should they."'), [
      'Anna Berg: We will not wait,',
      'Anna Berg: and nor should they.',
    ]);
    assert.deepEqual(quotes('Anna Berg spoke. "It is late,\u201d she said, adding, \u201cBut not too late.\u201d'), ['Anna Berg: It is late,', 'Anna Berg: But not too late.']);
  });

  it('gives a pronoun subject to the person last named, and a role noun to the named speaker with that role', () => {
    const text =
      'Russian Deputy Foreign Minister Sergei Ryabkov said talks were stalled. Ambassador Anatoly Antonov said the embassy was short of staff.\n\n' +
      'The deputy foreign minister explained the delay by the visa dispute. He stressed that Moscow would not move first.';
    assert.deepEqual(quotes(text), [
      'Sergei Ryabkov: talks were stalled',
      'Anatoly Antonov: the embassy was short of staff',
      'Sergei Ryabkov: Moscow would not move first',
    ]);
  });

  it('leaves scare quotes, titles and unnamed sources alone', () => {
    assert.deepEqual(quotes('Anna Berg said Russia has marked its \u201cred lines\u201d clearly.'), ['Anna Berg: Russia has marked its \u201cred lines\u201d clearly']);
    assert.deepEqual(quotes('The West repeats its "peace formula" while Moscow watches. Officials said the talks would resume.'), []);
    assert.deepEqual(quotes('"Nothing has changed," a senior diplomat said.'), []);
  });
});

describe('quotes: indirect speech', () => {
  it('finds `according to` and `quoted … as saying` in a block without a reporting verb, and `quoted` inside a verb phrase', () => {
    // One regex pass finds all three triggers: a block without a verb must still be read for the other two.
    assert.deepEqual(quotes('According to Anna Berg, the talks will resume in May.'), ['Anna Berg: the talks will resume in May']);
    assert.deepEqual(quotes('"We will respond," the magazine quoted Anna Berg as saying.'), ['Anna Berg: We will respond,']);
    assert.deepEqual(quotes('Anna Berg spoke. "We are ready," she was quoted as saying.'), ['Anna Berg: We are ready,']);
  });

  it('takes the clause after the verb, after `that`, to the end of the sentence', () => {
    assert.deepEqual(quotes('Anna Berg said on Monday that the treaty would hold until 2026. Then she left.'), ['Anna Berg: the treaty would hold until 2026']);
    assert.deepEqual(quotes('Anna Berg said the US had not responded.'), ['Anna Berg: the US had not responded']);
  });

  it('takes the clause an attribution closes, and the clause after `according to`', () => {
    assert.deepEqual(quotes('Moscow has no illusions about a breakthrough, Anna Berg said at a briefing.'), ['Anna Berg: Moscow has no illusions about a breakthrough']);
    assert.deepEqual(quotes('Anna Berg spoke at length. According to her, the talks will resume in May.'), ['Anna Berg: the talks will resume in May']);
  });

  it('does not take an object noun phrase for a reported clause', () => {
    assert.deepEqual(quotes('Anna Berg noted the importance of verification.'), []);
    assert.deepEqual(quotes('During the talks, Anna Berg told her counterpart about the red lines.'), []);
  });
});

describe('quotes: other constructions of English reported speech', () => {
  it('reads a subject with an apposition, a participle after a comma, and `As X said, …`', () => {
    assert.deepEqual(quotes('Fuad Basya, spokesman for the military, said a warship was deployed.'), ['Fuad Basya: a warship was deployed']);
    assert.deepEqual(quotes('Mahmoud Abbas denied this, saying, "the matter is still being discussed."'), ['Mahmoud Abbas: the matter is still being discussed.']);
    assert.deepEqual(quotes('As President Barack Obama said in Prague, one nuclear weapon would be a catastrophe.'), ['Barack Obama: one nuclear weapon would be a catastrophe']);
  });

  it('takes the quoted label of `called … "…"`, and a clause opened by a pronoun after `announced today`', () => {
    assert.deepEqual(quotes('Barack Obama called the test "highly provocative." Nothing else was said.'), ['Barack Obama: highly provocative.']);
    assert.deepEqual(quotes('Vladimir Putin announced today he would suspend the treaty.'), ['Vladimir Putin: he would suspend the treaty']);
  });
});

describe('quotes: turns', () => {
  it('takes the body of a labelled turn to the next turn, not the turns of role labels or anonymous questioners', () => {
    const text = 'MODERATOR: Welcome. Our first speaker.\nMR. HARTLEY: Thank you. We remain committed.\nQUESTION: Will you sign?\nMR. HARTLEY: Not this week.\n';
    assert.deepEqual(quotes(text), ['Hartley: Thank you. We remain committed.', 'Hartley: Not this week.']);
  });

  it('gives a role label (`THE PRESIDENT:`) to the person the text names with that title', () => {
    const text = 'Remarks by President Joe Biden on arms control.\n\nTHE PRESIDENT: Good afternoon. We will extend the treaty.\n';
    assert.deepEqual(quotes(text), ['Joe Biden: Good afternoon. We will extend the treaty.']);
  });

  it('takes the body of a statement under its author\'s byline as their words', () => {
    const text = 'Remarks at the First Committee\n\nMarcie B. Ries\nDeputy Assistant Secretary\nNew York City\nOctober 15, 2010\n\nAs prepared\n\nThank you, Mr. Chairman. We are pleased to present this resolution.\n\nWe urge all states to support it.\n';
    assert.deepEqual(quotes(text), ['Marcie B. Ries: Thank you, Mr. Chairman. We are pleased to present this resolution.\n\nWe urge all states to support it.']);
  });

  it('gives the answers of a Q/A interview to the interviewee the lead names, never the questions', () => {
    const text = '*An interview with Dr. Ingrid Solberg, a former inspector. Interviewer: Marco Bellini.*\n\n**Q:** What did you do?\n\n**A:** We counted.\n\nQuestion: And then?\n\nAnswer: We compared.';
    assert.deepEqual(quotes(text), ['Ingrid Solberg: We counted.', 'Ingrid Solberg: We compared.']);
  });

  it('gives the answers of a dash-marked interview to the guest a header names, not to the presenter', () => {
    const text = 'Morning Briefing\nPresenter: Anna Kowalczyk. Guest: General (ret.) Pieter van Dam, former adviser.\n\n\u2014 General, is this a surprise?\n\n\u2014 Not at all.\n\n\u2014 Why?\n\n\u2014 Because it was announced.';
    assert.deepEqual(quotes(text), ['Pieter van Dam: Not at all.', 'Pieter van Dam: Because it was announced.']);
  });
});
