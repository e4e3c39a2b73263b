import * as assert from 'node:assert/strict';
import type { JsonDocument, JsonEntity } from '../../../src/cli/analyzeCommand';
import { LinkedBytes, personRefs, relink, relinkParts, type PersonLinks } from '../../../src/cli/relinkDocument';

const relinkAt = (bytes: Buffer, refs: ReturnType<typeof personRefs>, links: PersonLinks) => Buffer.concat(relinkParts(bytes, refs, links));

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
    entity('speaker', 'Zoë «Łukasiewicz» 😀 — Kowalczyk', 'person:kowalczyk', 'Zoë Ł. 😀'),
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
    // Other keys whose string starts as a person id does: not where an id stands.
    entity('speaker', 'person:kowalczyk', 'person:kowalczyk', 'person:o-brien'),
    quote('person:o-brien', 'person:kowalczyk', 'person:o-brien'),
  ],
};

/** Relinks the document's UTF-8 bytes with decoding and JSON.parse refused: proves they were rewritten where they stand. */
function withoutParsing(json: string): string {
  const bytes = Buffer.from(json);
  const refs = personRefs(json);
  assert.ok(refs, 'every person id has its name beside it');
  const parse = JSON.parse;
  const toString = Buffer.prototype.toString;
  JSON.parse = (text: string) => {
    if (text.startsWith('{')) throw new Error('the document was parsed');
    return parse(text) as unknown;
  };
  Buffer.prototype.toString = function (this: Buffer, encoding?: BufferEncoding, start?: number, end?: number) {
    if ((start ?? 0) === 0 && (end ?? this.length) >= this.length && this.length === bytes.length) throw new Error('the document was decoded');
    return toString.call(this, encoding, start, end);
  };
  let out: Buffer;
  try {
    out = relinkAt(bytes, refs, LINKS);
  } finally {
    JSON.parse = parse;
    Buffer.prototype.toString = toString;
  }
  return out.toString('utf8');
}

const relinked = (json: string, links: PersonLinks = LINKS) => relinkAt(Buffer.from(json), personRefs(json), links).toString('utf8');

describe('relinking a serialized analyze document', () => {
  it('gives what parsing, relinking and serializing again gives, whatever the strings hold, without parsing', () => {
    const json = JSON.stringify(DOC);
    const expected = JSON.stringify(relink(JSON.parse(json) as JsonDocument, LINKS));
    assert.notEqual(expected, json, 'the links change the document');
    assert.equal(withoutParsing(json), expected);
  });

  it('a linked person without a name beside the id gets it where relinking the parsed document puts it', () => {
    for (const extra of [entity('speaker', 'No value', 'person:kowalczyk'), quote('no name', undefined, 'person:o-brien')]) {
      const json = JSON.stringify({ ...DOC, entities: [...DOC.entities, extra] });
      assert.equal(relinked(json), JSON.stringify(relink(JSON.parse(json) as JsonDocument, LINKS)));
    }
  });

  it('relinks every document of a batch alike through one LinkedBytes, made once for the batch', () => {
    const linked = new LinkedBytes(LINKS);
    const docs = [DOC, { ...DOC, path: 'other.txt', entities: DOC.entities.slice().reverse() }, { ...DOC, entities: DOC.entities.slice(3) }];
    for (const doc of [...docs, ...docs]) {
      const json = JSON.stringify(doc);
      const parts = relinkParts(Buffer.from(json), personRefs(json), linked);
      assert.equal(Buffer.concat(parts).toString('utf8'), JSON.stringify(relink(JSON.parse(json) as JsonDocument, LINKS)));
    }
  });

  it('leaves a document none of whose people is linked as it is', () => {
    const json = JSON.stringify({ ...DOC, entities: DOC.entities.slice(5, 7) });
    assert.equal(withoutParsing(json), json);
    assert.equal(relinked(JSON.stringify(DOC), new Map()), JSON.stringify(DOC));
    const unnamed = JSON.stringify({ ...DOC, entities: [quote('no name', undefined, 'person:nobody')] });
    assert.equal(relinked(unnamed), unnamed, 'an unlinked person without a name');
  });
});
