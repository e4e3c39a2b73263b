import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { requireShared } from '../../support/sharedData';

function put(index: WorkspaceIndex, uri: string, text: string, cold = false): void {
  const r = analyze(text);
  index.setDocument(uri, text, { mentions: r.mentions, entities: r.entities }, cold ? { cold: true } : undefined);
}

describe('index: one person across the workspace', () => {
  for (const cold of [false, true]) {
    it(`lists a person named in full in one document and by surname alone in another once (${cold ? 'closed' : 'open'} documents)`, () => {
      const index = new WorkspaceIndex();
      put(index, 'file:///a.txt', 'Minister Nadia Okonjo said nothing changed.\n\nOkonjo added more.', cold);
      put(index, 'file:///b.txt', 'Okonjo said it again, the ministry added.', cold);
      const speakers = index.entitiesOfKind('speaker').filter((e) => e.name.includes('Okonjo'));
      assert.deepEqual(
        speakers.map((e) => [e.id, e.name, e.count, e.documents]),
        [['person:nadia-okonjo', 'Nadia Okonjo', 3, 2]],
      );
      assert.equal(index.mentionsOf('person:nadia-okonjo').length, 3);
      assert.equal(index.mentionsOf('person:okonjo').length, 3, 'any id of the person finds all its mentions');
      assert.equal(index.usage('person:okonjo', 'speaker').count, 3);
      assert.equal(index.usage('person:okonjo', 'speaker').documents.length, 2);
      assert.equal(index.displayName('person:okonjo'), 'Nadia Okonjo');
      assert.equal(index.entity('person:okonjo')?.id, 'person:nadia-okonjo');
      assert.equal(index.firstMention('person:okonjo')?.uri, 'file:///a.txt');
      assert.deepEqual(index.entitiesOfKind('speaker', 'file:///b.txt').map((e) => e.id), ['person:nadia-okonjo']);
    });
  }

  it('splits them again when the full name goes, and keeps two people of one surname apart', () => {
    const index = new WorkspaceIndex();
    put(index, 'file:///a.txt', 'Minister Nadia Okonjo said nothing changed.');
    put(index, 'file:///b.txt', 'Okonjo said it again, the ministry added.');
    assert.equal(index.entitiesOfKind('speaker').length, 1);
    put(index, 'file:///c.txt', 'Ambassador Tunde Okonjo said the opposite.');
    assert.deepEqual(index.entitiesOfKind('speaker').map((e) => e.id).sort(), ['person:nadia-okonjo', 'person:okonjo', 'person:tunde-okonjo']);
    index.removeDocument('file:///c.txt');
    index.removeDocument('file:///a.txt');
    // A name known only from a manual mention (no entity) names the person under every id.
    index.setDocument('file:///d.txt', 'Nadia Okonjo spoke.', { mentions: [{ kind: 'speaker', start: 0, end: 12, text: 'Nadia Okonjo', source: 'manual', entityId: 'person:n-okonjo', value: 'Nadia Okonjo' }], entities: [] });
    assert.deepEqual(index.entitiesOfKind('speaker', 'file:///b.txt').map((e) => e.name), ['Nadia Okonjo']);
    index.removeDocument('file:///d.txt');
    assert.deepEqual(index.entitiesOfKind('speaker').map((e) => [e.id, e.name]), [['person:okonjo', 'Okonjo']]);
  });
});

describe('index: the seeds as the Entities view lists them', () => {
  it('shows one Ryabkov, and no surname under two names', function () {
    const seeds = requireShared(this, 'seeds');
    const index = new WorkspaceIndex();
    for (const name of fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) {
      const text = fs.readFileSync(path.join(seeds, name), 'utf8');
      const r = analyze(text, { lexicon: BUILTIN_LEXICON });
      // Closed documents, as the workspace scan indexes them.
      index.setDocument(`file:///seeds/${name}`, text, { mentions: r.mentions, entities: r.entities, documentDate: r.documentDate }, { cold: true });
    }
    const people = [...index.entitiesOfKind('speaker'), ...index.entitiesOfKind('person')];
    const ryabkov = index.entitiesOfKind('speaker').filter((e) => /Ryabkov/i.test(e.name));
    assert.deepEqual(
      ryabkov.map((e) => [e.id, e.name, e.documents]),
      [['person:sergei-ryabkov', 'Sergei Ryabkov', 5]],
    );
    const bySurname = new Map<string, Set<string>>();
    for (const e of people) {
      const surname = e.name.split(/\s+/).pop()?.toLowerCase() ?? '';
      bySurname.set(surname, (bySurname.get(surname) ?? new Set()).add(e.id));
    }
    assert.deepEqual([...bySurname].filter(([, ids]) => ids.size > 1), []);
  });
});
