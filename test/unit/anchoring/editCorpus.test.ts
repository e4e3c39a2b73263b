/**
 * Reliability #22 on a corpus of scripted edits: our own texts (test/fixtures/sidecar/corpus) get every
 * occurrence of a list of phrases annotated, then seeded random edit scripts (typos, emoji, inserted sentences,
 * inserted, deleted and moved paragraphs, CRLF line ends, a BOM) and a re-anchoring. The edit scripts track where
 * every annotation must end up, so each placement is checked, not just counted.
 * Goals (issue 5): >= 99% of annotations whose quote is intact re-anchor to the right place, none to a wrong
 * place, and every annotation whose quote was deleted becomes an orphan.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reanchor } from '../../../src/core/anchoring/reanchor';
import { describeQuote } from '../../../src/core/anchoring/textQuote';
import type { Annotation } from '../../../src/core/model/annotation';
import { seededRandom } from '../../support/seededRandom';

const CORPUS = path.resolve(__dirname, '..', '..', 'fixtures', 'sidecar', 'corpus');
const SESSIONS_PER_DOCUMENT = Number(process.env.MARGINALIA_CORPUS_SESSIONS ?? 60);

interface Paragraph {
  id: number;
  text: string;
}

interface Tracked {
  annotation: Annotation;
  paragraph: number;
  start: number;
  end: number;
  state: 'intact' | 'modified' | 'deleted';
}

const SEPARATOR = '\n\n';

function join(paragraphs: Paragraph[]): string {
  return paragraphs.map((p) => p.text).join(SEPARATOR);
}

function offsetOf(paragraphs: Paragraph[], id: number): number {
  let offset = 0;
  for (const p of paragraphs) {
    if (p.id === id) return offset;
    offset += p.text.length + SEPARATOR.length;
  }
  throw new Error(`no paragraph ${id}`);
}

export interface SessionResult {
  intact: number;
  intactRight: number;
  wrong: string[];
  deleted: number;
  deletedOrphaned: number;
  modified: number;
  modifiedPlaced: number;
}

/** One document, one seeded edit script, one re-anchoring; every annotation classified. */
export function runSession(document: string, extras: string[], targets: string[], seed: number): SessionResult {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  let paragraphs: Paragraph[] = document.trim().split(SEPARATOR).map((text, id) => ({ id, text }));
  const original = join(paragraphs);
  const tracked: Tracked[] = [];
  let n = 0;
  for (const p of paragraphs) {
    const base = offsetOf(paragraphs, p.id);
    for (const target of targets) {
      for (let at = p.text.indexOf(target); at !== -1; at = p.text.indexOf(target, at + 1)) {
        const start = base + at;
        const annotation: Annotation = {
          id: `a-${++n}`,
          kind: 'custom',
          created: '2026-11-22T08:00:00.000Z',
          modified: '2026-11-22T08:00:00.000Z',
          selectors: { position: { start, end: start + target.length }, quote: describeQuote(original, start, start + target.length) },
        };
        tracked.push({ annotation, paragraph: p.id, start: at, end: at + target.length, state: 'intact' });
      }
    }
  }

  /** Replaces `length` characters at `at` in paragraph `id` by `insert`, moving the tracked spans in it. */
  const editParagraph = (id: number, at: number, length: number, insert: string) => {
    const p = paragraphs.find((x) => x.id === id) as Paragraph;
    p.text = p.text.slice(0, at) + insert + p.text.slice(at + length);
    const delta = insert.length - length;
    for (const t of tracked) {
      if (t.paragraph !== id || t.state === 'deleted') continue;
      if (at + length <= t.start && !(length === 0 && at === t.start && false)) {
        t.start += delta;
        t.end += delta;
      } else if (at >= t.end) {
        // after: unchanged
      } else if (at <= t.start && at + length >= t.end && insert.length === 0) {
        t.state = 'deleted';
      } else {
        t.state = 'modified';
        t.end = Math.max(t.start, t.end + delta);
      }
    }
  };

  let nextId = 1000;
  const edits = 1 + Math.floor(random() * 6);
  for (let e = 0; e < edits; e++) {
    const kind = pick(['typo', 'typo', 'emoji', 'sentence', 'insertParagraph', 'deleteParagraph', 'moveParagraph', 'deleteSentence']);
    const p = pick(paragraphs);
    if (kind === 'typo') {
      const at = Math.floor(random() * p.text.length);
      const what = pick(['replace', 'delete', 'insert']);
      const letter = pick([...'etaoinshrdlu']);
      editParagraph(p.id, at, what === 'insert' ? 0 : 1, what === 'delete' ? '' : letter);
    } else if (kind === 'emoji') {
      const spaces = [...p.text.matchAll(/ /g)].map((m) => m.index as number);
      if (spaces.length > 0) editParagraph(p.id, pick(spaces) + 1, 0, pick(['🙂 ', '🇦🇹 ', '👍🏽 ']));
    } else if (kind === 'sentence') {
      const ends = [...p.text.matchAll(/\. /g)].map((m) => (m.index as number) + 1);
      editParagraph(p.id, ends.length > 0 ? pick(ends) : p.text.length, 0, ' Officials gave no further details.');
    } else if (kind === 'deleteSentence') {
      const sentences = [...p.text.matchAll(/[^.!?]+[.!?]"?\s*/g)].map((m) => ({ at: m.index as number, length: m[0].length }));
      if (sentences.length > 1) {
        const s = pick(sentences);
        editParagraph(p.id, s.at, s.length, '');
      }
    } else if (kind === 'insertParagraph') {
      const at = Math.floor(random() * (paragraphs.length + 1));
      paragraphs.splice(at, 0, { id: nextId++, text: pick(extras) });
    } else if (kind === 'deleteParagraph' && paragraphs.length > 2) {
      paragraphs = paragraphs.filter((x) => x !== p);
      for (const t of tracked) if (t.paragraph === p.id) t.state = 'deleted';
    } else if (kind === 'moveParagraph') {
      const rest = paragraphs.filter((x) => x !== p);
      rest.splice(Math.floor(random() * (rest.length + 1)), 0, p);
      paragraphs = rest;
    }
  }

  let text = join(paragraphs);
  const expected = (t: Tracked) => ({ start: offsetOf(paragraphs, t.paragraph) + t.start, end: offsetOf(paragraphs, t.paragraph) + t.end });
  let toFinal = (o: number) => o;
  const variant = random();
  if (variant < 0.25) {
    // CRLF checkout: every LF before an offset adds one code unit.
    const lf = text;
    text = text.replace(/\n/g, '\r\n');
    toFinal = (o) => o + (lf.slice(0, o).match(/\n/g)?.length ?? 0);
  } else if (variant < 0.35) {
    text = `\ufeff${text}`;
    toFinal = (o) => o + 1;
  }

  const result = reanchor(
    tracked.map((t) => t.annotation),
    text,
  );
  const placedById = new Map(result.placed.map((p) => [p.item.id, p]));
  const out: SessionResult = { intact: 0, intactRight: 0, wrong: [], deleted: 0, deletedOrphaned: 0, modified: 0, modifiedPlaced: 0 };
  for (const t of tracked) {
    const placed = placedById.get(t.annotation.id);
    const where = t.state === 'deleted' ? undefined : expected(t);
    const want = where && { start: toFinal(where.start), end: toFinal(where.end) };
    const describe = () =>
      `seed ${seed} ${t.state} "${t.annotation.selectors.quote.exact}" (${t.annotation.id}) expected ${want ? `${want.start}-${want.end}` : 'orphan'}, placed ${placed ? `${placed.start}-${placed.end} "${text.slice(placed.start, placed.end)}"` : 'orphan'}` +
      (process.env.MARGINALIA_CORPUS_DEBUG && placed
        ? `\n  stored ${JSON.stringify(t.annotation.selectors.quote.prefix)} | ${JSON.stringify(t.annotation.selectors.quote.suffix)}` +
          `\n  placed ${JSON.stringify(text.slice(placed.start - 32, placed.start))} | ${JSON.stringify(text.slice(placed.end, placed.end + 32))}`
        : '');
    if (t.state === 'intact') {
      out.intact++;
      if (placed && want && placed.start === want.start && placed.end === want.end) out.intactRight++;
      else if (placed) out.wrong.push(describe());
    } else if (t.state === 'deleted') {
      out.deleted++;
      if (!placed) out.deletedOrphaned++;
      else out.wrong.push(describe());
    } else {
      out.modified++;
      if (placed && want) {
        // A changed quote may be placed on what remains of it, never elsewhere.
        if (placed.start < want.end + 2 && want.start < placed.end + 2) out.modifiedPlaced++;
        else out.wrong.push(describe());
      }
    }
  }
  return out;
}

describe('re-anchoring on the scripted-edit corpus (reliability #22)', () => {
  it('>= 99% of intact quotes re-anchor to the right place, none to a wrong place, every deleted quote is an orphan', () => {
    const targets = fs.readFileSync(path.join(CORPUS, 'targets.txt'), 'utf8').split('\n').filter(Boolean);
    const extras = fs.readFileSync(path.join(CORPUS, 'extra-paragraphs.txt'), 'utf8').trim().split(SEPARATOR);
    const documents = ['briefing.txt', 'interview.txt', 'statement.txt'].map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'));
    const total: SessionResult = { intact: 0, intactRight: 0, wrong: [], deleted: 0, deletedOrphaned: 0, modified: 0, modifiedPlaced: 0 };
    documents.forEach((doc, d) => {
      for (let s = 0; s < SESSIONS_PER_DOCUMENT; s++) {
        const r = runSession(doc, extras, targets, d * 10_000 + s);
        total.intact += r.intact;
        total.intactRight += r.intactRight;
        total.wrong.push(...r.wrong);
        total.deleted += r.deleted;
        total.deletedOrphaned += r.deletedOrphaned;
        total.modified += r.modified;
        total.modifiedPlaced += r.modifiedPlaced;
      }
    });
    const rate = total.intactRight / total.intact;
    console.log(
      `      ${documents.length * SESSIONS_PER_DOCUMENT} edit scripts: intact ${total.intactRight}/${total.intact} right (${(rate * 100).toFixed(2)}%), ` +
        `deleted ${total.deletedOrphaned}/${total.deleted} orphaned, changed quotes placed ${total.modifiedPlaced}/${total.modified}, wrong places ${total.wrong.length}`,
    );
    if (process.env.MARGINALIA_CORPUS_DEBUG) console.log(total.wrong.join('\n'));
    assert.deepEqual(total.wrong.slice(0, 10), [], 'no annotation lands in a wrong place');
    assert.equal(total.deletedOrphaned, total.deleted, 'every deleted quote becomes an orphan');
    assert.ok(rate >= 0.99, `intact quotes re-anchored right: ${(rate * 100).toFixed(2)}%`);
    assert.ok(total.intact > 2000 && total.deleted > 100, 'the corpus exercises enough annotations');
  });
});
