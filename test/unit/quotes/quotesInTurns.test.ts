import * as assert from 'node:assert/strict';
import { quoteLines as quotes } from '../../support/quoteLines';

describe('quotes: the words of others inside a turn or a bylined statement', () => {
  it('carves a direct quotation the speaker attributes to someone the turn names out of the turn', () => {
    const text = 'MR. HARTLEY: We agree. Secretary Dana Whitfield said: "Nobody wins an arms race." That is our view.\nQUESTION: Why?\n';
    assert.deepEqual(quotes(text), ['Hartley: We agree. Secretary Dana Whitfield said:', 'Dana Whitfield: Nobody wins an arms race.', 'Hartley: That is our view.']);
  });

  it('carves a quotation out of a bylined statement, whose words go on after it', () => {
    const text =
      'Remarks at the First Committee\n\nMarcie B. Ries\nDeputy Assistant Secretary\nNew York City\nOctober 15, 2010\n\nThank you, Mr. Chairman. As President Barack Obama said in Prague, "one nuclear weapon would be a catastrophe."\n\nWe urge all states to support it.\n';
    assert.deepEqual(quotes(text), [
      'Marcie B. Ries: Thank you, Mr. Chairman. As President Barack Obama said in Prague,',
      'Barack Obama: one nuclear weapon would be a catastrophe.',
      'Marcie B. Ries: We urge all states to support it.',
    ]);
  });

  it('keeps the turn whole when it reports in its own words, or quotes its speaker or an unnamed source', () => {
    const text =
      'MR. HARTLEY: As President Barack Obama said in Prague, one weapon would be a catastrophe. As I said, "we remain committed." Officials said the talks would resume.\nQUESTION: When?\n';
    assert.deepEqual(quotes(text), ['Hartley: As President Barack Obama said in Prague, one weapon would be a catastrophe. As I said, "we remain committed." Officials said the talks would resume.']);
  });
});

describe('quotes: bylined remarks', () => {
  it('reads a role line after a blank line, and ends the remarks where questions and answers begin', () => {
    const text =
      'Remarks at a Press Stakeout\n\nAmbassador Marcie Ries\n\nPermanent Representative\nNew York\nMay 2, 2019\n\nGood afternoon. We have just met the Council and we urge restraint.\n\nThank you.\n\nQuestion: Will there be a vote?\n\nAmbassador Ries: We hope so.\n';
    assert.deepEqual(quotes(text), ['Marcie Ries: Good afternoon. We have just met the Council and we urge restraint.\n\nThank you.', 'Marcie Ries: We hope so.']);
  });

  it('takes no office header for a byline, and no header notes before the first turn for remarks', () => {
    const text =
      'The White House\nOffice of the Press Secretary\nFor Immediate Release\n\nBackground briefing by a senior official on the call.\n\nSENIOR ADMINISTRATION OFFICIAL: Good morning. We will take questions.\n';
    assert.deepEqual(quotes(text), []);
  });
});

describe('quotes: a role label\'s speaker', () => {
  it('never gives `THE PRESIDENT:` to a president its own turns name: with no other holder, the label is the speaker', () => {
    const text = 'THE PRESIDENT: Good morning. I just spoke with President Dmitry Medvedev, and we agreed on a treaty.\nQUESTION: When will you sign?\nTHE PRESIDENT: Next month.\n';
    assert.deepEqual(quotes(text), ['The President: Good morning. I just spoke with President Dmitry Medvedev, and we agreed on a treaty.', 'The President: Next month.']);
  });
});

describe('quotes: pull quotes and questioners in interviews', () => {
  it('takes a pull quote a dash caption closes as its own quote, ending the turn it interrupts', () => {
    const text =
      'Reporter: What about oil?\n\nShimon Peres: No. Look, the new age is unprecedented.\n\n"I say brains is the greater producer of wealth, not oil." — Peres, on whether oil matters\n\nReporter: Thank you.';
    assert.deepEqual(quotes(text), ['Shimon Peres: No. Look, the new age is unprecedented.', 'Shimon Peres: I say brains is the greater producer of wealth, not oil.']);
  });

  it('ends a turn at a `Reporter:` or `Interviewer:` label, whose questions are nobody\'s quotes', () => {
    const text = 'MR. HARTLEY: We remain committed.\n\nReporter: Will you sign?\n\nMR. HARTLEY: Not this week.\n\nInterviewer: Thank you.\n';
    assert.deepEqual(quotes(text), ['Hartley: We remain committed.', 'Hartley: Not this week.']);
  });

  it('finds anonymous answer labels on any line, among lines with no colon and lines with several', () => {
    const text =
      'An interview with Dr. Jane Holt, at 10:30 on Monday.\nNo colon on this line\nQ: Is the treaty alive at 9:15 today?\nA: It is: both sides comply.\n**Q:** And next year?\n  A: We will see: talks resume in May.\n';
    assert.deepEqual(quotes(text), ['Jane Holt: It is: both sides comply.', 'Jane Holt: We will see: talks resume in May.']);
  });
});
