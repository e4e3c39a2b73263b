import * as assert from 'node:assert/strict';
import { speakerTexts } from './helpers';

describe('speakers: what is not tagged', () => {
  it('pronouns', () => {
    for (const s of ['He said the talks were over.', 'She stressed that nothing changed.', 'I said it before.', '"No," they added.', 'We’ve said three things.', 'I’ll say a few things.']) {
      assert.deepEqual(speakerTexts(s), [], s);
    }
  });

  it('nominal descriptions', () => {
    for (const s of ['The diplomat noted that this was new.', 'The deputy foreign minister added that talks continue.',
      'The President said that we will act.', 'the Russian leader told his counterpart about the lines.',
      'The head of the American state announced a meeting.', 'Russian Defence Ministry spokesman stated on Monday that flights stopped.',
      'Officials said the site was closed.', 'Analysts say the deal is fragile.']) {
      assert.deepEqual(speakerTexts(s), [], s);
    }
  });

  it('organisations, media and countries as sources', () => {
    for (const s of ['The Foreign Ministry said it regretted the move.', 'The State Department announced today that talks ended.',
      'Russia has said it feels threatened.', 'Moscow says the offer stands.', 'As reported by The Financial Times, the allies stressed unity.',
      'The OSCE noted that it is ready.', 'Interfax said the meeting was set.', 'The Kremlin said on Monday that it was ready.',
      'NATO members said they would refuse.', 'The Russians say that it was at his request.']) {
      assert.deepEqual(speakerTexts(s), [], s);
    }
  });

  it('people addressed, objects, and names in non-speech roles', () => {
    for (const s of ['Thanks, Jen. Can you talk about it?', 'Zeke, why don’t you kick us off?', 'Sergey Alekseevich, will this be enough?',
      'He told Secretary Blinken that Moscow disagreed.', 'On December 7, Presidents Putin and Biden held a video link.',
      'President Putin unlawfully suspended the treaty.', 'Putin responded to the withdrawal by ordering a build-up.',
      'George W. Bush gave Russia notice of the withdrawal.', 'Jake Sullivan is in contact with officials in Moscow.',
      'The treaty, signed by Reagan and Gorbachev, stated that missiles be destroyed.', 'A spokesman for Putin said nothing new.',
      'the signal of the President of the Russian Federation Vladimir Putin about the need for guarantees.']) {
      assert.deepEqual(speakerTexts(s), [], s);
    }
  });

  it('hashtags and handles', () => {
    assert.deepEqual(speakerTexts('#Sergey Ryabkov\n6 months ago'), []);
    assert.deepEqual(speakerTexts('#Ryabkov said no to talks.'), []);
  });

  it('capitalised non-names: days, months, countries, sentence words', () => {
    for (const s of ['On Tuesday, Monday said nothing.', 'Earlier said nothing.', 'Ukraine warned that strikes would continue.',
      'In 2013, he noted that politics was turning.', 'However, they said no.']) {
      assert.deepEqual(speakerTexts(s), [], s);
    }
  });
});
