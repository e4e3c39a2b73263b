import * as assert from 'node:assert/strict';
import { buildHoverCard, weekdayOf } from '../../../src/core/index/hoverCard';
import { commandLink, escapeMarkdown } from '../../../src/core/index/markdown';
import { WorkspaceIndex, type MentionRef } from '../../../src/core/index/workspaceIndex';
import { BRIEFING, NEW_START, RYABKOV, briefingMentions, briefingQuotes, mentionOf } from './fixtures';

const REVEAL = 'marginalia.revealMention';
const options = { documentName: (uri: string) => uri.replace('file:///', ''), revealCommand: REVEAL };

/** Every `command:` link target in a Markdown string (what VS Code would offer to run). */
function commandTargets(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)\]\((command:[^?) ]+)/g)].map((m) => m[1]);
}

function card(text: string, needle: string, index: WorkspaceIndex, uri = 'file:///a.txt', nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  const ref = index.mentionAt(uri, at);
  assert.ok(ref, `no mention at "${needle}"`);
  return buildHoverCard(index, ref, options);
}

describe('hover cards', () => {
  const index = new WorkspaceIndex();
  index.setDocument('file:///a.txt', BRIEFING, { mentions: [...briefingMentions(), ...briefingQuotes()], entities: [RYABKOV, NEW_START] });

  it('speaker: canonical name, role, how often and where they speak, their quotes here', () => {
    const md = card(BRIEFING, 'Sergey Ryabkov', index);
    assert.match(md, /^\*\*Sergey Ryabkov\*\* — speaker/);
    assert.match(md, /\*Deputy Foreign Minister of Russia\*/);
    assert.match(md, /Speaks 3 times in 1 document: \[a\\\.txt\]\(command:marginalia\.revealMention\?/);
    assert.match(md, /We are not ready to resume inspections under New START at this stage\\\./);
    assert.match(md, /The treaty remains important\\,/);
  });

  it('date: in words, then the ISO value, precision, weekday, and what it was resolved against', () => {
    const dated = new WorkspaceIndex();
    const documentDate = { value: '2022-12-02', source: 'file name' as const };
    dated.setDocument('file:///a.txt', BRIEFING, { mentions: briefingMentions(), entities: [RYABKOV, NEW_START], documentDate });
    const md = card(BRIEFING, 'November 29', dated);
    assert.match(md, /^\*\*29 November 2022\*\* — date/);
    assert.match(md, /ISO value: `2022-11-29` · precision: day/);
    assert.match(md, /Weekday: Tuesday/);
    assert.match(md, /Resolved relative to 2 December 2022, from the file name\./);
  });

  it('date: an unresolved one says why, in words, and offers to set the document date', () => {
    const text = 'They met on Wednesday.';
    const one = new WorkspaceIndex();
    const wednesday = mentionOf(text, 'Wednesday', 'date', { value: 'XXXX-WXX-3', entityId: 'date:XXXX-WXX-3', attributes: { precision: 'day', resolution: 'unresolved' } });
    one.setDocument('file:///w.txt', text, { mentions: [wednesday], entities: [] });
    const md = buildHoverCard(one, one.mentionAt('file:///w.txt', text.indexOf('Wednesday')) as MentionRef, {
      documentName: () => 'w.txt',
      revealCommand: 'marginalia.revealMention',
      setDocumentDateCommand: 'marginalia.setDocumentDate',
    });
    assert.match(md, /^\*\*a Wednesday \\\(date unknown\\\)\*\* — date/);
    assert.match(md, /Not resolved: the document has no date\. \[Set Document Date…\]\(command:marginalia\.setDocumentDate\?/);
    assert.doesNotMatch(md.split('\n')[0] as string, /XXXX/);
  });

  it('treaty: full name, dates, parties, status and the other mentions', () => {
    const other = 'Officials discussed New START again.';
    const two = new WorkspaceIndex();
    two.setDocument('file:///a.txt', BRIEFING, { mentions: briefingMentions(), entities: [RYABKOV, NEW_START] });
    two.setDocument('file:///b.txt', other, { mentions: [mentionOf(other, 'New START', 'treaty', { entityId: NEW_START.id })], entities: [NEW_START] });
    const md = card(BRIEFING, 'New START', two);
    assert.match(md, /\*Treaty on Measures for the Further Reduction and Limitation of Strategic Offensive Arms\*/);
    assert.match(md, /Signed: 2010\\-04\\-08 · In force: 2011\\-02\\-05/);
    assert.match(md, /Parties: United States\\, Russia/);
    assert.match(md, /Status: suspended by Russia \\\(2023\\\)/);
    assert.match(md, /Mentioned 2 times in 2 documents/);
    assert.match(md, /Other mentions:\n\n- \[b\\\.txt\\:1\]\(command:marginalia\.revealMention\?/);
  });

  it('manual annotation: label and note, escaped', () => {
    const text = 'See the annex for details.';
    const i = new WorkspaceIndex();
    i.setDocument('file:///m.txt', text, { mentions: [mentionOf(text, 'annex', 'custom', { source: 'manual', attributes: { label: 'exhibit', note: 'check *this*' } })], entities: [] });
    const md = card(text, 'annex', i, 'file:///m.txt');
    assert.match(md, /^\*\*annex\*\* — exhibit \(manual\)/);
    assert.match(md, /Note: check \\\*this\\\*/);
  });

  it('document text and notes cannot inject command links, HTML, icons or code fences', () => {
    const hostile = [
      '[run](command:workbench.action.terminal.new)',
      '<img src=x onerror=alert(1)>',
      '$(zap) ```js\nevil()\n```',
      '<a href="command:marginalia.revealMention">x</a>',
    ];
    for (const payload of hostile) {
      const text = `MR. [EVIL](command:x): ${payload}\n\n"${payload}," Evil said.`;
      const speaker = mentionOf(text, 'Evil', 'speaker', { entityId: 'person:evil', attributes: { role: payload, note: payload } });
      const label = mentionOf(text, 'MR. [EVIL](command:x)', 'speaker', { entityId: 'person:evil', source: 'manual', attributes: { note: payload, label: payload } });
      const i = new WorkspaceIndex();
      i.setDocument('file:///h.txt', text, { mentions: [label, speaker], entities: [{ id: 'person:evil', type: 'person', name: payload, aliases: [], facts: { role: payload } }] });
      for (const m of [label, speaker]) {
        const md = buildHoverCard(i, { uri: 'file:///h.txt', index: i.document('file:///h.txt')!.mentions.indexOf(m), mention: m }, options);
        for (const target of commandTargets(md)) assert.equal(target, `command:${REVEAL}`, md);
        assert.doesNotMatch(md, /(?<!\\)<(img|a)\b/i, md);
        assert.doesNotMatch(md, /(?<!\\)\$\(zap\)/, md);
        assert.doesNotMatch(md, /(?<!\\)`(?<!\\`)``/, md);
      }
    }
  });

  it('escapeMarkdown escapes every ASCII punctuation character and flattens lines', () => {
    assert.equal(escapeMarkdown('a*b\n<c>'), 'a\\*b \\<c\\>');
    const punct = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    assert.equal(escapeMarkdown(punct).replace(/\\(.)/g, '$1'), punct);
    assert.equal(escapeMarkdown(punct).length, punct.length * 2);
  });

  it('commandLink encodes its arguments and escapes its title', () => {
    const link = commandLink('a]b', 'marginalia.revealMention', ['file:///x y.txt', 1, 2]);
    assert.equal(link, `[a\\]b](command:marginalia.revealMention?${encodeURIComponent(JSON.stringify(['file:///x y.txt', 1, 2]))})`);
  });

  it('weekdays of calendar dates only', () => {
    assert.equal(weekdayOf('2022-12-01'), 'Thursday');
    assert.equal(weekdayOf('2024-02-29'), 'Thursday');
    assert.equal(weekdayOf('2023-02-29'), undefined);
    assert.equal(weekdayOf('2022-12'), undefined);
  });
});

describe('hover cards with quotes', () => {
  it("lists the speaker's quotes from the quote layer, not another speaker's, and keeps them out of highlights and counts", () => {
    const text = 'Presenter: Anna Kowalczyk. Guest: Pieter van Dam.\n\u2014 Is this a surprise?\n\u2014 Not at all. The CFE Treaty was a treaty in name only.';
    const label = mentionOf(text, 'Presenter', 'speaker', { entityId: 'person:presenter' });
    const answer = mentionOf(text, 'Not at all. The CFE Treaty was a treaty in name only.', 'quote', { entityId: 'person:pieter-van-dam', value: 'Pieter van Dam', layer: 'quotes' });
    const turn = { ...mentionOf(text, '\u2014 Not at all. The CFE Treaty was a treaty in name only.', 'speaker', { entityId: 'person:presenter' }), layer: 'turns' };
    const i = new WorkspaceIndex();
    i.setDocument('file:///r.txt', text, { mentions: [label, turn, answer], entities: [] });
    assert.equal(i.document('file:///r.txt')?.mentions.length, 1);
    assert.equal(i.kindCounts().get('speaker'), 1);
    assert.equal(i.kindCounts().get('quote'), undefined);
    const md = card(text, 'Presenter', i, 'file:///r.txt');
    assert.doesNotMatch(md, /Not at all/);
    assert.doesNotMatch(md, /Quotes in this document/);
  });

  it('shows the first quotes in text order and says how many more there are', () => {
    const sentences = ['One.', 'Two.', 'Three.', 'Four.', 'Five.'];
    const text = `Anna Berg said:\n${sentences.map((x) => `"${x}"`).join('\n')}`;
    const speaker = mentionOf(text, 'Anna Berg', 'speaker', { entityId: 'person:anna-berg' });
    const quotes = sentences.map((x) => mentionOf(text, x, 'quote', { entityId: 'person:anna-berg', value: 'Anna Berg', layer: 'quotes' }));
    const i = new WorkspaceIndex();
    i.setDocument('file:///q.txt', text, { mentions: [speaker, ...quotes], entities: [] });
    const md = card(text, 'Anna Berg', i, 'file:///q.txt');
    assert.match(md, /Quotes in this document:\n\n> “One\\\.” \[line 2\]\(command:marginalia\.revealMention\?/);
    assert.match(md, /> “Three\\\.” \[line 4\]/);
    assert.doesNotMatch(md, /Four/);
    assert.match(md, /\.\.\.and 2 more/);
  });

  it('links a speaker to all their quotes in the Quotes view, when a command for it is given', () => {
    const text = 'Anna Berg said:\n"One."';
    const speaker = mentionOf(text, 'Anna Berg', 'speaker', { entityId: 'person:anna-berg' });
    const quote = mentionOf(text, 'One.', 'quote', { entityId: 'person:anna-berg', value: 'Anna Berg', layer: 'quotes' });
    const i = new WorkspaceIndex();
    i.setDocument('file:///q.txt', text, { mentions: [speaker, quote], entities: [] });
    const ref = i.mentionAt('file:///q.txt', 0) as MentionRef;
    const md = buildHoverCard(i, ref, { ...options, allQuotesCommand: 'marginalia.filterQuotes' });
    const link = `[All quotes\u2026](command:marginalia.filterQuotes?${encodeURIComponent(JSON.stringify(['person:anna-berg']))})`;
    assert.ok(md.includes(link), md);
    assert.doesNotMatch(buildHoverCard(i, ref, options), /All quotes/);
  });
});
