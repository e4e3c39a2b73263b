import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import type { Lexicon } from '../../../src/core/lexicon/lexicon';
import type { Mention } from '../../../src/core/model/mention';
import { linkPeopleInText } from '../../../src/core/recognizers/speakers/personLinker';
import { foldName } from '../../../src/core/recognizers/speakers/transliteration';

function people(text: string, lexicon?: Lexicon) {
  const r = analyze(text, { lexicon });
  return { mentions: r.mentions.filter((m) => (m.kind === 'speaker' || m.kind === 'person') && !m.layer), entities: r.entities.filter((e) => e.type === 'person') };
}

describe('speakers: linking people across the text', () => {
  it('links full name, surname alone and transliteration variants to one entity with the roles read', () => {
    const { mentions, entities } = people(
      'Deputy Foreign Minister Sergei Ryabkov said the talks were over.\n\nRyabkov added that nothing changed.\n\n' +
        'The problems did not start yesterday Sergey Ryabkov Deputy Foreign Minister of Russia',
    );
    assert.equal(mentions.length, 3);
    assert.ok(mentions.every((m) => m.entityId === 'person:sergei-ryabkov' && m.value === 'Sergei Ryabkov'));
    assert.equal(entities.length, 1);
    assert.deepEqual(entities[0]?.aliases.sort(), ['Ryabkov', 'Sergey Ryabkov']);
    assert.equal(entities[0]?.facts.role, 'Deputy Foreign Minister of Russia');
    assert.deepEqual(entities[0]?.facts.roles, ['Deputy Foreign Minister', 'Deputy Foreign Minister of Russia']);
    assert.equal(entities[0]?.facts.speaks, '3');
  });

  it('folds common transliteration differences', () => {
    assert.equal(foldName(['Sergei', 'Ryabkov']), foldName(['Sergey', 'Riabkov']));
    assert.equal(foldName(['Dmitry', 'Peskov']), foldName(['Dmitriy', 'Peskov']));
    assert.equal(foldName(['Dmitri']), foldName(['Dmitry']));
    assert.equal(foldName(['Yuri']), foldName(['Yury']));
    assert.equal(foldName(['Aleksey', 'Navalny']), foldName(['Alexei', 'Navalniy']));
    assert.equal(foldName(['Zelensky']), foldName(['Zelenskyy']));
    assert.equal(foldName(['François']), foldName(['Francois']));
    assert.notEqual(foldName(['Sergei']), foldName(['Serge']));
  });

  it('links a transcript label to the full name met in the text, else to its own surname entity', () => {
    const linked = people('Press secretary Jen Psaki said the review continues.\n\nMS. PSAKI:  We have nothing to add.');
    assert.deepEqual(linked.mentions.map((m) => m.entityId), ['person:jen-psaki', 'person:jen-psaki']);
    const alone = people('MS. PSAKI:  We have nothing to add.\n\nMODERATOR:  Next.\n\nSENIOR ADMINISTRATION OFFICIAL:  Thanks.');
    assert.deepEqual(alone.mentions.map((m) => m.entityId), ['person:psaki', 'person:moderator', 'person:senior-administration-official']);
    assert.equal(alone.entities.find((e) => e.id === 'person:psaki')?.name, 'Psaki');
  });

  it('links to lexicon people by folded name, alias, or surname with the same first initial', () => {
    const lexicon: Lexicon = {
      people: [
        { id: 'person:sergey-ryabkov', name: 'Sergey Ryabkov', aliases: [], role: 'Deputy Foreign Minister of Russia' },
        { id: 'person:joe-biden', name: 'Joseph R. Biden, Jr.', aliases: ['Joe Biden'], role: 'President of the United States' },
      ],
      treaties: [],
    };
    const { mentions, entities } = people('Sergei Ryabkov said no.\n\nJoe Biden said yes.\n\nJoseph Biden stressed it.\n\nRyabkov added more.', lexicon);
    assert.deepEqual(mentions.map((m) => m.entityId), ['person:sergey-ryabkov', 'person:joe-biden', 'person:joe-biden', 'person:sergey-ryabkov']);
    const ryabkov = entities.find((e) => e.id === 'person:sergey-ryabkov');
    assert.equal(ryabkov?.name, 'Sergey Ryabkov');
    assert.equal(ryabkov?.facts.role, 'Deputy Foreign Minister of Russia');
    assert.equal(ryabkov?.facts.source, 'lexicon');
  });

  it('gives a surname alone to the nearest preceding full name when two people share it', () => {
    const { mentions } = people('Jake Sullivan said one thing.\n\nSullivan added more.\n\nDan Sullivan said another.\n\nSullivan stressed it.');
    assert.deepEqual(mentions.map((m) => m.entityId), ['person:jake-sullivan', 'person:jake-sullivan', 'person:dan-sullivan', 'person:dan-sullivan']);
  });

  it('sets entityId on every mention without mutating shared attributes objects', () => {
    const attributes = Object.freeze({ rule: 'speech-verb', role: 'Minister' });
    const mentions: Mention[] = [
      { kind: 'speaker', start: 0, end: 12, text: 'Olga Marchenko', attributes, source: 'auto' },
      { kind: 'person', start: 40, end: 49, text: 'Marchenko', attributes, source: 'auto' },
    ];
    const entities = linkPeopleInText(mentions, { people: [], treaties: [] });
    assert.deepEqual(mentions.map((m) => m.entityId), ['person:olga-marchenko', 'person:olga-marchenko']);
    assert.equal(entities.length, 1);
    assert.equal(entities[0]?.facts.mentions, '2');
    assert.equal(entities[0]?.facts.speaks, '1');
  });
});
