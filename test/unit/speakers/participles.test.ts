import * as assert from 'node:assert/strict';
import { speakerTexts } from './helpers';

describe('speakers: a name before a speech participle ("what about Berg saying …")', () => {
  it('tags the name right before "saying", "arguing", "insisting" and the like', () => {
    assert.deepEqual(speakerTexts('What about Mira Sand saying the plan is dead?'), ['Mira Sand']);
    assert.deepEqual(speakerTexts('The talks ended with Olaf Brandt arguing that the treaty had lapsed.'), ['Olaf Brandt']);
    assert.deepEqual(speakerTexts('Reporters quoted nobody, but Minister Holm insisting on a vote was news.'), ['Holm']);
  });

  it('leaves the name alone when the participle belongs to something else', () => {
    // The letter says it; the name is whom it was sent to, or the subject of a possessive.
    assert.deepEqual(speakerTexts('The council sent a letter to Mira Sand saying the vote was off.'), []);
    assert.deepEqual(speakerTexts('A note for Olaf Brandt warning of delays was lost.'), []);
    // What comes from a place or a person says it itself: "a voice from Heaven saying", "a cable from Berg saying".
    assert.deepEqual(speakerTexts('There was a voice from Heaven saying, “Why not?”'), []);
    assert.deepEqual(speakerTexts('Mira Sand’s saying so changed nothing.'), []);
    // A comma sets the participle off from an object: "met Berg, saying …" is the subject's speech.
    assert.deepEqual(speakerTexts('The envoy met Olaf Brandt, saying nothing afterwards.'), []);
    // A participle that is no speech ("Holm sitting"), and the name of a body or a place.
    assert.deepEqual(speakerTexts('A photo of Olaf Brandt sitting in the hall.'), []);
    assert.deepEqual(speakerTexts('The Kremlin saying so settles nothing, and Geneva arguing back neither.'), []);
  });
});
