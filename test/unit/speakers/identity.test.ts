import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import type { Mention } from '../../../src/core/model/mention';
import { canonicalNameWords, sameFirstName } from '../../../src/core/recognizers/speakers/transliteration';
import { linkPeopleInText } from '../../../src/core/recognizers/speakers/personLinker';

function ids(text: string): Array<[string, string | undefined]> {
  return analyze(text)
    .mentions.filter((m) => (m.kind === 'speaker' || m.kind === 'person') && !m.layer)
    .map((m) => [m.text, m.entityId]);
}

describe('speakers: one identity per person in a document', () => {
  it('makes ids from the name only, never from a title before it', () => {
    const found = ids('Under-Secretary-General Izumi Nakamitsu said the treaty matters.');
    assert.deepEqual(
      found.map(([, id]) => id),
      ['person:izumi-nakamitsu'],
    );
  });

  it('makes the same id from every transliteration of a name', () => {
    assert.deepEqual(ids('Sergey Ryabkov said no.')[0]?.[1], 'person:sergei-ryabkov');
    assert.deepEqual(ids('Yury Ushakov said no.')[0]?.[1], 'person:yuri-ushakov');
    assert.deepEqual(ids('Yuriy Ushakov said no.')[0]?.[1], 'person:yuri-ushakov');
    assert.deepEqual(ids('Dmitri Peskov said no.')[0]?.[1], 'person:dmitry-peskov');
    assert.deepEqual(ids('Dmitriy Peskov said no.')[0]?.[1], 'person:dmitry-peskov');
    assert.deepEqual(ids('Volodymyr Zelenskyy said no.')[0]?.[1], 'person:volodymyr-zelensky');
    assert.deepEqual(ids('Volodymyr Zelenskiy said no.')[0]?.[1], 'person:volodymyr-zelensky');
    assert.deepEqual(ids('Aleksei Navalny said no.')[0]?.[1], 'person:alexei-navalny');
    assert.deepEqual(ids('Alexey Navalny said no.')[0]?.[1], 'person:alexei-navalny');
    assert.deepEqual(canonicalNameWords(['Sergej', 'Lavrov']), ['Sergei', 'Lavrov']);
  });

  it('links surname-only variants in one document to one person', () => {
    const found = ids('Zelenskyy said one thing.\n\nLater President Zelensky said another.');
    assert.equal(new Set(found.map(([, id]) => id)).size, 1, JSON.stringify(found));
  });

  it('keeps George W. Bush and George H. W. Bush apart, and links a bare "George Bush" to neither when both appear', () => {
    const found = ids('George W. Bush said no.\n\nGeorge H. W. Bush said yes.\n\nGeorge W. Bush said it again.');
    assert.deepEqual(
      found.map(([, id]) => id),
      ['person:george-w-bush', 'person:george-h-w-bush', 'person:george-w-bush'],
    );
    const one = ids('George W. Bush said no.\n\nGeorge Bush said it again.');
    assert.deepEqual(
      one.map(([, id]) => id),
      ['person:george-w-bush', 'person:george-w-bush'],
    );
  });

  it('never merges two people who share a surname and a first initial', () => {
    const found = ids('Joe Biden said no.\n\nJill Biden said yes.\n\nJoseph Biden added more.');
    assert.deepEqual(
      found.map(([, id]) => id),
      ['person:joe-biden', 'person:jill-biden', 'person:joe-biden'],
    );
    assert.ok(sameFirstName('Joe', 'Joseph'));
    assert.ok(!sameFirstName('Joe', 'Jill'));
    assert.ok(sameFirstName('Sergei', 'Sergey'));
  });
});

describe('speakers: names run together where line breaks were lost', () => {
  it('takes a name up to the word that repeats ("Sergei Lavrov Lavrov SergeiForeign")', () => {
    const mentions: Mention[] = [{ kind: 'speaker', start: 0, end: 34, text: 'Sergei Lavrov Lavrov SergeiForeign', source: 'auto' }];
    linkPeopleInText(mentions, { people: [], treaties: [] });
    assert.equal(mentions[0]?.entityId, 'person:sergei-lavrov');
  });
});
