import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { firstWords, matchesPerson, quotesByPerson } from '../../../src/core/index/quoteList';

// Written for this test: a dated text, an earlier one, and one with no date (named so it sorts first by URI).
const LATER = 'GENEVA, May 1, 2024 - Talks resumed on Monday.\n\n"We are ready to listen," Helena Marsh said.\n';
const EARLIER =
  'VIENNA, January 10, 2023 - A meeting ended.\n\n"The first round went well," Helena Marsh said.\n\n' +
  'Later she added: "The second round will be harder."\n\n"Nothing is agreed," said Daniel Okafor.\n';
const UNDATED = 'Notes from the meeting.\n\n"Undated words," Helena Marsh said.\n';

function indexOf(docs: Record<string, string>, cold: boolean): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(docs)) {
    const r = analyze(text, { lexicon: BUILTIN_LEXICON });
    index.setDocument(uri, text, { mentions: r.mentions, entities: r.entities, documentDate: r.documentDate }, cold ? { cold: true } : undefined);
  }
  return index;
}

describe('Quotes view: every quote of a person across the workspace', () => {
  for (const cold of [false, true]) {
    it(`lists people by name, each one's quotes by document date, then position, undated last (${cold ? 'closed' : 'open'} documents)`, () => {
      const index = indexOf({ 'file:///a-undated.txt': UNDATED, 'file:///b-later.txt': LATER, 'file:///c-earlier.txt': EARLIER }, cold);
      const people = quotesByPerson(index);
      assert.deepEqual(
        people.map((p) => p.name),
        ['Daniel Okafor', 'Helena Marsh'],
      );
      const marsh = people[1];
      assert.deepEqual(
        marsh.quotes.map((q) => [q.uri, q.date, q.text]),
        [
          ['file:///c-earlier.txt', '2023-01-10', 'The first round went well,'],
          ['file:///c-earlier.txt', '2023-01-10', 'The second round will be harder.'],
          ['file:///b-later.txt', '2024-05-01', 'We are ready to listen,'],
          ['file:///a-undated.txt', undefined, 'Undated words,'],
        ],
      );
      for (const q of marsh.quotes) assert.equal(index.document(q.uri)?.text.slice(q.start, q.end), q.text);
    });
  }

  it('is empty for a workspace without quotes, and filters by name or alias', () => {
    assert.deepEqual(quotesByPerson(indexOf({ 'file:///x.txt': 'Nothing said here.' }, true)), []);
    const [okafor] = quotesByPerson(indexOf({ 'file:///c.txt': EARLIER }, false));
    assert.ok(matchesPerson(okafor, 'okaf') && matchesPerson(okafor, '') && !matchesPerson(okafor, 'marsh'));
    assert.ok(matchesPerson({ ...okafor, aliases: ['Dan O.'] }, 'dan o'));
  });

  it('shows a quote by its first words', () => {
    assert.equal(firstWords('  We are\nready to listen, '), 'We are ready to listen,');
    assert.equal(firstWords('one two three four five six seven eight nine'), 'one two three four five six seven eight\u2026');
  });
});
