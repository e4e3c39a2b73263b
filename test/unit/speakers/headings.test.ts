import * as assert from 'node:assert/strict';
import { speakerTexts } from './helpers';

describe('speakers: headings and caption lines that name who speaks', () => {
  it('a name line over a line that opens with a title', () => {
    assert.deepEqual(speakerTexts('Mira Sand\nSwedish Permanent Representative to the Conference\nGeneva'), ['Mira Sand']);
    assert.deepEqual(speakerTexts('Ambassador Olaf Brandt\nActing Permanent Representative'), ['Olaf Brandt']);
    assert.deepEqual(speakerTexts('Mira Sand\nGeneva, Switzerland'), []);
  });

  it('"Name, Title" alone on a line, with or without a closing colon', () => {
    assert.deepEqual(speakerTexts('Special Briefing\nOlaf Brandt, Special Envoy for Arms Control\nLena Ortiz, Assistant Secretary'), ['Olaf Brandt', 'Lena Ortiz']);
    assert.deepEqual(speakerTexts('Mira Sand, Acting Spokesperson, Ministry of Foreign Affairs:'), ['Mira Sand']);
  });

  it('a heading that names who briefs or is interviewed, not the interviewer of an outlet', () => {
    assert.deepEqual(speakerTexts('Briefing with Special Envoy Olaf Brandt and Deputy Minister Lena Ortiz'), ['Olaf Brandt', 'Lena Ortiz']);
    assert.deepEqual(speakerTexts('Joint News Conference with President Mira Sand'), ['Mira Sand']);
    assert.deepEqual(speakerTexts('Interview With Olaf Brandt of the Nordland Courier'), []);
    assert.deepEqual(speakerTexts('Telephone conversation with President Mira Sand'), []);
  });

  it('finds each heading line of a block, past lines that hold "with" or none', () => {
    const block = 'Talks With Allies Went On\nNotes on the agenda\nInterview With Mira Sand\nBriefing without notes\nBriefing with Olaf Brandt';
    assert.deepEqual(speakerTexts(block), ['Mira Sand', 'Olaf Brandt']);
  });

  it('no heading in prose wrapped at a line break', () => {
    assert.deepEqual(speakerTexts('I just had a productive call with President Sand. And I am pleased to say\nthat we agree.'), []);
    assert.deepEqual(speakerTexts('after his briefing with President Sand on the issues\nlike trade'), []);
  });

  it('the one interviewed speaks; an interview by X names the interviewer', () => {
    assert.deepEqual(speakerTexts('Minister’s Brandt Interviewed by the Nordland Courier'), ['Brandt']);
    assert.deepEqual(speakerTexts('Interview by Lena Ortiz of the Nordland Courier'), []);
  });
});

describe('speakers: caption lines are not prose wrapped at a line break', () => {
  it('skips an indented line and a line that continues the one before', () => {
    assert.deepEqual(speakerTexts('talks were held by President\nOlaf Brandt, Secretary Sand and others'), []);
    assert.deepEqual(speakerTexts('the meetings included\n    Olaf Brandt, Secretary of the Council, and others.'), []);
  });
});
