import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { reconcile } from '../../../src/core/model/documentView';
import { emptySidecar, newId, type Sidecar } from '../../../src/core/model/annotation';
import type { Mention } from '../../../src/core/model/mention';
import { describeQuote } from '../../../src/core/anchoring/textQuote';
import { annotationAt, annotationOn, T0 } from './sidecarTestData';

const TEXT = 'On Thursday, Sergey Ryabkov said the New START treaty was still in force. Ryabkov added nothing.';

function auto(kind: Mention['kind'], text: string, from = 0): Mention {
  const start = TEXT.indexOf(text, from);
  return { kind, start, end: start + text.length, text, source: 'auto' };
}

describe('reconcile', () => {
  const autos = [auto('date', 'Thursday'), auto('speaker', 'Ryabkov'), auto('treaty', 'New START'), auto('speaker', 'Ryabkov', 60)];

  it('without a sidecar, the view is the automatic mentions', () => {
    const view = reconcile({ mentions: autos, entities: [] }, emptySidecar(), TEXT);
    assert.deepEqual(view.mentions, autos);
    assert.deepEqual(view.orphans, []);
  });

  it('a manual annotation wins over an overlapping automatic mention of the same kind, not of another kind', () => {
    const manual = annotationOn(TEXT, 'Sergey Ryabkov', { note: 'deputy foreign minister', entityId: 'person:sergey-ryabkov', label: 'Deputy FM' });
    const dateOverlap = annotationOn(TEXT, 'New START treaty', { kind: 'custom', label: 'instrument' });
    const view = reconcile({ mentions: autos, entities: [] }, { ...emptySidecar(), annotations: [manual, dateOverlap] }, TEXT);
    assert.deepEqual(view.superseded, [autos[1]]);
    const ryabkov = view.mentions.filter((m) => m.text.includes('Ryabkov'));
    assert.equal(ryabkov.length, 2, 'the later automatic "Ryabkov" stays');
    assert.deepEqual(ryabkov[0], {
      kind: 'speaker',
      start: TEXT.indexOf('Sergey'),
      end: TEXT.indexOf('Sergey') + 14,
      text: 'Sergey Ryabkov',
      source: 'manual',
      entityId: 'person:sergey-ryabkov',
      attributes: { annotationId: manual.id, label: 'Deputy FM', note: 'deputy foreign minister' },
    });
    assert.ok(view.mentions.some((m) => m.kind === 'treaty' && m.source === 'auto'), 'a custom annotation does not hide the treaty');
    assert.deepEqual(
      view.placed.map((p) => p.annotation.id),
      [manual.id, dateOverlap.id],
    );
  });

  it('rejected automatic mentions disappear, by kind and quote, and stay hidden after an edit', () => {
    const start = TEXT.indexOf('Thursday');
    const sidecar: Sidecar = {
      ...emptySidecar(),
      rejections: [{ id: newId('r'), kind: 'date', created: T0, selectors: { position: { start, end: start + 8 }, quote: describeQuote(TEXT, start, start + 8) } }],
    };
    const view = reconcile({ mentions: autos, entities: [] }, sidecar, TEXT);
    assert.ok(!view.mentions.some((m) => m.kind === 'date'));
    assert.equal(view.rejected.length, 1);
    // After text is inserted before it, the recognizer finds it elsewhere; the rejection follows.
    const edited = `Briefing notes. ${TEXT}`;
    const shifted = autos.map((m) => ({ ...m, start: m.start + 16, end: m.end + 16 }));
    const after = reconcile({ mentions: shifted, entities: [] }, sidecar, edited);
    assert.ok(!after.mentions.some((m) => m.kind === 'date'));
    // A rejection of another kind at the same place hides nothing.
    const other = reconcile({ mentions: autos, entities: [] }, { ...sidecar, rejections: [{ ...sidecar.rejections[0], kind: 'speaker' }] }, TEXT);
    assert.ok(other.mentions.some((m) => m.kind === 'date'));
    assert.equal(other.unmatchedRejections.length, 1);
  });

  it('lists annotations that cannot be placed as orphans with the reason, and keeps the rest', () => {
    const gone = annotationOn(TEXT, 'still in force');
    const kept = annotationOn(TEXT, 'Thursday', { kind: 'date' });
    const edited = TEXT.replace('still in force', 'suspended');
    const view = reconcile({ mentions: [], entities: [] }, { ...emptySidecar(), annotations: [gone, kept] }, edited);
    assert.deepEqual(
      view.orphans.map((o) => [o.item.id, o.reason]),
      [[gone.id, 'quote-not-found']],
    );
    assert.deepEqual(
      view.mentions.map((m) => m.text),
      ['Thursday'],
    );
  });
});

describe('reconcile: superseded and rejected mentions on many annotations', () => {
  const LETTERS = 'abcdefghij '.repeat(20);
  const kindArb = fc.constantFrom<Mention['kind']>('speaker', 'date', 'custom');
  const spanArb = fc.tuple(fc.integer({ min: 0, max: LETTERS.length - 1 }), fc.integer({ min: 1, max: 12 }), kindArb).map(([start, length, kind]) => ({
    start,
    end: Math.min(LETTERS.length, start + length),
    kind,
  }));

  it('hides exactly the automatic mentions a same-kind annotation overlaps, not those a rejection hid (property)', () => {
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 30 }), fc.array(spanArb, { maxLength: 12 }), fc.array(spanArb, { maxLength: 6 }), (mentionSpans, annotated, rejectedSpans) => {
        const autos: Mention[] = mentionSpans.map((s) => ({ ...s, text: LETTERS.slice(s.start, s.end), source: 'auto' }));
        const annotations = annotated.map((s) => annotationAt(LETTERS, s.start, s.end, { kind: s.kind }));
        const rejections = rejectedSpans.map((s) => ({ id: newId('r'), kind: s.kind, created: T0, selectors: annotationAt(LETTERS, s.start, s.end).selectors }));
        const view = reconcile({ mentions: autos, entities: [] }, { ...emptySidecar(), annotations, rejections }, LETTERS);
        const rejectedHere = (m: Mention) => view.rejected.some((r) => r.mention === m);
        const expected = autos.filter((m) => !rejectedHere(m) && view.placed.some((p) => p.annotation.kind === m.kind && p.start < m.end && m.start < p.end));
        assert.deepEqual(view.superseded, expected);
      }),
      { numRuns: 300 },
    );
  });
});
