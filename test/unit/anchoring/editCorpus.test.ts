/**
 * Reliability #22 on a corpus of scripted edits: our own texts (test/fixtures/sidecar/corpus) get every
 * occurrence of a list of phrases annotated, then seeded random edit scripts (typos, emoji, inserted sentences,
 * inserted, deleted and moved paragraphs, a deleted question with its answer, two paragraphs that start alike
 * swapped, CRLF line ends, a BOM) and a re-anchoring. The edit scripts track where
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
import { analyze } from '../../../src/core/analyze';
import { requireShared } from '../../support/sharedData';

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

/** What a scripted edit can do to the paragraphs of the document, tracking every annotation. */
export interface ParagraphEditor {
  readonly paragraphs: readonly Paragraph[];
  deleteParagraph(id: number): void;
  swapParagraphs(a: number, b: number): void;
}

/**
 * One document, one edit script, one re-anchoring; every annotation classified. Without `script` the edits are
 * seeded random ones. `spans` (paragraph index, start, end within it) are annotated besides the targets.
 */
export function runSession(
  document: string,
  extras: string[],
  targets: string[],
  seed: number,
  script?: (editor: ParagraphEditor) => void,
  spans: Array<{ paragraph: number; start: number; end: number }> = [],
): SessionResult {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  let paragraphs: Paragraph[] = document.trim().split(SEPARATOR).map((text, id) => ({ id, text }));
  const original = join(paragraphs);
  const tracked: Tracked[] = [];
  let n = 0;
  const track = (paragraph: number, start: number, end: number) => {
    const at = offsetOf(paragraphs, paragraph) + start;
    const annotation: Annotation = {
      id: `a-${++n}`,
      kind: 'custom',
      created: '2026-11-22T08:00:00.000Z',
      modified: '2026-11-22T08:00:00.000Z',
      selectors: { position: { start: at, end: at + end - start }, quote: describeQuote(original, at, at + end - start) },
    };
    tracked.push({ annotation, paragraph, start, end, state: 'intact' });
  };
  for (const p of paragraphs) {
    for (const target of targets) {
      for (let at = p.text.indexOf(target); at !== -1; at = p.text.indexOf(target, at + 1)) track(p.id, at, at + target.length);
    }
  }
  for (const span of spans) track(span.paragraph, span.start, span.end);

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

  const deleteParagraph = (id: number) => {
    paragraphs = paragraphs.filter((x) => x.id !== id);
    for (const t of tracked) if (t.paragraph === id) t.state = 'deleted';
  };
  const swapParagraphs = (a: number, b: number) => {
    const i = paragraphs.findIndex((x) => x.id === a);
    const j = paragraphs.findIndex((x) => x.id === b);
    [paragraphs[i], paragraphs[j]] = [paragraphs[j], paragraphs[i]];
  };
  /** Paragraphs that start with the same words as another (answers after a speaker label, "On 1 April, ..."). */
  const alike = () => paragraphs.filter((p) => paragraphs.some((q) => q !== p && q.text.slice(0, 10) === p.text.slice(0, 10)));

  let nextId = 1000;
  const edits = script ? 0 : 1 + Math.floor(random() * 6);
  script?.({
    get paragraphs() {
      return paragraphs;
    },
    deleteParagraph,
    swapParagraphs,
  });
  for (let e = 0; e < edits; e++) {
    const kind = pick(['typo', 'typo', 'emoji', 'sentence', 'insertParagraph', 'deleteParagraph', 'moveParagraph', 'deleteSentence', 'deleteTurn', 'swapAlike']);
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
      deleteParagraph(p.id);
    } else if (kind === 'deleteTurn' && paragraphs.length > 3) {
      // A question and its answer, as when one exchange is cut from a transcript.
      const i = paragraphs.indexOf(p);
      const next = paragraphs[i + 1];
      deleteParagraph(p.id);
      if (next) deleteParagraph(next.id);
    } else if (kind === 'swapAlike') {
      const candidates = alike();
      if (candidates.length >= 2) {
        const a = pick(candidates);
        const b = pick(candidates.filter((q) => q !== a && q.text.slice(0, 10) === a.text.slice(0, 10)));
        swapParagraphs(a.id, b.id);
      }
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
    const documents = ['briefing.txt', 'interview.txt', 'statement.txt', 'transcript.txt'].map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'));
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

/** The analyser's mentions of `document` as paragraph-relative spans: what a user would have annotated. */
function mentionSpans(document: string): Array<{ paragraph: number; start: number; end: number }> {
  const paragraphs = document.trim().split(SEPARATOR);
  const spans: Array<{ paragraph: number; start: number; end: number }> = [];
  let base = 0;
  const mentions = analyze(paragraphs.join(SEPARATOR)).mentions;
  paragraphs.forEach((p, i) => {
    for (const m of mentions) if (m.start >= base && m.end <= base + p.length) spans.push({ paragraph: i, start: m.start - base, end: m.end - base });
    base += p.length + SEPARATOR.length;
  });
  return spans;
}

/** Every pair of paragraphs that start with the same ten characters. */
function alikePairs(document: string): Array<[number, number]> {
  const paragraphs = document.trim().split(SEPARATOR);
  const pairs: Array<[number, number]> = [];
  paragraphs.forEach((p, i) => {
    for (let j = i + 1; j < paragraphs.length; j++) if (p.length >= 10 && paragraphs[j].slice(0, 10) === p.slice(0, 10)) pairs.push([i, j]);
  });
  return pairs;
}

describe('re-anchoring where the context repeats (issue 15)', () => {
  const targets = fs.readFileSync(path.join(CORPUS, 'targets.txt'), 'utf8').split('\n').filter(Boolean);
  const transcript = fs.readFileSync(path.join(CORPUS, 'transcript.txt'), 'utf8');

  it('deleting any one question and its answer from a transcript whose answers all start alike moves no annotation', () => {
    const wrong: string[] = [];
    let deleted = 0;
    const count = transcript.trim().split(SEPARATOR).length;
    for (let q = 0; q + 1 < count; q += 2) {
      const r = runSession(transcript, [], targets, q, (e) => {
        e.deleteParagraph(q);
        e.deleteParagraph(q + 1);
      });
      wrong.push(...r.wrong);
      deleted += r.deletedOrphaned;
      assert.equal(r.deletedOrphaned, r.deleted, `exchange ${q / 2}: every annotation of the deleted exchange is an orphan`);
    }
    assert.deepEqual(wrong, [], 'no annotation moves onto another answer');
    assert.ok(deleted >= count, 'each deleted exchange had annotations');
  });

  it('swapping two paragraphs that start alike keeps every annotation on its own paragraph (our texts)', () => {
    const wrong: string[] = [];
    let checked = 0;
    // One target at a time: an annotation must find its place on its own evidence, not by following the shift
    // of a neighbour placed before it.
    for (const [a, b] of alikePairs(transcript)) {
      for (const target of targets) {
        const r = runSession(transcript, [], [target], a * 100 + b, (e) => e.swapParagraphs(a, b));
        wrong.push(...r.wrong);
        checked += r.intact;
      }
    }
    assert.ok(checked > 100, `enough annotations checked (${checked})`);
    assert.deepEqual(wrong, []);
  });

  it('swapping two paragraphs that start alike keeps every annotation on its own paragraph (seeds)', function () {
    const dir = requireShared(this, 'seeds');
    const wrong: string[] = [];
    let pairs = 0;
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
      const doc = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const [a, b] of alikePairs(doc)) {
        pairs++;
        const r = runSession(doc, [], [], a * 100 + b, (e) => e.swapParagraphs(a, b), mentionSpans(doc));
        wrong.push(...r.wrong.map((w) => `${f}: ${w}`));
      }
    }
    assert.ok(pairs > 0, 'the seeds have paragraphs that start alike');
    assert.deepEqual(wrong, []);
  });
});
