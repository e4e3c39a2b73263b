import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { ColdDocument, detach } from '../../../src/core/index/coldDocument';
import { analyzeCold } from '../../../src/core/scan/coldAnalysis';
import type { Mention } from '../../../src/core/model/mention';
import { observe } from './observeIndex';
import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { BRIEFING, RYABKOV, NEW_START, briefingMentions, mentionOf } from './fixtures';

const SAMPLES = path.resolve(__dirname, '..', '..', '..', 'samples');
const samples = fs
  .readdirSync(SAMPLES)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .map((f) => [f, fs.readFileSync(path.join(SAMPLES, f), 'utf8')] as const);

describe('Cold documents (indexed without keeping every mention object)', () => {
  it('answer every workspace view as the same documents indexed whole do', () => {
    const hot = new WorkspaceIndex();
    const cold = new WorkspaceIndex();
    for (const [name, text] of samples) {
      const r = analyze(text, { lexicon: BUILTIN_LEXICON });
      const input = { mentions: r.mentions, entities: r.entities, documentDate: r.documentDate };
      hot.setDocument(`file:///${name}`, text, input);
      cold.setDocument(`file:///${name}`, text, input, { cold: true });
    }
    assert.ok(cold.document(`file:///${samples[0][0]}`) instanceof ColdDocument);
    assert.ok(samples.length >= 3 && hot.kindCounts().get('speaker'));
    assert.deepEqual(observe(cold), observe(hot));
  });

  it('answer the same from analyses without the derived layers (every view but the quotes, which need them)', () => {
    const full = new WorkspaceIndex();
    const main = new WorkspaceIndex();
    for (const [name, text] of samples) {
      const a = analyze(text, { lexicon: BUILTIN_LEXICON });
      const b = analyze(text, { lexicon: BUILTIN_LEXICON, derivedLayers: false });
      assert.ok(b.mentions.every((m) => !m.layer));
      full.setDocument(`file:///${name}`, text, { mentions: a.mentions, entities: a.entities }, { cold: true });
      main.setDocument(`file:///${name}`, text, { mentions: b.mentions, entities: b.entities }, { cold: true });
    }
    assert.ok(samples.some(([, text]) => analyze(text, { lexicon: BUILTIN_LEXICON }).mentions.some((m) => m.layer)), 'a sample has a derived layer');
    assert.deepEqual(observe(main), observe(full));
  });

  it('kept as the bytes its text was decoded from, reads the same text back and answers the same', () => {
    const hot = new WorkspaceIndex();
    const cold = new WorkspaceIndex();
    for (const [name, text] of samples) {
      // With a byte-order mark, which the scanner's decoder drops as the editor does.
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
      const decoded = new TextDecoder('utf-8').decode(bytes);
      assert.equal(decoded, text);
      const r = analyze(decoded, { lexicon: BUILTIN_LEXICON });
      const input = { mentions: r.mentions, entities: r.entities, documentDate: r.documentDate };
      hot.setDocument(`file:///${name}`, decoded, input);
      cold.setDocument(`file:///${name}`, decoded, input, { cold: true, bytes });
      assert.equal(cold.document(`file:///${name}`)?.text, text);
    }
    assert.deepEqual(observe(cold), observe(hot));
  });

  it('copies the strings it keeps off the document text, equal to them', () => {
    const long = 'Deputy Foreign Minister Sergey Ryabkov said';
    for (const s of ['', 'short', long, long.slice(7, 40), '\u201cquoted\u201d and two-byte text']) assert.equal(detach(s), s);
  });

  it('keeps mentions a light copy would not reproduce whole: manual ones, and a text that is not its span', () => {
    const manual = mentionOf(BRIEFING, 'New START', 'treaty', { entityId: NEW_START.id, source: 'manual', attributes: { note: 'check the date' } });
    const odd = { ...mentionOf(BRIEFING, 'Ryabkov', 'speaker', { entityId: RYABKOV.id }, 1), text: 'Sergei Ryabkov' };
    const rest = briefingMentions().filter((m) => m.start !== manual.start && m.start !== odd.start);
    const titled = rest.findIndex((m) => m.entityId === RYABKOV.id);
    rest[titled] = { ...rest[titled], attributes: { rule: 'titled-name', role: 'Deputy Foreign Minister' } };
    const mentions = [...rest, manual, odd];
    const index = new WorkspaceIndex();
    index.setDocument('file:///a.txt', BRIEFING, { mentions, entities: [RYABKOV, NEW_START] }, { cold: true });
    const doc = index.document('file:///a.txt') as ColdDocument;
    const i = doc.mentions.findIndex((m) => m.start === manual.start && m.kind === 'treaty');
    assert.equal(index.mention('file:///a.txt', i), manual);
    const j = doc.mentions.findIndex((m) => m.start === odd.start && m.kind === 'speaker');
    assert.equal(index.mention('file:///a.txt', j)?.text, 'Sergei Ryabkov');
    // Light copies carry no attributes, but a person's role survives for the hover card.
    assert.equal(index.mention('file:///a.txt', doc.mentions.findIndex((m) => m.start === rest[titled].start))?.attributes, undefined);
    assert.equal(index.usage(RYABKOV.id).role, 'Deputy Foreign Minister');
  });

  it('moves with its file, and is replaced by the whole document when it is opened', () => {
    const [name, text] = samples[0];
    const r = analyze(text, { lexicon: BUILTIN_LEXICON });
    const index = new WorkspaceIndex();
    index.setDocument('file:///old.txt', text, { mentions: r.mentions, entities: r.entities }, { cold: true });
    const before = observe(index);
    index.renameDocument('file:///old.txt', `file:///${name}`);
    assert.ok(index.document(`file:///${name}`) instanceof ColdDocument);
    assert.equal(index.document('file:///old.txt'), undefined);
    assert.equal(JSON.stringify(observe(index)).split('file:///old.txt').length, 1);
    index.setDocument(`file:///${name}`, text, { mentions: r.mentions, entities: r.entities });
    const whole = index.document(`file:///${name}`);
    assert.ok(whole && !(whole instanceof ColdDocument));
    assert.deepEqual(whole.mentions, r.mentions.filter((m) => !m.layer));
    assert.equal(JSON.stringify(observe(index)), JSON.stringify(before).replaceAll('file:///old.txt', `file:///${name}`));
  });
});

describe('WorkspaceIndex, documents coming and going', () => {
  it('answers the same whatever order documents were added, replaced and removed in', () => {
    const texts = samples.map(([name, text]) => [`file:///${name}`, text] as const);
    const textOf = new Map(texts);
    const inputs = new Map(texts.map(([uri, text]) => {
      const r = analyze(text, { lexicon: BUILTIN_LEXICON });
      return [uri, { mentions: r.mentions, entities: r.entities }] as const;
    }));
    const straight = new WorkspaceIndex();
    for (const [uri] of texts) straight.setDocument(uri, textOf.get(uri)!, inputs.get(uri)!, { cold: true });
    const shuffled = new WorkspaceIndex();
    // Add in reverse, remove every other one, add them back, replace the first: the keys' lists are reordered.
    for (const [uri] of [...texts].reverse()) shuffled.setDocument(uri, textOf.get(uri)!, inputs.get(uri)!, { cold: true });
    texts.forEach(([uri], i) => i % 2 === 0 && shuffled.removeDocument(uri));
    texts.forEach(([uri], i) => i % 2 === 0 && shuffled.setDocument(uri, textOf.get(uri)!, inputs.get(uri)!, { cold: true }));
    shuffled.setDocument(texts[0][0], textOf.get(texts[0][0])!, inputs.get(texts[0][0])!, { cold: true });
    assert.deepEqual(observe(shuffled), observe(straight));
  });

  it("takes a person's role from the first document, by URI, that gives one", () => {
    const text = 'Ryabkov said the talks would go on.';
    const withRole = (role: string) => [mentionOf(text, 'Ryabkov', 'speaker', { entityId: RYABKOV.id, attributes: { rule: 'x', role } })];
    for (const order of [['b', 'a', 'c'], ['c', 'b', 'a'], ['a', 'c', 'b']]) {
      const index = new WorkspaceIndex();
      for (const name of order) index.setDocument(`file:///${name}.txt`, text, { mentions: withRole(`role ${name}`), entities: [RYABKOV] }, name !== 'b' ? { cold: true } : undefined);
      assert.equal(index.usage(RYABKOV.id).role, 'role a', order.join(''));
      index.removeDocument('file:///a.txt');
      assert.equal(index.usage(RYABKOV.id).role, 'role b', order.join(''));
    }
  });
});

describe('Cold documents keep their quotes', () => {
  /** What the Quotes view reads of a quote: its span, text, speaker and layer. */
  const quotesOf = (ms: readonly Mention[]) =>
    ms.filter((m) => m.kind === 'quote').map((m) => ({ start: m.start, end: m.end, text: m.text, entityId: m.entityId, value: m.value, layer: m.layer }));

  it('as the same document indexed whole does (quotes only, not the turns)', () => {
    const hot = new WorkspaceIndex();
    const cold = new WorkspaceIndex();
    let total = 0;
    for (const [name, text] of samples) {
      const r = analyze(text, { lexicon: BUILTIN_LEXICON });
      const input = { mentions: r.mentions, entities: r.entities, documentDate: r.documentDate };
      hot.setDocument(`file:///${name}`, text, input);
      cold.setDocument(`file:///${name}`, text, input, { cold: true });
      const expected = quotesOf(hot.document(`file:///${name}`)?.layered ?? []);
      total += expected.length;
      assert.deepEqual(quotesOf(cold.document(`file:///${name}`)?.layered ?? []), expected, name);
      assert.ok((cold.document(`file:///${name}`)?.layered ?? []).every((m) => m.kind === 'quote'), name);
    }
    assert.ok(total >= 5, `the samples have quotes (${total})`);
  });

  it('from the scan worker\'s analysis (analyzeCold) too', () => {
    for (const [name, text] of samples) {
      const r = analyze(text, { lexicon: BUILTIN_LEXICON });
      const expected = quotesOf(r.mentions.filter((m) => m.layer === 'quotes'));
      const parts = analyzeCold(text, BUILTIN_LEXICON);
      assert.deepEqual(quotesOf(new ColdDocument(`file:///${name}`, parts, text).layered), expected, name);
    }
  });
});
