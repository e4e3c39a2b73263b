import * as assert from 'node:assert/strict';
import { STRONG_VERBS, WEAK_VERBS } from '../../../src/core/recognizers/speakers/reportingLexicon';
import { knownTriggers, lexiconEntries } from '../../../src/core/recognizers/speakers/speechVerbs';
import { only, speakerTexts } from './helpers';

describe('speakers: the reporting-verb lexicon', () => {
  it('holds several hundred forms, each a lower-case word or phrase known to the scanner', () => {
    const forms = [...lexiconEntries(STRONG_VERBS), ...lexiconEntries(WEAK_VERBS)];
    assert.ok(forms.length >= 300, `${forms.length} forms`);
    const known = knownTriggers();
    for (const f of forms) {
      assert.match(f, /^[a-z]+(?: [a-z]+)*$/, f);
      assert.ok(known.has(f), f);
    }
  });

  it('tags the subject of readout verbs, in US and British spelling', () => {
    for (const verb of ['emphasised', 'emphasized', 'criticised', 'criticized', 'briefed the council on', 'detailed', 'underlined',
      'underscored', 'cautioned', 'lamented', 'insisted', 'acknowledged', 'recalled', 'summarised', 'voiced', 'put forward',
      'set out', 'spelt out', 'went on to say', 'made it clear', 'told reporters']) {
      assert.deepEqual(speakerTexts(`Mira Sand ${verb} that the plan was sound.`), ['Mira Sand'], verb);
    }
  });

  it('needs a that-clause, a quotation or a word for something said after a weak verb', () => {
    assert.deepEqual(speakerTexts('Mira Sand raised concerns about the inspections.'), ['Mira Sand']);
    assert.deepEqual(speakerTexts('Mira Sand raised the question of verification with her guest.'), ['Mira Sand']);
    assert.deepEqual(speakerTexts('Mira Sand described that the talks had stalled.'), ['Mira Sand']);
    assert.deepEqual(speakerTexts('Mira Sand raised the flag over the embassy.'), []);
    assert.deepEqual(speakerTexts('Mira Sand described the visitors.'), []);
  });

  it('reads a sentence end followed by a non-breaking space as the end of a weak verb’s sentence', () => {
    assert.deepEqual(speakerTexts('Mira Sand and Olaf Brandt agreed.\u00a0 One topic was “a hard one”.'), []);
  });

  it('takes "discussed" as talk: its subjects speak, with or without an object', () => {
    assert.deepEqual(speakerTexts('Among the topics that Mira Sand and Olaf Brandt had discussed.'), ['Mira Sand', 'Olaf Brandt']);
    assert.deepEqual(speakerTexts('The plan was discussed by the board.'), []);
  });

  it('takes present forms that are also plural nouns as weak', () => {
    assert.deepEqual(speakerTexts('Mira Sand notes that the plan is sound.'), ['Mira Sand']);
    assert.deepEqual(speakerTexts('The Geneva talks resumed. After the Sand talks nothing changed.'), []);
  });

  it('tags a base form after a modal or with a coordinated subject, not a noun', () => {
    assert.deepEqual(speakerTexts('Olaf Brandt would not say whether talks would resume.'), ['Olaf Brandt']);
    assert.deepEqual(speakerTexts('Olaf Brandt and Mira Sand say the plan is sound.'), ['Olaf Brandt', 'Mira Sand']);
    assert.deepEqual(speakerTexts('Olaf Brandt state visit ended on Monday.'), []);
  });

  it('does not take the subject of a passive for a speaker', () => {
    assert.deepEqual(speakerTexts('Olaf Brandt was widely criticized for the decision.'), []);
    assert.deepEqual(speakerTexts('Olaf Brandt and Mira Sand were told that the visit was off.'), []);
  });

  it('tags the name before a framing phrase ("in a tweet", "in a statement")', () => {
    assert.equal(only('Mira Sand in a tweet called the vote a disgrace.', 'Mira Sand').attributes?.rule, 'framing');
    assert.deepEqual(speakerTexts('Olaf Brandt in a written statement urged calm.'), ['Olaf Brandt']);
    assert.deepEqual(speakerTexts('They met Olaf Brandt in a video call.'), []);
  });

  it('takes the speaker after an inverted readout verb', () => {
    assert.deepEqual(speakerTexts('“The door is open,” cautioned Mira Sand.'), ['Mira Sand']);
  });
});
