import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { mentions } from './helpers';

describe('speakers: people named without speaking (kind person)', () => {
  it('reports a titled name as a person, never as a speaker, with its role', () => {
    const found = mentions('He met Foreign Minister Kuleba and Mr. Reed in Kyiv.');
    assert.deepEqual(found.map((m) => [m.kind, m.text, m.attributes?.role]), [
      ['person', 'Kuleba', 'Foreign Minister'],
      ['person', 'Reed', 'Mr.'],
    ]);
  });

  it('takes the whole role before the title word, however the name and the words before it are written', () => {
    const role = (text: string) => mentions(text).map((m) => [m.text, m.attributes?.role, m.attributes?.title]);
    assert.deepEqual(role('He met the Russian Deputy Foreign Minister Ryabkov there.'), [['Ryabkov', 'Russian Deputy Foreign Minister', 'Deputy Foreign Minister']]);
    assert.deepEqual(role('Talks with Foreign Minister Anna Berg. Then lunch.'), [['Anna Berg', 'Foreign Minister', 'Foreign Minister']]);
    assert.deepEqual(role('We thank U.S. Secretary Holm, who came.'), [['Holm', 'U.S. Secretary', 'Secretary']]);
    assert.deepEqual(role('We thank Defence Secretary Olaf Holm Jr. for that.'), [['Olaf Holm Jr.', 'Defence Secretary', 'Defence Secretary']]);
    assert.deepEqual(role('It was ex-President Holm who came.'), [['Holm', 'President', 'President']]);
    assert.deepEqual(role('Later President Holm’s aide came.'), [['Holm', 'President', 'President']]);
    // Connectors before the title ("the", "of") are no part of the role.
    assert.deepEqual(role('We met the Defence Secretary Holm and the President Berg.'), [['Holm', 'Defence Secretary', 'Defence Secretary'], ['Berg', 'President', 'President']]);
    assert.deepEqual(role('We thank Mr. Holm and Vice President Berg.'), [['Holm', 'Mr.', 'Mr.'], ['Berg', 'Vice President', 'Vice President']]);
  });

  it('shares a plural title: "Presidents Putin and Biden held a video link"', () => {
    assert.deepEqual(mentions('On December 7, Presidents Putin and Biden held a video link.').map((m) => [m.kind, m.text]), [
      ['person', 'Putin'],
      ['person', 'Biden'],
    ]);
  });

  it('a speaker wins over a person at the same place', () => {
    assert.deepEqual(mentions('President Vladimir Putin said the offer stands.').map((m) => m.kind), ['speaker']);
  });

  it('links people to the entity of the same person speaking elsewhere', () => {
    const r = analyze('President Vladimir Putin said the offer stands.\n\nLater, President Putin suspended the treaty.');
    const ids = r.mentions.filter((m) => m.kind === 'speaker' || m.kind === 'person').map((m) => [m.kind, m.entityId]);
    assert.deepEqual(ids, [
      ['speaker', 'person:vladimir-putin'],
      ['person', 'person:vladimir-putin'],
    ]);
    const e = r.entities.find((x) => x.id === 'person:vladimir-putin');
    assert.equal(e?.facts.mentions, '2');
    assert.equal(e?.facts.speaks, '1');
  });
});
