import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeCommand } from '../../../src/cli/analyzeCommand';
import { linkPeopleAcrossDocuments, type WorkspacePerson } from '../../../src/core/recognizers/speakers/workspacePeople';
import { foldWord } from '../../../src/core/recognizers/speakers/transliteration';
import { requireShared } from '../../support/sharedData';

function person(id: string, name: string, lexicon = false): WorkspacePerson {
  return { id, name, lexicon };
}

function resolved(people: WorkspacePerson[]): Record<string, string> {
  const links = linkPeopleAcrossDocuments(people);
  return Object.fromEntries(people.map((p) => [p.id, links.get(p.id)?.id ?? p.id]));
}

interface JsonOut {
  documents: { path: string; entities: { kind: string; text: string; id?: string }[] }[];
}

async function analyzeJson(dir: string): Promise<JsonOut> {
  let out = '';
  const code = await analyzeCommand.run(['--format', 'json', dir], { stdout: (t) => (out += t), stderr: () => undefined, cwd: process.cwd() });
  assert.equal(code, 0);
  return JSON.parse(out) as JsonOut;
}

/** The ids each surname is given across all documents (of speaker and person mentions). */
function idsBySurname(json: JsonOut): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  for (const doc of json.documents) {
    for (const e of doc.entities) {
      if ((e.kind !== 'speaker' && e.kind !== 'person') || !e.id) continue;
      const words = e.text.split(/\s+/);
      const surname = foldWord(words[words.length - 1] as string);
      if (!ids.has(surname)) ids.set(surname, new Set());
      ids.get(surname)?.add(e.id);
    }
  }
  return ids;
}

describe('speakers: one identity per person across the workspace', () => {
  it('joins transliteration variants and a surname alone to the one person of that name', () => {
    const ids = resolved([person('person:sergei-ryabkov', 'Sergei Ryabkov'), person('person:sergey-riabkov', 'Sergey Riabkov'), person('person:ryabkov', 'Ryabkov')]);
    assert.deepEqual(new Set(Object.values(ids)), new Set(['person:sergei-ryabkov']));
  });

  it('keeps people who share a surname and an initial apart, and a surname alone then joins nobody', () => {
    const ids = resolved([
      person('person:joe-biden', 'Joe Biden'),
      person('person:joseph-r-biden', 'Joseph R. Biden'),
      person('person:hunter-biden', 'Hunter Biden'),
      person('person:biden', 'Biden'),
      person('person:george-w-bush', 'George W. Bush'),
      person('person:george-h-w-bush', 'George H. W. Bush'),
    ]);
    assert.equal(ids['person:joseph-r-biden'], 'person:joe-biden');
    assert.equal(ids['person:hunter-biden'], 'person:hunter-biden');
    assert.equal(ids['person:biden'], 'person:biden');
    assert.equal(ids['person:george-w-bush'], 'person:george-w-bush');
    assert.equal(ids['person:george-h-w-bush'], 'person:george-h-w-bush');
  });

  it('gives a lexicon person its own id, and never merges two lexicon people', () => {
    const ids = resolved([person('person:joe-biden', 'Joe Biden'), person('person:joseph-biden', 'Joseph Biden', true), person('person:jill-biden', 'Jill Biden', true)]);
    assert.equal(ids['person:joe-biden'], 'person:joseph-biden');
    assert.equal(ids['person:jill-biden'], 'person:jill-biden');
  });

  it('answers the same whatever the order of the people', () => {
    const people = [person('person:okafor', 'Okafor'), person('person:daniel-okafor', 'Daniel Okafor'), person('person:dan-okafor', 'Dan Okafor')];
    assert.deepEqual(resolved(people), resolved([...people].reverse()));
  });

  it('the CLI gives one id per person across files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-people-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.txt'), 'Deputy Foreign Minister Sergei Ryabkov said the talks were over.\n');
      fs.writeFileSync(path.join(dir, 'b.txt'), 'Sergey Ryabkov said the talks would resume.\n');
      fs.writeFileSync(path.join(dir, 'c.txt'), 'Minister Nadia Okonjo said nothing changed.\n');
      fs.writeFileSync(path.join(dir, 'd.txt'), 'Okonjo said it again, the ministry added.\n');
      const ids = idsBySurname(await analyzeJson(dir));
      assert.deepEqual([...(ids.get('riabkov') ?? [])], ['person:sergei-ryabkov']);
      assert.deepEqual([...(ids.get('okonjo') ?? [])], ['person:nadia-okonjo']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI gives one id per person across the seeds', async function () {
    const seeds = requireShared(this, 'seeds');
    const ids = idsBySurname(await analyzeJson(seeds));
    const split = [...ids].filter(([, set]) => set.size > 1).map(([surname, set]) => `${surname}: ${[...set].join(', ')}`);
    assert.deepEqual(split, [], 'surnames with several ids');
    assert.ok(ids.get('riabkov')?.has('person:sergei-ryabkov'));
  });
});
