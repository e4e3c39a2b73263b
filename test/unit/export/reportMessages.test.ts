import * as assert from 'node:assert/strict';
import { exportReport } from '../../../src/core/export/reportExport';
import { exportReportHtml } from '../../../src/core/export/reportHtml';
import type { ExportDocument, ExportMention, ExportOptions } from '../../../src/core/export/types';
import type { Entity } from '../../../src/core/model/entity';
import { BLANK, PSEUDO, unmark } from '../support/pseudoLocale';

/**
 * Documents whose every word is Greek: a report of them in a locale that keeps only each message's places
 * (BLANK) has no Latin letter left but in its markup, unless some prose of the report bypassed the port.
 */
const BRIEFING = 'ΚΑΡΑΓΙΑΝΝΗΣ: Η συνθήκη ΝΕΑ ΣΤΑΡΤ ισχύει ακόμη.\n\nΟ Παπαδόπουλος μίλησε για αύριο και για χθες.\n\nΣημείωση για τον Νίκο.';
const NOTES = 'Η Ελένη είπε ότι η ΝΕΑ ΣΤΑΡΤ λήγει.\n\nΗ Ελένη είπε στις 2024-05-01 ότι θα δούμε.\n\nΗ Ελένη σώπασε.';
const ENTITIES: Entity[] = [
  { id: 'person:k', type: 'person', name: 'Καραγιάννης', aliases: [], facts: { role: 'Εκπρόσωπος' } },
  { id: 'person:p', type: 'person', name: 'Γιώργος Παπαδόπουλος', aliases: [], facts: {} },
  { id: 'person:e', type: 'person', name: 'Ελένη', aliases: [], facts: {} },
  { id: 'treaty:ns', type: 'treaty', name: 'Νέα ΣΤΑΡΤ', aliases: [], facts: { fullName: 'Συνθήκη για τα στρατηγικά όπλα' } },
];

function at(text: string, needle: string, extra: Omit<ExportMention, 'start' | 'end' | 'text'>, occurrence = 1): ExportMention {
  let start = -1;
  for (let i = 0; i < occurrence; i++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, needle);
  return { ...extra, start, end: start + needle.length, text: needle };
}

function documents(): ExportDocument[] {
  const quote = (text: string, needle: string, person: string, name: string) =>
    at(text, needle, { kind: 'quote', entityId: person, value: name, attributes: { rule: 'turn', speaker: name }, source: 'auto', layer: 'quotes' });
  return [
    {
      path: 'έγγραφα/ενημέρωση',
      text: BRIEFING,
      metadata: { title: 'Ενημέρωση', date: '2024-03-03' },
      mentions: [
        at(BRIEFING, 'ΚΑΡΑΓΙΑΝΝΗΣ', { kind: 'speaker', entityId: 'person:k', value: 'Καραγιάννης', source: 'auto', note: 'Σχόλιο' }),
        quote(BRIEFING, 'Η συνθήκη ΝΕΑ ΣΤΑΡΤ ισχύει ακόμη.', 'person:k', 'Καραγιάννης'),
        at(BRIEFING, 'ΝΕΑ ΣΤΑΡΤ', { kind: 'treaty', entityId: 'treaty:ns', value: 'Νέα ΣΤΑΡΤ', source: 'manual', note: 'Σχόλιο' }),
        at(BRIEFING, 'Παπαδόπουλος', { kind: 'speaker', entityId: 'person:p', value: 'Γιώργος Παπαδόπουλος', source: 'manual', note: 'Σχόλιο' }),
        at(BRIEFING, 'αύριο', { kind: 'date', value: '2024-03-04', source: 'auto' }),
        at(BRIEFING, 'χθες', { kind: 'date', source: 'auto' }),
        at(BRIEFING, 'Σημείωση', { kind: 'custom', label: 'Ετικέτα', source: 'manual', note: 'Σχόλιο' }),
        at(BRIEFING, 'Νίκο', { kind: 'person', source: 'manual' }),
        at(BRIEFING, 'τον', { kind: 'custom', source: 'manual' }),
      ],
    },
    {
      path: 'σημειώσεις',
      text: NOTES,
      mentions: [
        quote(NOTES, 'η ΝΕΑ ΣΤΑΡΤ λήγει', 'person:e', 'Ελένη'),
        at(NOTES, 'ΝΕΑ ΣΤΑΡΤ', { kind: 'treaty', entityId: 'treaty:ns', value: 'Νέα ΣΤΑΡΤ', source: 'auto' }),
        at(NOTES, '2024-05-01', { kind: 'date', value: '2024-05-01', source: 'auto' }),
        at(NOTES, 'Ελένη', { kind: 'speaker', entityId: 'person:p', value: 'Γιώργος Παπαδόπουλος', source: 'auto' }, 2),
        at(NOTES, 'Ελένη', { kind: 'speaker', entityId: 'person:p', value: 'Γιώργος Παπαδόπουλος', source: 'auto' }, 3),
      ],
    },
  ];
}

/** What a reader reads of a Markdown report: everything but link targets. */
function markdownWords(md: string): string {
  return md.replace(/\]\(<[^>]*>\)/g, ']');
}

/** What a reader reads of an HTML report: text and the attributes read aloud or shown, not markup or style. */
function htmlWords(html: string): string {
  const body = html.replace(/<style>[\s\S]*?<\/style>/g, '');
  const attributes = [...body.matchAll(/\b(?:aria-label|title|alt)="([^"]*)"/g)].map((m) => m[1]);
  return [body.replace(/<[^>]*>/g, ' '), ...attributes].join('\n').replace(/&(?:[a-z]+|#\d+);/g, ' ');
}

const REPORTS: Array<[string, (d: ExportDocument[], o: ExportOptions) => string, (s: string) => string]> = [
  ['Markdown', (d, o) => exportReport(d, o).files[0]!.content, markdownWords],
  ['HTML', (d, o) => exportReportHtml(d, o).files[0]!.content, htmlWords],
];

describe("the reports' prose in the reader's language (the core's messages port)", () => {
  for (const [name, report, words] of REPORTS) {
    it(`the ${name} report says no word of its own but through the port`, () => {
      for (const options of [{ entities: ENTITIES }, { entities: ENTITIES, manualOnly: true }]) {
        for (const docs of [documents(), documents().map((d) => ({ ...d, mentions: [] }))]) {
          const latin = words(report(docs, { ...options, l10n: BLANK })).match(/[A-Za-z]+/g) ?? [];
          assert.deepEqual(latin, [], `${name}, ${JSON.stringify(Object.keys(options))}, ${docs[0]!.mentions.length} mentions`);
        }
      }
    });

    it(`the ${name} report reads as before in English, the port only wording it`, () => {
      const english = report(documents(), { entities: ENTITIES });
      assert.equal(unmark(report(documents(), { entities: ENTITIES, l10n: PSEUDO })), english);
      assert.match(english, /[A-Za-z]{4}/, 'the English report has words of its own');
    });
  }

  it("the HTML report says the language of its words (lang), English unless told", () => {
    assert.match(exportReportHtml(documents(), { entities: ENTITIES }).files[0]!.content, /^<!DOCTYPE html>\n<html lang="en">/);
    const greek = exportReportHtml(documents(), { entities: ENTITIES, l10n: PSEUDO, language: 'el' }).files[0]!.content;
    assert.match(greek, /^<!DOCTYPE html>\n<html lang="el">/);
  });
});
