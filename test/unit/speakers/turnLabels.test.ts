import * as assert from 'node:assert/strict';
import { speakers, speakerTexts } from './helpers';

describe('speakers: transcript turn labels', () => {
  it('tags capitalised labels without the colon, non-breaking space after the colon included', () => {
    assert.deepEqual(speakerTexts('MS. PSAKI:  Thanks, everyone.'), ['MS. PSAKI']);
    assert.deepEqual(speakerTexts('MR. KIRBY:\u00a0 Yeah.'), ['MR. KIRBY']);
    assert.deepEqual(speakerTexts('MR PATEL: We have nothing to add.'), ['MR PATEL']);
    assert.deepEqual(speakerTexts('SECRETARY BLINKEN: Good afternoon.'), ['SECRETARY BLINKEN']);
    assert.deepEqual(speakerTexts('MS. JEAN-PIERRE: Go ahead.'), ['MS. JEAN-PIERRE']);
    assert.deepEqual(speakerTexts('MODERATOR: Over to you.'), ['MODERATOR']);
    assert.deepEqual(speakerTexts('SENIOR ADMINISTRATION OFFICIAL: Thanks.'), ['SENIOR ADMINISTRATION OFFICIAL']);
  });

  it('finds a label at every line start of a block and names the rule', () => {
    const found = speakers('Q: Is there a plan?\nMS. HALE: Not yet.\nQ: When?\nMS. HALE: Soon.');
    assert.deepEqual(found.map((m) => m.text), ['MS. HALE', 'MS. HALE']);
    assert.ok(found.every((m) => m.attributes?.rule === 'turn-label'));
  });

  it('tags a mixed-case name label', () => {
    assert.deepEqual(speakerTexts('Sergey Ryabkov: We are ready.'), ['Sergey Ryabkov']);
  });

  it('skips the anonymous questioner, headings, notes and datelines', () => {
    for (const s of ['Q: Is there a plan?', 'QUESTION: Is there a plan?', 'NOTE: embargoed.', 'MOSCOW: Talks resumed.',
      'Related materials:', 'Highlights include:', 'KEY TREATIES', 'Q    Thanks, Jen.']) {
      assert.deepEqual(speakerTexts(s), [], s);
    }
  });

  it('reads only lines holding a colon, whatever the lines between', () => {
    const block = 'The talks went on: nobody left.\nNo colon on this line\nAnna Berg: Thank you.\n\nMR. HOLM: And thanks.\nplain';
    assert.deepEqual(speakerTexts(block), ['Anna Berg', 'MR. HOLM']);
    // A mixed-case label needs its colon within 60 characters; a later colon on the line is no label.
    assert.deepEqual(speakerTexts(`Anna Berg ${'x'.repeat(60)}: no.\nOlaf Holm: yes.`), ['Olaf Holm']);
  });
});

describe('speakers: turn labels wherever a turn can start', () => {
  it('finds a label after a sentence end on the same line (text pasted without its line breaks)', () => {
    assert.deepEqual(speakerTexts('What will you do next? Olaf Brandt: We will wait. Is that wise? Mira Sand: Yes.'), ['Olaf Brandt', 'Mira Sand']);
    assert.deepEqual(speakerTexts('Thank you, Mr. Holm. MR. HOLM: Sure. Go ahead.'), ['MR. HOLM']);
    assert.deepEqual(speakerTexts('That is all.” Secretary Lund: Thank you.'), ['Lund']);
    // Closing marks right after the stop, white space (a line break too) only between them and the label.
    assert.deepEqual(speakerTexts('(That was all.)” Anna Berg: Thanks.'), ['Anna Berg']);
    assert.deepEqual(speakerTexts('Done.)\n Anna Berg: Thanks.'), ['Anna Berg']);
    assert.deepEqual(speakerTexts('It was all. ” Anna Berg: Thanks.'), []);
  });

  it('spans the name of a mixed-case label, its title kept as the role', () => {
    const found = speakers('Thank you. Prime Minister of Nordland Olaf Brandt: Good evening.');
    assert.deepEqual(found.map((m) => [m.text, m.attributes?.role]), [['Olaf Brandt', 'Prime Minister of Nordland']]);
  });

  it('reads past a short note in parentheses before the colon', () => {
    assert.deepEqual(speakerTexts('Olaf Brandt (retranslated): We will wait. Mira Sand (via interpreter): Yes.'), ['Olaf Brandt', 'Mira Sand']);
    assert.deepEqual(speakerTexts('Question (retranslated): Why?'), []);
  });

  it('finds a label after a closing bracket', () => {
    assert.deepEqual(speakerTexts('[Applause] Olaf Brandt: Thank you all.'), ['Olaf Brandt']);
    assert.deepEqual(speakerTexts('(inaudible) [Laughter.] MS. VARGA: Next question.'), ['MS. VARGA']);
  });

  it('takes the label that ends at its own colon, not an earlier one on the line', () => {
    assert.deepEqual(speakerTexts('Q: Thank you, Ms. Varga. MS. VARGA: You are welcome.'), ['MS. VARGA']);
  });

  it('tags a bold label whose colon is inside the bold', () => {
    assert.deepEqual(speakerTexts('**Olaf Brandt:** We will wait.'), ['Olaf Brandt']);
    assert.deepEqual(speakerTexts('**MR. HOLM:** We will wait.'), ['MR. HOLM']);
  });

  it('reads no label mid-sentence, after a colon, or before a clock time', () => {
    for (const s of ['The plan had one aim: Olaf Brandt: a profile.', 'He spoke at 12:30 and left.', 'They met Anna Berg: she was late.',
      'It was over. The real reason: money.', 'He left. Washington: no change.']) {
      assert.deepEqual(speakerTexts(s), [], s);
    }
  });

  it('never tags anonymous labels, in any case style or position', () => {
    for (const s of ['Answer: No.', 'ANSWER: No.', 'Question: Why?', 'Briefer: Yes.', 'BRIEFER: Yes.', 'Delegates: Agreed.',
      'OPERATOR: Next question.', 'Operator: Next question.', 'PARTICIPANT: Hello.', 'Participant: Hello.', 'AUDIENCE MEMBER: Hi.',
      'Audience member: Hi.', 'Guest: Olaf Brandt.', 'A: We agreed.', '**A:** We agreed.', '**Q:** Why?', 'Is that so? Answer: It is.', 'Fine. INTERPRETER: Thank you.']) {
      assert.deepEqual(speakerTexts(s), [], s);
    }
  });

  it('keeps the moderator and the senior official as speakers', () => {
    assert.deepEqual(speakerTexts('Thanks. MODERATOR: Next question.'), ['MODERATOR']);
    assert.deepEqual(speakerTexts('Go ahead. SENIOR ADMINISTRATION OFFICIAL: Thanks.'), ['SENIOR ADMINISTRATION OFFICIAL']);
  });
});

describe('speakers: labels of roles and of nobody, in mixed case', () => {
  it('tags a role that speaks ("The President:", "Moderator:"), not the press, images or credits', () => {
    assert.deepEqual(speakerTexts('The President:\nGood morning. The Press:\nGood morning.'), ['The President']);
    assert.deepEqual(speakerTexts('Moderator: Welcome to the call.'), ['Moderator']);
    for (const s of ['Image: Olaf Brandt.', 'Photo: Mira Sand.', 'The Press: Thank you.']) assert.deepEqual(speakerTexts(s), [], s);
  });
});
