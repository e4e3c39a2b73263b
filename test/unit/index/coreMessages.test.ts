import * as assert from 'node:assert/strict';
import { orphanMessage } from '../../../src/core/anchoring/orphanWords';
import { reanchor } from '../../../src/core/anchoring/reanchor';
import { buildTimeline } from '../../../src/core/desk/timelineData';
import { formatNames } from '../../../src/core/export/formatNames';
import { EXPORT_FORMATS } from '../../../src/core/export/registry';
import { buildHoverCard } from '../../../src/core/index/hoverCard';
import { WorkspaceIndex, type MentionRef } from '../../../src/core/index/workspaceIndex';
import { dateOriginWords } from '../../../src/core/model/dateOriginWords';
import { monthPeriod, yearPeriod } from '../../../src/core/model/datePeriods';
import { dateInWords, dateWithCode } from '../../../src/core/model/dateWords';
import { ENGLISH, type Messages } from '../../../src/core/ports/messages';
import type { DocumentDateSource } from '../../../src/core/recognizers/context';
import { BRIEFING, NEW_START, RYABKOV, briefingMentions, briefingQuotes, mentionOf } from './fixtures';

/** A pseudo-locale: every message marked, so that words that did not go through the port show up unmarked. */
const PSEUDO: Messages = { t: (message, ...args) => ENGLISH.t(`\u00ab${message}\u00bb`, ...args) };

/** The card's paragraphs with no message in them, leaving out what is data: quotes (`>`) and facts (`*...*`). */
function unmarked(md: string): string[] {
  return md.split('\n\n').filter((p) => !p.includes('\u00ab') && !p.startsWith('>') && !/^\*[^*].*\*$/.test(p));
}

describe("the core's messages port", () => {
  it('fills places as vscode.l10n.t does, leaving a place without an argument as it is', () => {
    assert.equal(ENGLISH.t('{1} before {0}, {2}', 'a', 'b'), 'b before a, {2}');
    assert.equal(ENGLISH.t('{0}', '{0}'), '{0}');
  });

  it('hover cards of a speaker, a date, a treaty and a manual annotation say every word through it', () => {
    const index = new WorkspaceIndex();
    const documentDate = { value: '2022-12-02', source: 'file name' as const };
    index.setDocument('file:///a.txt', BRIEFING, { mentions: [...briefingMentions(), ...briefingQuotes()], entities: [RYABKOV, NEW_START], documentDate });
    const note = 'See the annex for details.';
    index.setDocument('file:///m.txt', note, { mentions: [mentionOf(note, 'annex', 'custom', { source: 'manual', attributes: { note: 'check' } })], entities: [] });
    const options = { documentName: (u: string) => u.slice(8), revealCommand: 'r', setDocumentDateCommand: 's', allQuotesCommand: 'q' };
    const cards = [
      ['file:///a.txt', BRIEFING.indexOf('Sergey Ryabkov')],
      ['file:///a.txt', BRIEFING.indexOf('November 29')],
      ['file:///a.txt', BRIEFING.indexOf('New START')],
      ['file:///m.txt', note.indexOf('annex')],
    ] as const;
    for (const [uri, at] of cards) {
      const ref = index.mentionAt(uri, at) as MentionRef;
      const english = buildHoverCard(index, ref, options);
      const pseudo = buildHoverCard(index, ref, { ...options, l10n: PSEUDO });
      assert.deepEqual(unmarked(pseudo), [], pseudo);
      assert.equal(pseudo.replace(/[\u00ab\u00bb]/g, ''), english, 'the pseudo-locale only marks');
    }
  });

  it('dates in words say every word through it', () => {
    const values = ['2021-12-30', 'XXXX-12-01', 'XXXX-XX-12', '2025-03', '2025-SP', '2025-Q3', '2025-H1', '2023-W39', '2023-W39-WE', 'XXXX-WXX-3', 'XXXX', '199', '20', 'BC0044', 'PAST_REF', '2020/2022-06'];
    for (const v of values) {
      const pseudo = dateInWords(v, undefined, PSEUDO);
      assert.ok(pseudo.startsWith('\u00ab'), `${v}: ${pseudo}`);
      assert.equal(pseudo.replace(/[\u00ab\u00bb]/g, ''), dateInWords(v), v);
    }
    assert.equal(dateInWords('1955-07', 'END', PSEUDO), '\u00abthe end of \u00abJuly 1955\u00bb\u00bb');
    // The Entities tree's groups of dates.
    assert.deepEqual(['XXXX-12-01', 'PAST_REF', '199', 'BC0044'].map((v) => yearPeriod(v, PSEUDO).label), ['\u00abYear unknown\u00bb', '\u00abNot resolved\u00bb', '\u00abthe {0}0s\u00bb'.replace('{0}', '199'), '\u00ab{0} BC\u00bb'.replace('{0}', '44')]);
    assert.equal(monthPeriod('2021-12-30', PSEUDO)?.label, '\u00abDecember 2021\u00bb');
    assert.equal(dateWithCode('2025-SP', undefined, PSEUDO), '\u00ab\u00abspring 2025\u00bb (2025-SP)\u00bb');
  });

  it("the timeline's dates and the index's date names are worded through it", () => {
    const index = new WorkspaceIndex();
    index.setDocument('file:///a.txt', BRIEFING, { mentions: [...briefingMentions(), ...briefingQuotes()], entities: [RYABKOV, NEW_START], documentDate: { value: '2022-12-02', source: 'file name' } });
    // The name the Entities tree and the filters show for a date.
    assert.equal(index.displayName('date:2022-12-02', PSEUDO), '\u00ab2 December 2022\u00bb');
    const dates = (l10n?: Messages) => buildTimeline(index, { l10n }).items.filter((i) => i.kind === 'date').map((i) => i.label);
    assert.ok(dates().length > 0);
    assert.deepEqual(dates(PSEUDO).map((l) => l.replace(/[\u00ab\u00bb]/g, '')), dates());
    assert.ok(dates(PSEUDO).every((l) => l.startsWith('\u00ab')), dates(PSEUDO).join(', '));
  });

  it("export formats' names and descriptions, orphan reasons and date origins say their words through it, English by default", () => {
    for (const f of EXPORT_FORMATS) {
      const pseudo = formatNames(f.id, PSEUDO);
      assert.deepEqual([pseudo.label, pseudo.description], [`\u00ab${f.label}\u00bb`, `\u00ab${f.description}\u00bb`]);
    }
    const sources: DocumentDateSource[] = ['metadata', 'option', 'dateline', 'title', 'file name', 'folder', 'file time', 'git commit'];
    for (const s of sources) assert.equal(dateOriginWords(s, PSEUDO), `\u00ab${dateOriginWords(s)}\u00bb`);
    // Each reason re-anchoring gives: its English sentence is the port's, and the port words it anew.
    const text = 'Alpha said yes. Beta said yes. Gamma said no.';
    const at = (exact: string, prefix = '', suffix = '', start = 0) => ({ id: exact + start, selectors: { position: { start, end: start + exact.length }, quote: { exact, prefix, suffix } } });
    const { orphans } = reanchor([at(''), at('Delta said maybe'), at('said yes', 'Zeta ', '. Omega', 3)], text);
    assert.deepEqual(orphans.map((o) => o.reason), ['empty-quote', 'quote-not-found', 'context-mismatch']);
    for (const o of orphans) {
      assert.equal(orphanMessage(o, o.item.selectors.quote.exact), o.message);
      assert.equal(orphanMessage(o, o.item.selectors.quote.exact, PSEUDO).replace(/[\u00ab\u00bb]/g, ''), o.message);
      assert.ok(orphanMessage(o, o.item.selectors.quote.exact, PSEUDO).startsWith('\u00ab'));
    }
    const ambiguous = orphanMessage({ reason: 'ambiguous', fits: 7, lines: [1, 2, 3, 4, 5] }, 'said yes', PSEUDO);
    assert.equal(ambiguous, '\u00ab"said yes" fits 7 places equally well (\u00abline 1\u00bb, \u00abline 2\u00bb, \u00abline 3\u00bb, \u00abline 4\u00bb, \u00abline 5\u00bb, ...); choose one.\u00bb');
  });
});
