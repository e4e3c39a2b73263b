import * as assert from 'node:assert/strict';
import { addPersonAliases } from '../../../src/core/lexicon/lexiconEdit';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { mergeLexicons, parseWorkspaceLexicon } from '../../../src/core/lexicon/workspaceLexicon';
import { analyze } from '../../../src/core/analyze';

function parsed(text: string) {
  const r = parseWorkspaceLexicon(text, 'lexicon.yaml');
  assert.deepEqual(r.problems, []);
  return r.lexicon;
}

describe('lexicon: writing aliases into the workspace lexicon', () => {
  it('adds a person with the alias to an empty or missing file', () => {
    const text = addPersonAliases('', { id: 'person:daniel-okafor', name: 'Daniel Okafor' }, ['Dan Okafor']);
    assert.deepEqual(parsed(text).people, [{ id: 'person:daniel-okafor', name: 'Daniel Okafor', aliases: ['Dan Okafor'] }]);
  });

  it('adds to the aliases of the person already listed, keeping the rest of the file and its comments', () => {
    const before = '# our people\npeople:\n  - name: Daniel Okafor # the negotiator\n    aliases: [D. Okafor]\n    role: Chief negotiator\ntreaties:\n  - name: Kyiv Accord\n';
    const text = addPersonAliases(before, { id: 'person:daniel-okafor', name: 'Daniel Okafor' }, ['Okafor', 'D. Okafor']);
    const lexicon = parsed(text);
    assert.deepEqual(lexicon.people[0]?.aliases, ['D. Okafor', 'Okafor']);
    assert.equal(lexicon.people[0]?.role, 'Chief negotiator');
    assert.equal(lexicon.treaties.length, 1);
    assert.match(text, /# our people/);
    assert.match(text, /# the negotiator/);
  });

  it('overrides a built-in person by id, keeping its built-in aliases', () => {
    const text = addPersonAliases('', { id: 'person:sergei-ryabkov', name: 'Sergei Ryabkov' }, ['S. A. Ryabkov']);
    const merged = mergeLexicons(BUILTIN_LEXICON, parsed(text));
    const ryabkov = merged.people.find((p) => p.id === 'person:sergei-ryabkov');
    assert.deepEqual(ryabkov?.aliases, ['Sergey Ryabkov', 'S. A. Ryabkov']);
    assert.ok(ryabkov?.terms && ryabkov.terms.length > 0, 'the built-in terms stay');
  });

  it('makes the two names one person for the analysis', () => {
    const text = addPersonAliases('', { id: 'person:daniel-okafor', name: 'Daniel Okafor' }, ['Danny Okafor']);
    const r = analyze('Daniel Okafor said no.\n\nDanny Okafor said it again.', { lexicon: mergeLexicons(BUILTIN_LEXICON, parsed(text)) });
    assert.deepEqual(
      r.mentions.filter((m) => m.kind === 'speaker').map((m) => m.entityId),
      ['person:daniel-okafor', 'person:daniel-okafor'],
    );
  });

  it('refuses to rewrite a file it cannot read, naming the problem', () => {
    assert.throws(() => addPersonAliases('people: [unclosed\n', { id: 'person:x', name: 'X' }, ['Y'], 'lexicon.yaml'), /lexicon\.yaml line \d+: .*fix it before adding aliases/);
    assert.throws(() => addPersonAliases('people: 3\n', { id: 'person:x', name: 'X' }, ['Y'], 'lexicon.yaml'), /lexicon\.yaml: 'people' must be a list/);
    // Refused before the parser recurses into it (see yamlDepth.test.ts for what that recursion can do).
    const deep = `people:\n  - name: X\n    aliases: ${'['.repeat(1500)}${']'.repeat(1500)}\n`;
    assert.throws(() => addPersonAliases(deep, { id: 'person:x', name: 'X' }, ['Y'], 'lexicon.yaml'), /lexicon\.yaml line 3: nested too deeply.*fix it before adding aliases/);
  });
});
