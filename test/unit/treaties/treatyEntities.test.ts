import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import type { Mention } from '../../../src/core/model/mention';
import { treatyEntities } from '../../../src/core/recognizers/treaties/treatyRecognizer';
import { treaties } from './helpers';

describe('treaties: entities and linking across the document', () => {
  it('returns each treaty once, with the facts a hover card shows', () => {
    const mentions = treaties('The INF Treaty and the INF; then New START and START-3.');
    const entities = treatyEntities(mentions, BUILTIN_LEXICON);
    assert.deepEqual(
      entities.map((e) => e.id),
      ['treaty:inf', 'treaty:new-start'],
    );
    const inf = entities[0]!;
    assert.equal(inf.type, 'treaty');
    assert.equal(inf.name, 'INF Treaty');
    assert.equal(inf.facts.signed, '1987-12-08');
    assert.equal(inf.facts.inForce, '1988-06-01');
    assert.equal(inf.facts.ended, '2019-08-02');
    assert.match(String(inf.facts.fullName), /Elimination of Their Intermediate-Range and Shorter-Range Missiles/);
    assert.ok(inf.aliases.includes('Intermediate-Range Nuclear Forces Treaty'));
    assert.equal(entities[1]!.facts.suspended, '2023-02-21');
  });

  it('describes a treaty found by pattern, collecting its other surface forms', () => {
    const mentions = treaties('the Northern Lakes Treaty (NLT) binds both; the NLT is old.');
    const [entity] = treatyEntities(mentions, BUILTIN_LEXICON);
    assert.equal(entity?.id, 'treaty:northern-lakes-treaty');
    assert.equal(entity?.name, 'Northern Lakes Treaty');
    assert.deepEqual(entity?.aliases, ['NLT']);
  });

  it('gives an entity id to a treaty mention that has none (e.g. made by hand)', () => {
    const manual: Mention[] = [
      { kind: 'treaty', start: 0, end: 10, text: 'CFE Treaty', source: 'manual' },
      { kind: 'treaty', start: 20, end: 37, text: 'the Oslo Accords', source: 'manual' },
    ];
    treatyEntities(manual, BUILTIN_LEXICON);
    assert.equal(manual[0]!.entityId, 'treaty:cfe');
    assert.equal(manual[1]!.entityId, 'treaty:oslo-accords');
  });

  it('resolves a bare "START" by the document date: New START in 2023, START I in 1995', () => {
    assert.equal(treaties('The START limits hold.', { date: '2023-11-29' })[0]?.entityId, 'treaty:new-start');
    assert.equal(treaties('The START limits hold.', { date: '1995-03-01' })[0]?.entityId, 'treaty:start-i');
    assert.equal(treaties('The START limits hold.', { date: 'XXXX-12-22' })[0]?.attributes?.resolvedBy, 'default');
    assert.equal(treaties('The Strategic Arms Reduction Treaty expires.', { date: '2024-05-01' })[0]?.entityId, 'treaty:new-start');
  });

  it('without a date, resolves "START" by the treaty the document names, else by the latest year it mentions', () => {
    const named = treaties('START I was signed in Moscow. START cut warheads.');
    treatyEntities(named, BUILTIN_LEXICON);
    assert.equal(named[1]?.entityId, 'treaty:start-i');

    const recent = analyze('In 2026, START will cease to exist.', { lexicon: BUILTIN_LEXICON }).mentions.find((m) => m.kind === 'treaty');
    assert.equal(recent?.entityId, 'treaty:new-start');
    assert.equal(recent?.value, 'New START');
  });

  it('relinks copies of cached mentions without touching their shared attributes', () => {
    const original = treaties('START will cease to exist.');
    const frozen = original.map((m) => ({ ...m, attributes: Object.freeze({ ...m.attributes }) }));
    const copies = frozen.map((m) => ({ ...m }));
    const withYear: Mention[] = [...copies, { kind: 'date', start: 30, end: 34, text: '2026', value: '2026', source: 'auto' }];
    treatyEntities(withYear, BUILTIN_LEXICON);
    assert.equal(copies[0]?.entityId, 'treaty:new-start');
    assert.equal(frozen[0]?.entityId, 'treaty:start-i');
  });

  it('links every treaty mention of a full analysis to an entity that is listed', () => {
    const result = analyze('The CFE Treaty (CFE) and the Open Skies Treaty.\n\nLater the CFE lapsed.', { lexicon: BUILTIN_LEXICON });
    const ids = new Set(result.entities.map((e) => e.id));
    const treatyMentions = result.mentions.filter((m) => m.kind === 'treaty');
    assert.equal(treatyMentions.length, 4);
    for (const m of treatyMentions) assert.ok(m.entityId && ids.has(m.entityId), m.text);
  });
});
