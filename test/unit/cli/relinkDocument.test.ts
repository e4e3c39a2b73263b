import * as assert from 'node:assert/strict';
import type { JsonDocument, JsonEntity } from '../../../src/cli/analyzeCommand';
import { relink, relinkJson, type PersonLinks } from '../../../src/cli/relinkDocument';

const LINKS: PersonLinks = new Map([
  ['person:kowalczyk', { id: 'person:maria-kowalczyk', name: 'Maria Kowalczyk' }],
  ['person:o-brien', { id: 'person:sean-o-brien', name: 'Seán "the Quiet" O\'Brien \\ Jr.' }],
  ['person:we"ird\\id', { id: 'person:plain', name: 'Plain' }],
]);

/** Entities as analyze serializes them: the key order of its toJson. */
const entity = (kind: string, text: string, id?: string, value?: string, manual = false): JsonEntity => {
  const e: JsonEntity = { kind, start: 0, end: text.length, text, id, value };
  if (manual) e.source = 'manual';
  return e;
};
const quote = (text: string, speaker?: string, speakerId?: string): JsonEntity => ({ kind: 'quote', start: 0, end: 1, text, speaker, speakerId });

const DOC: JsonDocument = {
  path: 'docs/"id":"person:kowalczyk".txt',
  documentDate: { value: '2019-03-14', source: 'metadata' },
  entities: [
    entity('speaker', 'Kowalczyk', 'person:kowalczyk', 'Kowalczyk'),
    entity('speaker', 'O\'Brien', 'person:o-brien', 'O\'Brien', true),
    entity('speaker', 'Weird', 'person:we"ird\\id', 'Weird'),
    entity('speaker', 'Nobody', 'person:nobody', 'Nobody'),
    entity('date', 'Monday', 'date:XXXX-WXX-1', 'XXXX-WXX-1'),
    entity('treaty', '","id":"person:kowalczyk","value":"x', 'treaty:new-start', 'New START'),
    quote('he said "id":"person:kowalczyk" \\', 'Kowalczyk', 'person:kowalczyk'),
    quote('unlinked', 'Nobody', 'person:nobody'),
    quote('no speaker'),
    entity('speaker', 'trailing backslash \\', 'person:o-brien', 'ends \\'),
  ],
};

/** Relinks with JSON.parse refusing whole documents: proves the document was rewritten where it stands. */
function withoutParsing(json: string): string {
  const parse = JSON.parse;
  JSON.parse = (text: string) => {
    if (text.startsWith('{')) throw new Error('the document was parsed');
    return parse(text) as unknown;
  };
  try {
    return relinkJson(json, LINKS);
  } finally {
    JSON.parse = parse;
  }
}

describe('relinking a serialized analyze document', () => {
  it('gives what parsing, relinking and serializing again gives, whatever the strings hold, without parsing', () => {
    const json = JSON.stringify(DOC);
    const expected = JSON.stringify(relink(JSON.parse(json) as JsonDocument, LINKS));
    assert.notEqual(expected, json, 'the links change the document');
    assert.equal(withoutParsing(json), expected);
  });

  it('a linked person without a name beside the id gets it where relinking the parsed document puts it', () => {
    const json = JSON.stringify({ ...DOC, entities: [...DOC.entities, entity('speaker', 'No value', 'person:kowalczyk'), quote('no name', undefined, 'person:o-brien')] });
    assert.equal(relinkJson(json, LINKS), JSON.stringify(relink(JSON.parse(json) as JsonDocument, LINKS)));
  });

  it('leaves a document none of whose people is linked as it is', () => {
    const json = JSON.stringify({ ...DOC, entities: DOC.entities.slice(4, 6) });
    assert.equal(withoutParsing(json), json);
    assert.equal(relinkJson(JSON.stringify(DOC), new Map()), JSON.stringify(DOC));
  });
});
