/**
 * The spool of an `analyze` batch (analyzeSpool.ts): what a thread appends is read back as it was serialized,
 * with its person references, whatever the document's size and characters.
 */
import * as assert from 'node:assert/strict';
import type { JsonDocument } from '../../../src/cli/analyzeCommand';
import { SpoolFolder } from '../../../src/cli/analyzeSpool';
import { personRefs } from '../../../src/cli/relinkDocument';

/** A document whose JSON is `bytes` long in UTF-8 and ends its text with `last`. */
function documentOf(bytes: number, last: string): string {
  const doc = (text: string): JsonDocument => ({
    path: 'docs/ü.txt',
    documentDate: undefined,
    entities: [
      { kind: 'speaker', start: 0, end: 4, text: 'Zoë', id: 'person:zoë', value: 'Zoë Łukasiewicz' },
      { kind: 'quote', start: 5, end: 9, text, speaker: 'Zoë Łukasiewicz', speakerId: 'person:zoë' },
    ],
  });
  const filler = bytes - Buffer.byteLength(JSON.stringify(doc(last)));
  const json = JSON.stringify(doc(`${'x'.repeat(filler)}${last}`));
  assert.equal(Buffer.byteLength(json), bytes);
  return json;
}

describe('the analyze spool', () => {
  it('reads back every document and its person references as appended, of any size and characters', () => {
    const around = (size: number) =>
      ['a', 'é', '€', '😀'].flatMap((last) => [0, 1, 2, 3, 4, 5, 6, 9].map((k) => documentOf(size - k, last)));
    // Sizes around those of the buffers the spool reads into, characters of 1 to 4 bytes where a document ends.
    const docs = [...around(256 * 1024), documentOf(3_000_000, '😀'), ...around(256 * 1024), ...around(1024 * 1024), documentOf(500, 'é')];
    const spool = new SpoolFolder();
    try {
      const spooled = docs.map((json) => spool.append(json));
      docs.forEach((json, i) => {
        const read = spool.read(spooled[i]!);
        assert.ok(read.line.equals(Buffer.from(`${json}\n`)), `document ${i} (${json.length} characters)`);
        assert.deepEqual(read.refs, personRefs(json));
      });
    } finally {
      spool.remove();
    }
  });
});
