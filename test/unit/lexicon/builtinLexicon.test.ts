import * as assert from 'node:assert/strict';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { checkField, TREATY_FIELDS } from '../../../src/core/lexicon/lexiconFields';
import { spans } from '../treaties/helpers';

const treaties = BUILTIN_LEXICON.treaties;
const byId = new Map(treaties.map((t) => [t.id, t]));

describe('lexicon: built-in treaty data', () => {
  it('covers the treaties the issue lists', () => {
    const required = [
      'new-start', 'start-i', 'start-ii', 'salt-i', 'salt-ii', 'inf', 'abm', 'sort', 'cfe', 'open-skies', 'npt', 'ctbt',
      'nato-russia-founding-act', 'helsinki-final-act', 'jcpoa', 'iaea-additional-protocol', 'cwc', 'bwc', 'outer-space-treaty', 'tpnw',
    ];
    for (const slug of required) assert.ok(byId.has(`treaty:${slug}`), slug);
  });

  it('has unique ids of the form treaty:<slug>', () => {
    assert.equal(byId.size, treaties.length);
    for (const t of treaties) assert.match(t.id, /^treaty:[a-z0-9][a-z0-9-]*$/);
  });

  it('gives every entry a name, a full name and lists of forms', () => {
    for (const t of treaties) {
      assert.ok(t.name.trim() && t.fullName.trim(), t.id);
      assert.ok(Array.isArray(t.abbreviations) && Array.isArray(t.aliases), t.id);
    }
  });

  it('passes the same field checks as a workspace lexicon (ISO dates, string lists, booleans)', () => {
    for (const t of treaties) {
      for (const [field, value] of Object.entries(t)) {
        const rule = TREATY_FIELDS[field];
        assert.ok(rule, `${t.id}: unknown field ${field}`);
        const checked = checkField('treaty', field, rule, value);
        assert.ok(!('problem' in checked), `${t.id}: ${'problem' in checked ? checked.problem : ''}`);
      }
    }
  });

  it('keeps dates in order: signed <= in force <= ended', () => {
    for (const t of treaties) {
      if (t.signed && t.inForce) assert.ok(t.signed <= t.inForce, t.id);
      if (t.inForce && t.ended) assert.ok(t.inForce <= t.ended, t.id);
      if (t.signed && t.ended) assert.ok(t.signed <= t.ended, t.id);
    }
  });

  it('maps every abbreviation to exactly one treaty', () => {
    const owner = new Map<string, string>();
    for (const t of treaties) {
      for (const a of t.abbreviations) {
        assert.ok(!owner.has(a), `${a}: ${owner.get(a)} and ${t.id}`);
        owner.set(a, t.id);
      }
    }
  });

  it('maps every name and alias to one treaty, case aside', () => {
    const owner = new Map<string, string>();
    for (const t of treaties) {
      for (const form of new Set([t.name, ...t.aliases].map((f) => f.toLowerCase()))) {
        assert.ok(!owner.has(form) || owner.get(form) === t.id, `${form}: ${owner.get(form)} and ${t.id}`);
        owner.set(form, t.id);
      }
    }
  });

  it('points contextual forms at a form another entry owns', () => {
    for (const t of treaties) {
      for (const f of t.contextualForms ?? []) {
        const owners = treaties.filter((o) => o.id !== t.id && [...o.abbreviations, ...o.aliases].includes(f));
        assert.equal(owners.length, 1, `${t.id}: ${f}`);
      }
    }
  });

  it('records the facts the issue states', () => {
    assert.deepEqual(pick('treaty:new-start'), { signed: '2010-04-08', inForce: '2011-02-05', ended: '2026-02-05', suspended: '2023-02-21' });
    assert.deepEqual(pick('treaty:inf'), { signed: '1987-12-08', inForce: '1988-06-01', ended: '2019-08-02', suspended: undefined });
    assert.deepEqual(pick('treaty:open-skies'), { signed: '1992-03-24', inForce: '2002-01-01', ended: undefined, suspended: undefined });
    assert.match(byId.get('treaty:open-skies')!.notes ?? '', /2020-11-22.*2021-12-18/);
    assert.ok(byId.get('treaty:new-start')!.abbreviations.includes('START-3'));
  });

  it('finds each entry by its own name, abbreviations and aliases', () => {
    for (const t of treaties) {
      for (const form of [t.name, ...t.abbreviations, ...t.aliases]) {
        const text = `They discussed the ${form.charAt(0).toUpperCase()}${form.slice(1)} at length.`;
        assert.ok(spans(text).length >= 1, `${t.id}: ${form}`);
      }
    }
  });
});

function pick(id: string) {
  const t = byId.get(id)!;
  return { signed: t.signed, inForce: t.inForce, ended: t.ended, suspended: t.suspended };
}
