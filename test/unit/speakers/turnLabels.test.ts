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
