/** Builders and fast-check arbitraries shared by the sidecar tests. */
import fc from 'fast-check';
import { describeQuote } from '../../../src/core/anchoring/textQuote';
import { newId, type Annotation, type Rejection, type Sidecar } from '../../../src/core/model/annotation';
import { attributeKeyProblem } from '../../../src/core/model/attributes';
import type { MentionKind } from '../../../src/core/model/mention';

export const T0 = '2026-11-22T08:00:00.000Z';

/** An annotation on `text.slice(start, end)`. */
export function annotationAt(text: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id: newId('a'),
    kind: 'speaker',
    created: T0,
    modified: T0,
    selectors: { position: { start, end }, quote: describeQuote(text, start, end) },
    ...extra,
  };
}

/** An annotation on the first occurrence of `quote` in `text`. */
export function annotationOn(text: string, quote: string, extra: Partial<Annotation> = {}, from = 0): Annotation {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`fixture error: '${quote}' not in text`);
  return annotationAt(text, start, start + quote.length, extra);
}

const kinds: MentionKind[] = ['speaker', 'date', 'treaty', 'person', 'custom'];

// Strings with the characters that break naive YAML writers: quotes, colons, hashes, newlines, tabs, control
// characters, YAML words (yes, null), leading spaces, emoji, NEL and line separators.
const awkward = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('yes', 'No', 'null', '~', 'true', '0x1F', '1e3', '- item', '# not a comment', 'a: b', '"q"', "'s'", ' lead', 'trail ', '\t', '\n', '\r\n', '\u0085', '\u2028', '\ufeff', '😀', 'e\u0301', '\u0000', '\u007f', '&a', '*a', '!tag', '[x]', '{y}', '<<', '%', '@', '`'),
);

const timestamp = fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString());
const attrKey = fc.oneof(fc.constantFrom('role', 'precision', 'source-line', 'x_y'), fc.string({ minLength: 1, maxLength: 6 }));

export const selectorsArb = fc
  .tuple(fc.nat({ max: 100_000 }), fc.nat({ max: 500 }), awkward, awkward, awkward)
  .map(([start, length, exact, prefix, suffix]) => ({ position: { start, end: start + length }, quote: { exact, prefix, suffix } }));

export const annotationArb: fc.Arbitrary<Annotation> = fc
  .record(
    {
      id: fc.stringMatching(/^a-[a-z2-7]{16}$/),
      kind: fc.constantFrom(...kinds),
      label: awkward,
      note: awkward,
      entityId: fc.constantFrom('person:sergey-ryabkov', 'treaty:new-start', 'date:2022-12-01'),
      attributes: fc.dictionary(attrKey, awkward, { maxKeys: 3 }).map((d) => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(d)) if (!attributeKeyProblem(k)) out[k] = v;
        return out;
      }),
      author: awkward,
      created: timestamp,
      modified: timestamp,
      selectors: selectorsArb,
    },
    { requiredKeys: ['id', 'kind', 'created', 'modified', 'selectors'] },
  )
  .map((a) => a as Annotation);

export const rejectionArb: fc.Arbitrary<Rejection> = fc
  .record(
    { id: fc.stringMatching(/^r-[a-z2-7]{16}$/), kind: fc.constantFrom(...kinds), author: awkward, created: timestamp, selectors: selectorsArb },
    { requiredKeys: ['id', 'kind', 'created', 'selectors'] },
  )
  .map((r) => r as Rejection);

export const sidecarArb: fc.Arbitrary<Sidecar> = fc
  .record({
    document: fc.record(
      {
        title: awkward,
        source: awkward,
        date: fc.constantFrom('2022-12-01', '2021-02-03T10:00:00Z', '2023'),
        fingerprint: fc.stringMatching(/^fnv1a64:[0-9a-f]{16}$/),
      },
      { requiredKeys: [] },
    ),
    annotations: fc.uniqueArray(annotationArb, { selector: (a) => a.id, maxLength: 6 }),
    rejections: fc.uniqueArray(rejectionArb, { selector: (r) => r.id, maxLength: 3 }),
  })
  .map((s) => ({ version: 1, ...s }));

/** The same content, independent of list order, for equality checks. */
export function normalized(s: Sidecar): unknown {
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  return JSON.parse(JSON.stringify({ ...s, annotations: byId(s.annotations), rejections: byId(s.rejections) }));
}
