import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { checkField } from '../../../src/core/lexicon/lexiconFields';
import { roleAt } from '../../../src/core/lexicon/personTerms';
import { mergeLexicons, parseWorkspaceLexicon } from '../../../src/core/lexicon/workspaceLexicon';
import { buildHoverCard } from '../../../src/core/index/hoverCard';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';

const people = BUILTIN_LEXICON.people;
const byId = new Map(people.map((p) => [p.id, p]));

describe('lexicon: built-in people data', () => {
  it('covers the heads of state, ministers, spokespeople and officials arms-control texts quote', () => {
    for (const slug of ['sergei-ryabkov', 'sergei-lavrov', 'vladimir-putin', 'joe-biden', 'dmitry-peskov', 'maria-zakharova', 'jen-psaki', 'ned-price', 'john-kirby', 'antonio-guterres', 'izumi-nakamitsu', 'jens-stoltenberg', 'xi-jinping', 'volodymyr-zelensky', 'kim-jong-un', 'george-w-bush', 'george-h-w-bush']) {
      assert.ok(byId.has(`person:${slug}`), slug);
    }
    assert.ok(people.length >= 100, `${people.length} people`);
  });

  it('has unique ids of the form person:<slug>, a role, and terms with ISO dates in order', () => {
    assert.equal(byId.size, people.length);
    for (const p of people) {
      assert.match(p.id, /^person:[a-z0-9][a-z0-9-]*$/);
      assert.ok(p.role && p.terms && p.terms.length > 0, p.id);
      for (const t of p.terms ?? []) {
        for (const d of [t.from, t.to]) if (d !== undefined) assert.ok(!('problem' in checkField('person', 'from', { type: 'date' }, d)), `${p.id}: ${d}`);
        if (t.from && t.to) assert.ok(t.from <= t.to, `${p.id}: ${t.from} after ${t.to}`);
      }
    }
  });

  it('gives the role held at a date', () => {
    const putin = byId.get('person:vladimir-putin');
    assert.equal(roleAt(putin?.terms, '2010-06-01'), 'Prime Minister of Russia');
    assert.equal(roleAt(putin?.terms, '2022-12-01'), 'President of Russia');
    assert.equal(roleAt(putin?.terms, '2012-05'), 'President of Russia');
    const kirby = byId.get('person:john-kirby');
    assert.equal(roleAt(kirby?.terms, '2016'), 'US State Department Spokesperson');
    assert.equal(roleAt(kirby?.terms, '1990-01-01'), undefined);
  });

  it('links texts to the built-in people, and keeps George W. and George H. W. Bush apart', () => {
    const r = analyze('Sergey Ryabkov said no.\n\nGeorge W. Bush said yes.\n\nGeorge H. W. Bush said it too.', { lexicon: BUILTIN_LEXICON });
    assert.deepEqual(
      r.mentions.filter((m) => m.kind === 'speaker').map((m) => m.entityId),
      ['person:sergei-ryabkov', 'person:george-w-bush', 'person:george-h-w-bush'],
    );
  });

  it('lets the workspace lexicon override a built-in person, by id or by a name it claims', () => {
    const { lexicon, problems } = parseWorkspaceLexicon('people:\n  - id: person:sergei-ryabkov\n    role: Ambassador\n  - name: Sergey Lavrov\n    role: Our own entry\n', 'lexicon.yaml');
    assert.deepEqual(problems, []);
    const merged = mergeLexicons(BUILTIN_LEXICON, lexicon);
    const ryabkov = merged.people.find((p) => p.id === 'person:sergei-ryabkov');
    assert.equal(ryabkov?.role, 'Ambassador');
    assert.deepEqual(ryabkov?.terms ?? [], [], 'a role given by the workspace replaces the built-in terms');
    const r = analyze('Sergei Lavrov said no.', { lexicon: merged });
    assert.equal(r.mentions.find((m) => m.kind === 'speaker')?.entityId, 'person:sergey-lavrov');
  });
});

describe('hover cards: the role a built-in person held at the document date', () => {
  const options = { documentName: (uri: string) => uri, revealCommand: 'marginalia.revealMention' };

  function hoverOn(text: string, needle: string): string {
    const index = new WorkspaceIndex();
    const r = analyze(text, { lexicon: BUILTIN_LEXICON });
    index.setDocument('file:///a.txt', text, { mentions: r.mentions, entities: r.entities, documentDate: r.documentDate });
    const ref = index.mentionAt('file:///a.txt', text.indexOf(needle));
    assert.ok(ref, needle);
    return buildHoverCard(index, ref, options);
  }

  it('shows Prime Minister in 2010 and President in 2022 for the same person', () => {
    assert.match(hoverOn('MOSCOW, June 3, 2010\n\nVladimir Putin said the talks would go on.', 'Vladimir Putin'), /\*Prime Minister of Russia\* \(on 3 June 2010\)/);
    assert.match(hoverOn('MOSCOW, December 1, 2022\n\nVladimir Putin said the talks would go on.', 'Vladimir Putin'), /\*President of Russia\* \(on 1 December 2022\)/);
  });

  it('shows the latest role without a document date', () => {
    assert.match(hoverOn('Vladimir Putin said the talks would go on.', 'Vladimir Putin'), /\*President of Russia\*/);
  });
});
