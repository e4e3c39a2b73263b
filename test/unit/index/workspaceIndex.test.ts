import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { WorkspaceIndex, entityKey } from '../../../src/core/index/workspaceIndex';
import { snippetAround } from '../../../src/core/index/quotes';
import { computeLineStarts, positionAt } from '../../../src/core/index/lineIndex';
import { BRIEFING, NEW_START, RYABKOV, briefingMentions, briefingQuotes, mentionOf } from './fixtures';

describe('WorkspaceIndex', () => {
  function indexed(): WorkspaceIndex {
    const index = new WorkspaceIndex();
    index.setDocument('file:///a.txt', BRIEFING, { mentions: briefingMentions(), entities: [RYABKOV, NEW_START] });
    const other = 'The New START treaty expires in 2026. Ryabkov spoke again.';
    index.setDocument('file:///b.txt', other, { mentions: [mentionOf(other, 'New START', 'treaty', { entityId: NEW_START.id }), mentionOf(other, 'Ryabkov', 'speaker', { entityId: RYABKOV.id })], entities: [NEW_START, RYABKOV] });
    return index;
  }

  it('gathers an entity\'s mentions across documents, in document then position order', () => {
    const refs = indexed().mentionsOf(RYABKOV.id);
    assert.deepEqual(
      refs.map((r) => [r.uri, r.mention.text]),
      [
        ['file:///a.txt', 'RYABKOV'],
        ['file:///a.txt', 'Sergey Ryabkov'],
        ['file:///a.txt', 'Ryabkov'],
        ['file:///b.txt', 'Ryabkov'],
      ],
    );
  });

  it('counts entities per kind in the workspace and in one document', () => {
    const index = indexed();
    const speakers = index.entitiesOfKind('speaker');
    assert.deepEqual(speakers.map((s) => [s.name, s.count, s.documents]), [['Sergey Ryabkov', 4, 2]]);
    const datesInA = index.entitiesOfKind('date', 'file:///a.txt').map((s) => s.name).sort();
    // Dates are named in words for people (the ISO value stays the key and the mention's value).
    assert.deepEqual(datesInA, ['1 December 2022', '2 December 2022', '29 November 2022']);
    assert.equal(index.kindCounts('file:///b.txt').get('treaty'), 1);
    assert.equal(index.kindCounts().get('speaker'), 4);
  });

  it('finds the mention under an offset, including right after its last character', () => {
    const index = indexed();
    const at = BRIEFING.indexOf('New START');
    assert.equal(index.mentionAt('file:///a.txt', at + 2)?.mention.text, 'New START');
    assert.equal(index.mentionAt('file:///a.txt', at + 'New START'.length)?.mention.text, 'New START');
    assert.equal(index.mentionAt('file:///a.txt', at - 2), undefined);
    assert.equal(index.mentionAt('file:///nope.txt', at), undefined);
  });

  it('prefers the innermost of nested mentions', () => {
    const text = 'the Treaty on Open Skies of 1992';
    const index = new WorkspaceIndex();
    index.setDocument('u', text, { mentions: [mentionOf(text, 'Treaty on Open Skies of 1992', 'treaty'), mentionOf(text, '1992', 'date', { value: '1992' })], entities: [] });
    assert.equal(index.mentionAt('u', text.indexOf('1992') + 1)?.mention.kind, 'date');
    assert.equal(index.mentionAt('u', text.indexOf('Open'))?.mention.kind, 'treaty');
  });

  it('mentionAt agrees with a linear scan on random overlapping mentions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 40 })), { maxLength: 60 }),
        fc.nat(260),
        (spans, offset) => {
          const text = 'x'.repeat(260);
          const mentions = spans.map(([s, len]) => ({ kind: 'date' as const, start: s, end: s + len, text: 'x', source: 'auto' as const }));
          const index = new WorkspaceIndex();
          index.setDocument('u', text, { mentions, entities: [] });
          const covering = mentions.filter((m) => m.start <= offset && offset <= m.end);
          const got = index.mentionAt('u', offset);
          if (covering.length === 0) return got === undefined;
          const smallest = Math.min(...covering.map((m) => m.end - m.start));
          return got !== undefined && got.mention.end - got.mention.start === smallest && got.mention.start <= offset && offset <= got.mention.end;
        },
      ),
    );
  });

  it('replacing and removing a document leaves no trace of its old mentions or entities', () => {
    const index = indexed();
    index.setDocument('file:///a.txt', 'nothing here', { mentions: [], entities: [] });
    assert.deepEqual(index.mentionsOf(RYABKOV.id).map((r) => r.uri), ['file:///b.txt']);
    index.removeDocument('file:///b.txt');
    assert.equal(index.mentionsOf(RYABKOV.id).length, 0);
    assert.equal(index.entity(RYABKOV.id), undefined);
    assert.deepEqual([...index.entityKeys()], []);
  });

  it("refuses a document's view given with bytes instead of its text, naming the document, and keeps what it held", () => {
    const index = indexed();
    const before = index.document('file:///a.txt');
    assert.throws(() => index.setDocument('file:///a.txt', new TextEncoder().encode(BRIEFING), { mentions: briefingMentions(), entities: [RYABKOV] }), /file:\/\/\/a\.txt: a document's view is indexed with its text/);
    assert.equal(index.document('file:///a.txt'), before);
  });

  it('renames a document without losing its mentions', () => {
    const index = indexed();
    index.renameDocument('file:///b.txt', 'file:///c.txt');
    assert.deepEqual(index.documentsOf(NEW_START.id), [
      { uri: 'file:///a.txt', count: 1 },
      { uri: 'file:///c.txt', count: 1 },
    ]);
    assert.equal(index.entity(NEW_START.id)?.name, 'New START');
  });

  it('groups mentions without an entity by kind and text', () => {
    const a = { kind: 'custom' as const, start: 0, end: 3, text: 'Foo', source: 'manual' as const };
    const b = { ...a, text: 'foo' };
    assert.equal(entityKey(a), entityKey(b));
    assert.notEqual(entityKey(a), entityKey({ ...a, kind: 'date' }));
  });

  it('places mentions by line and column without the text', () => {
    const index = indexed();
    const ref = index.firstMention(RYABKOV.id, 'file:///a.txt');
    assert.ok(ref);
    assert.deepEqual(index.locate('file:///a.txt', ref.mention), { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } });
  });

  it("keeps a document's quotes apart from its mentions, for hover cards, neither highlighted nor counted", () => {
    const index = new WorkspaceIndex();
    index.setDocument('file:///a.txt', BRIEFING, { mentions: [...briefingMentions(), ...briefingQuotes()], entities: [RYABKOV, NEW_START] });
    const doc = index.document('file:///a.txt');
    assert.ok(doc);
    assert.deepEqual(
      doc.layered.map((m) => [m.kind, m.text, m.entityId]),
      briefingQuotes().map((m) => ['quote', m.text, RYABKOV.id]),
    );
    assert.ok(doc.mentions.every((m) => m.kind !== 'quote'));
    assert.equal(index.kindCounts().get('quote'), undefined);
  });
});

describe('lineIndex', () => {
  it('positionAt matches a split of the text for LF, CRLF and CR line ends', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '\r\n', '\r', '\u{1F600}')), fc.nat(), (parts, k) => {
        const text = parts.join('');
        const offset = text.length === 0 ? 0 : k % (text.length + 1);
        if (text[offset - 1] === '\r' && text[offset] === '\n') return true; // inside a CRLF: no such position
        const before = text.slice(0, offset).split(/\r\n|\r|\n/);
        const pos = positionAt(computeLineStarts(text), offset);
        return pos.line === before.length - 1 && pos.character === before[before.length - 1].length;
      }),
    );
  });

  it('snippets keep the mention\'s line only and mark cuts', () => {
    const text = 'first line\n' + 'x'.repeat(100) + ' Ryabkov ' + 'y'.repeat(100) + '\nlast';
    const at = text.indexOf('Ryabkov');
    const s = snippetAround(text, at, at + 7);
    assert.ok(s.startsWith('\u2026') && s.endsWith('\u2026') && s.includes('Ryabkov'), s);
    assert.ok(!s.includes('first') && !s.includes('last'));
    assert.equal(snippetAround('a Ryabkov b', 2, 9), 'a Ryabkov b');
  });
});
