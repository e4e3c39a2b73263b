import * as assert from 'node:assert/strict';
import { addPersonAliases } from '../../../src/core/lexicon/lexiconEdit';
import { formatLexiconProblem, parseWorkspaceLexicon } from '../../../src/core/lexicon/workspaceLexicon';
import { PSEUDO, unmark } from '../support/pseudoLocale';

/** Lexicons each with other mistakes, together saying every problem the lexicon reader words itself. */
const BROKEN: Array<[string, string]> = [
  ['a syntax error', 'treaties:\n  - name: "Kyiv Accord\n'],
  ['a warning', '%FOO bar\n---\ntreaties: []\n'],
  ['no mapping', '- a\n'],
  ['an unknown key, a list that is none', 'notes: hello\ntreaties: none\n'],
  ['an entry that is no mapping', 'people: [1]\ntreaties: [2]\n'],
  ['an unknown field', 'treaties:\n  - name: Kyiv Accord\n    colour: blue\npeople:\n  - name: A B\n    colour: red\n'],
  ['bad values', 'treaties:\n  - id: Kyiv\n  - name: ""\n  - name: X\n    parties: [1]\n  - name: Y\n    signed: 2024-13-01\n  - name: Z\n    weaponClass: yes please\n'],
  ['no id or name', 'treaties:\n  - notes: hello\n'],
  ['an override of nothing', 'people:\n  - id: person:nobody-here\n'],
  ['listed twice', 'people:\n  - name: A B\n  - name: A B\n'],
  ['one alias', 'treaties:\n  - &t name: Kyiv Accord\n    aliases: [*t]\n'],
  ['aliases', 'x: &a 1\ntreaties:\n  - *a\n  - *a\n'],
  ['a taken abbreviation', 'treaties:\n  - name: Infantry Accord\n    abbreviations: [INF]\n'],
];

describe("lexicon problems in the reader's language (the core's messages port)", () => {
  it('every problem the lexicon reader finds is worded through the port, and reads as before in English', () => {
    for (const [what, text] of BROKEN) {
      const english = parseWorkspaceLexicon(text, 'ws/lexicon.yaml').problems;
      const pseudo = parseWorkspaceLexicon(text, 'ws/lexicon.yaml', PSEUDO).problems;
      assert.ok(english.length > 0, what);
      assert.deepEqual(pseudo.map((p) => unmark(formatLexiconProblem(p))), english.map(formatLexiconProblem), what);
      for (const p of pseudo) assert.match(p.message, /^\u00ab.*\u00bb$/s, `${what}: ${p.message}`);
      for (const p of pseudo) assert.equal(p.file, 'ws/lexicon.yaml', 'the problem names the file');
    }
  });

  it('a lexicon that cannot be edited is refused in words of the port, naming the file', () => {
    const person = { id: 'person:a-b', name: 'A B' };
    for (const text of ['people: [\n', '- a\n', 'people: 1\n']) {
      const refusal = (l10n?: typeof PSEUDO) => {
        try {
          addPersonAliases(text, person, ['AB'], 'ws/lexicon.yaml', l10n);
        } catch (e) {
          return (e as Error).message;
        }
        return assert.fail(`${text}: not refused`);
      };
      const [english, pseudo] = [refusal(), refusal(PSEUDO)];
      assert.ok(english.startsWith('ws/lexicon.yaml'), english);
      assert.match(pseudo, /^\u00ab.*\u00bb$/s);
      assert.equal(unmark(pseudo), english);
    }
  });
});
