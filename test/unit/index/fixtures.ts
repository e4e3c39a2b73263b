import type { Entity } from '../../../src/core/model/entity';
import type { Mention, MentionKind } from '../../../src/core/model/mention';

/** A mention of `needle`'s n-th occurrence in `text`, built by hand so these tests need no recognizer. */
export function mentionOf(text: string, needle: string, kind: MentionKind, extra: Partial<Mention> = {}, nth = 0): Mention {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: "${needle}" #${nth} not in text`);
  }
  return { kind, start: at, end: at + needle.length, text: needle, source: 'auto', ...extra };
}

export const RYABKOV: Entity = {
  id: 'person:sergey-ryabkov',
  type: 'person',
  name: 'Sergey Ryabkov',
  aliases: ['Sergei Ryabkov'],
  facts: { role: 'Deputy Foreign Minister of Russia' },
};

export const NEW_START: Entity = {
  id: 'treaty:new-start',
  type: 'treaty',
  name: 'New START',
  aliases: ['START-3'],
  facts: {
    fullName: 'Treaty on Measures for the Further Reduction and Limitation of Strategic Offensive Arms',
    abbreviations: ['New START'],
    signed: '2010-04-08',
    inForce: '2011-02-05',
    parties: ['United States', 'Russia'],
    status: 'suspended by Russia (2023)',
  },
};

/** A short briefing in our own words. */
export const BRIEFING = [
  'Moscow, December 2, 2022',
  '',
  'MR. RYABKOV: We are not ready to resume inspections under New START at this stage.',
  '',
  'Talks planned for November 29 were postponed, Sergey Ryabkov told reporters yesterday.',
  '"The treaty remains important," Ryabkov said.',
].join('\n');

export function briefingMentions(): Mention[] {
  const t = BRIEFING;
  return [
    mentionOf(t, 'December 2, 2022', 'date', { value: '2022-12-02', attributes: { precision: 'day', resolution: 'absolute' } }),
    mentionOf(t, 'RYABKOV', 'speaker', { entityId: RYABKOV.id }),
    mentionOf(t, 'New START', 'treaty', { entityId: NEW_START.id, value: 'New START' }),
    mentionOf(t, 'November 29', 'date', {
      value: '2022-11-29',
      entityId: 'date:2022-11-29',
      attributes: { precision: 'day', resolution: 'relative', anchor: '2022-12-02' },
    }),
    mentionOf(t, 'Sergey Ryabkov', 'speaker', { entityId: RYABKOV.id }),
    mentionOf(t, 'yesterday', 'date', { value: '2022-12-01', entityId: 'date:2022-12-01', attributes: { precision: 'day' } }),
    mentionOf(t, 'Ryabkov said', 'speaker', { entityId: RYABKOV.id }),
  ].map((m) => (m.text === 'Ryabkov said' ? { ...m, end: m.start + 'Ryabkov'.length, text: 'Ryabkov' } : m));
}

/** What the quote recogniser gives for {@link BRIEFING}: the turn and the quotation, Ryabkov's (built by hand). */
export function briefingQuotes(): Mention[] {
  const t = BRIEFING;
  const quote = (needle: string) => mentionOf(t, needle, 'quote', { entityId: RYABKOV.id, value: RYABKOV.name, layer: 'quotes', attributes: { speaker: RYABKOV.name } });
  return [quote('We are not ready to resume inspections under New START at this stage.'), quote('The treaty remains important,')];
}
