import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { formatLexiconProblem, mergeLexicons, parseWorkspaceLexicon } from '../../../src/core/lexicon/workspaceLexicon';
import { links } from '../treaties/helpers';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'lexicon');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('lexicon: workspace lexicon.yaml', () => {
  it('reads people and treaties, deriving ids from names', () => {
    const { lexicon, problems } = parseWorkspaceLexicon(read('workspace-lexicon.yaml'), 'lexicon.yaml');
    assert.deepEqual(problems, []);
    assert.deepEqual(lexicon.people[0], {
      id: 'person:alma-verhoeven',
      name: 'Alma Verhoeven',
      aliases: ['A. Verhoeven', 'Alma Verhoevenová'],
      role: 'Chief negotiator of the Northern Lakes talks',
    });
    assert.equal(lexicon.people[1]?.id, 'person:tomas-rudd');
    assert.deepEqual(lexicon.people[1]?.aliases, []);
    const accord = lexicon.treaties.find((t) => t.id === 'treaty:northern-lakes-accord');
    assert.equal(accord?.signed, '2019-06-11');
    assert.deepEqual(accord?.abbreviations, ['NLA']);
  });

  it('reports each invalid entry with file, line and problem, and loads the rest', () => {
    const { lexicon, problems } = parseWorkspaceLexicon(read('invalid-lexicon.yaml'), 'ws/.marginalia/lexicon.yaml');
    const lines = problems.map(formatLexiconProblem);
    assert.deepEqual(lines, [
      `ws/.marginalia/lexicon.yaml:6: treaty 'Bad Date Treaty': 'signed' must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got "2001-02-30"`,
      `ws/.marginalia/lexicon.yaml:7: treaty 'Treaty:Wrong-Case': 'id' must look like 'treaty:some-name' (lower-case letters, digits and hyphens)`,
      `ws/.marginalia/lexicon.yaml:9: treaty entry needs an 'id' (to override a built-in entry) or a 'name' (to add one)`,
      `ws/.marginalia/lexicon.yaml:11: treaty 'Typo Treaty': unknown field 'sigend' (ignored); known fields: ${Object.keys(BUILTIN_FIELDS).join(', ')}`,
      `ws/.marginalia/lexicon.yaml:13: treaty 'Weapon Flag Treaty': 'weaponClass' must be true or false`,
      `ws/.marginalia/lexicon.yaml:17: person entry needs an 'id' (to override a built-in entry) or a 'name' (to add one)`,
    ]);
    assert.deepEqual(
      lexicon.treaties.map((t) => t.name),
      ['Good Harbour Treaty', 'Typo Treaty'],
    );
    assert.deepEqual(
      lexicon.people.map((p) => p.name),
      ['Nobody Special'],
    );
  });

  it('names the line of a YAML syntax error and keeps what it could read', () => {
    const text = 'treaties:\n  - name: Alpha Treaty\n  - name: "Beta Treaty\n';
    const { problems } = parseWorkspaceLexicon(text, 'lexicon.yaml');
    assert.ok(problems.length >= 1);
    assert.match(formatLexiconProblem(problems[0]!), /^lexicon\.yaml:3: YAML syntax error: /);
  });

  it('reports duplicate keys and refuses YAML aliases', () => {
    const text = 'treaties:\n  - name: Alpha Treaty\n    name: Again\n  - name: Gamma Treaty\n    aliases: &a [G]\n  - name: Delta Treaty\n    aliases: *a\n';
    const { lexicon, problems } = parseWorkspaceLexicon(text, 'l.yaml');
    const lines = problems.map(formatLexiconProblem);
    assert.ok(lines.some((l) => /^l\.yaml:3: YAML syntax error: Map keys must be unique/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /^l\.yaml:7: treaty 'Delta Treaty': YAML aliases \(\*a\) are not supported/.test(l)), lines.join('\n'));
    assert.ok(!lexicon.treaties.some((t) => t.name === 'Delta Treaty'));
    assert.ok(lexicon.treaties.some((t) => t.name === 'Gamma Treaty'));
  });

  it('reports a list that is not a list and an unknown top-level key', () => {
    const { problems } = parseWorkspaceLexicon('treaties: none\nnotes: hello\n', 'l.yaml');
    assert.deepEqual(problems.map(formatLexiconProblem), ["l.yaml:1: 'treaties' must be a list of entries", "l.yaml:2: unknown top-level key 'notes' (expected 'people' or 'treaties'); ignored"]);
  });

  it('accepts an empty file', () => {
    assert.deepEqual(parseWorkspaceLexicon('', 'l.yaml'), { lexicon: { people: [], treaties: [] }, problems: [] });
    assert.deepEqual(parseWorkspaceLexicon('# nothing yet\n', 'l.yaml').problems, []);
  });

  it('warns when an abbreviation moves from a built-in treaty to a workspace one', () => {
    const { problems } = parseWorkspaceLexicon('treaties:\n  - name: Infantry Accord\n    abbreviations: [INF]\n', 'l.yaml');
    assert.deepEqual(problems.map(formatLexiconProblem), ["l.yaml:2: treaty 'treaty:infantry-accord': abbreviation 'INF' also belongs to 'treaty:inf'; this entry takes it over"]);
  });
});

describe('lexicon: merging a workspace lexicon over the built-in one', () => {
  const overlay = parseWorkspaceLexicon(read('workspace-lexicon.yaml'), 'lexicon.yaml').lexicon;
  const merged = mergeLexicons(BUILTIN_LEXICON, overlay);

  it('replaces only the fields an override gives', () => {
    const openSkies = merged.treaties.find((t) => t.id === 'treaty:open-skies')!;
    assert.equal(openSkies.notes, "Our reading list follows the treaty's 1992 text.");
    assert.equal(openSkies.signed, '1992-03-24');
    assert.equal(merged.treaties.filter((t) => t.id === 'treaty:open-skies').length, 1);
  });

  it('adds new entries after the built-in ones and leaves both inputs unchanged', () => {
    assert.equal(merged.treaties.length, BUILTIN_LEXICON.treaties.length + 1);
    assert.equal(merged.treaties.at(-1)?.id, 'treaty:northern-lakes-accord');
    assert.equal(merged.people.length, BUILTIN_LEXICON.people.length + 2);
    assert.notEqual(BUILTIN_LEXICON.treaties.find((t) => t.id === 'treaty:open-skies')!.notes, "Our reading list follows the treaty's 1992 text.");
  });

  it('makes the recognizer find the workspace treaty by name, alias and abbreviation', () => {
    assert.deepEqual(links('The Northern Lakes Accord, or Lakes Accord, or NLA, and the NPT.', { lexicon: merged }), [
      ['Northern Lakes Accord', 'treaty:northern-lakes-accord'],
      ['Lakes Accord', 'treaty:northern-lakes-accord'],
      ['NLA', 'treaty:northern-lakes-accord'],
      ['NPT', 'treaty:npt'],
    ]);
  });

  it('lets a workspace abbreviation win over the built-in owner', () => {
    const { lexicon } = parseWorkspaceLexicon('treaties:\n  - name: Infantry Accord\n    abbreviations: [INF]\n', 'l.yaml');
    assert.deepEqual(links('The INF was signed.', { lexicon: mergeLexicons(BUILTIN_LEXICON, lexicon) }), [['INF', 'treaty:infantry-accord']]);
  });
});

describe('lexicon: schemas/lexicon.schema.json', () => {
  const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'schemas', 'lexicon.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);

  it('accepts our sample workspace lexicon', () => {
    assert.ok(validate(parseYaml(read('workspace-lexicon.yaml'))), JSON.stringify(validate.errors));
  });

  it('rejects what the parser rejects', () => {
    const cases = ['treaties:\n  - name: A\n    signed: 2001-02-3\n', 'treaties:\n  - id: Treaty:X\n', 'treaties:\n  - abbreviations: [X]\n', 'people:\n  - role: r\n', 'treaties:\n  - name: A\n    weaponClass: maybe\n'];
    for (const text of cases) {
      assert.equal(validate(parseYaml(text)), false, text);
      assert.ok(parseWorkspaceLexicon(text, 'l.yaml').problems.length > 0, text);
    }
  });

  it('accepts every built-in entry as a workspace entry', () => {
    assert.ok(validate({ treaties: BUILTIN_LEXICON.treaties }), JSON.stringify(validate.errors?.slice(0, 3)));
  });
});

const BUILTIN_FIELDS = Object.fromEntries(
  ['id', 'name', 'fullName', 'abbreviations', 'aliases', 'signed', 'inForce', 'ended', 'suspended', 'parties', 'status', 'notes', 'contextualForms', 'notBefore', 'weaponClass'].map((f) => [f, true]),
);

describe('lexicon: workspace treaties with letters beyond ASCII', () => {
  it('finds a name that starts and ends with an accented letter', () => {
    const { lexicon } = parseWorkspaceLexicon('treaties:\n  - name: Élysée Treaty\n    aliases: [Traité de l’Élysée]\n', 'l.yaml');
    assert.deepEqual(links('Under the Élysée Treaty, or Traité de l’Élysée, both meet.', { lexicon: mergeLexicons(BUILTIN_LEXICON, lexicon) }), [
      ['Élysée Treaty', 'treaty:elysee-treaty'],
      ['Traité de l’Élysée', 'treaty:elysee-treaty'],
    ]);
  });
});

describe('lexicon: input that must not break the whole file', () => {
  it('a field named like a property of every object is an unknown field with its line, and the rest loads', () => {
    for (const field of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const text = `people:\n  - name: Alma Verhoeven\n    ${field}: x\n  - name: Tomas Rudd\ntreaties:\n  - name: Kyiv Accord\n    ${field}: [y]\n`;
      const { lexicon, problems } = parseWorkspaceLexicon(text, 'lexicon.yaml');
      assert.deepEqual(lexicon.people.map((p) => p.id), ['person:alma-verhoeven', 'person:tomas-rudd'], field);
      assert.deepEqual(lexicon.treaties.map((t) => t.id), ['treaty:kyiv-accord'], field);
      assert.deepEqual(problems.map((p) => [p.line, /unknown field/.test(p.message)]), [[3, true], [7, true]], `${field}: ${JSON.stringify(problems)}`);
      assert.equal(Object.getPrototypeOf(lexicon.people[0]), Object.prototype);
    }
  });

  it('nesting too deep to parse is one clear line naming the file', () => {
    const { lexicon, problems } = parseWorkspaceLexicon(`people: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, 'lexicon.yaml');
    assert.deepEqual(lexicon, { people: [], treaties: [] });
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(formatLexiconProblem(problems[0]!), /^lexicon\.yaml:1: .*nested too deeply/);
  });
});

describe('lexicon: a billion-laughs file', () => {
  it('is one line for all its aliases, naming the first and the count, and the entries holding them are left out', () => {
    const lol = '"lol","lol","lol","lol","lol","lol","lol","lol","lol"';
    const text = `people:\n  - &a {name: A, aliases: [${lol}]}\ntreaties: [${Array(40).fill('*a').join(',')}]\n  # end\n`;
    const { lexicon, problems } = parseWorkspaceLexicon(text, 'lexicon.yaml');
    const lines = problems.map(formatLexiconProblem);
    assert.deepEqual(lines, ["lexicon.yaml:3: YAML aliases (*a) are not supported in a lexicon; write the value out (40 aliases in all; every entry holding one is left out)"]);
    assert.deepEqual(lexicon.treaties, []);
    assert.deepEqual(lexicon.people.map((p) => p.name), ['A']);
  });
});
