import * as assert from 'node:assert/strict';
import { BackgroundReanchor, OFF_THREAD_MIN_CHARS, OFF_THREAD_MIN_ITEMS, runsOffThread, type ReanchorRunner } from '../../../src/core/anchoring/backgroundReanchor';
import { reanchor } from '../../../src/core/anchoring/reanchor';
import { answerReanchor, expandResult, type CompactResult } from '../../../src/core/anchoring/reanchorTransfer';
import type { Annotation, Rejection, Selectors } from '../../../src/core/model/annotation';
import { annotationAt } from '../sidecar/sidecarTestData';

const CITIES = ['Geneva', 'Vienna', 'Moscow', 'Washington', 'Beijing', 'Oslo', 'Ankara'];

/** Distinct sentences, each with "the" in it, to at least `length` characters. */
function longText(length: number): string {
  const lines: string[] = [];
  for (let i = 0, n = 0; n < length; i++) {
    const line = `Sentence ${i}: the delegation from ${CITIES[i % CITIES.length]} met on day ${i * 7} about article ${i % 13}.`;
    lines.push(line);
    n += line.length + 1;
  }
  return lines.join('\n');
}

/** `count` annotations of "the" spread over the text. */
function annotationsOfThe(text: string, count: number): Annotation[] {
  const at = [...text.matchAll(/the/g)].map((m) => m.index as number);
  return Array.from({ length: count }, (_, i) => {
    const start = at[Math.floor((i * at.length) / count)];
    return annotationAt(text, start, start + 3, { id: `a-${i}` });
  });
}

/** The wording changed around every "the" (a and o exchanged), offsets kept: each needs the scored search. */
function reworded(text: string): string {
  return text.replace(/[ao]/g, (c) => (c === 'a' ? 'o' : 'a'));
}

/** A runner answering only when told, as a worker would (with the same core function). */
class ManualRunner implements ReanchorRunner {
  readonly calls: Array<{ text: string; resolve(): void; reject(e: Error): void }> = [];
  run(lists: Selectors[][], text: string): Promise<CompactResult[]> {
    return new Promise((resolve, reject) => {
      this.calls.push({
        text,
        resolve: () => {
          const reply = answerReanchor({ id: 1, text, lists });
          if ('error' in reply) reject(new Error(reply.error));
          else resolve(reply.results);
        },
        reject,
      });
    });
  }
}

const flush = () => new Promise((r) => setImmediate(r));
const NONE: Rejection[] = [];

describe('re-anchoring off the editor thread', () => {
  const base = longText(OFF_THREAD_MIN_CHARS + 2000);
  const annotations = annotationsOfThe(base, 40);
  const changed = reworded(base);

  it('goes off-thread from a long text or many items, never for none', () => {
    assert.equal(runsOffThread(OFF_THREAD_MIN_CHARS - 1, OFF_THREAD_MIN_ITEMS - 1), false);
    assert.equal(runsOffThread(OFF_THREAD_MIN_CHARS, 1), true);
    assert.equal(runsOffThread(100, OFF_THREAD_MIN_ITEMS), true);
    assert.equal(runsOffThread(10 * OFF_THREAD_MIN_CHARS, 0), false);
  });

  it('sends selectors and gets back the same result as reanchor, for the same item objects', () => {
    const reply = answerReanchor({ id: 7, text: changed, lists: [annotations.map((a) => a.selectors)] });
    assert.ok('results' in reply);
    assert.deepEqual(expandResult(annotations, reply.results[0]), reanchor(annotations, changed));
    assert.throws(() => expandResult(annotations.slice(0, 2), reply.results[0]), /item \d+ of 2/);
  });

  it('places a small case at once, without the runner', () => {
    const runner = new ManualRunner();
    const small = base.slice(0, 2000);
    const few = annotationsOfThe(small, 3);
    const placing = new BackgroundReanchor<Annotation, Rejection>(runner, () => assert.fail('nothing to settle')).place('doc', 1, reworded(small), few, NONE);
    assert.equal(placing.final, true);
    assert.deepEqual(placing.placements.annotations, reanchor(few, reworded(small)));
    assert.equal(runner.calls.length, 0);
  });

  it('places a large case in the runner, showing meanwhile only what it showed before, moved with the text', async () => {
    const runner = new ManualRunner();
    const settled: string[] = [];
    const background = new BackgroundReanchor<Annotation, Rejection>(runner, (key) => settled.push(key));
    const first = background.place('doc', 3, changed, annotations, NONE);
    assert.equal(first.final, false);
    assert.deepEqual(first.placements.annotations, { placed: [], orphans: [] }, 'nothing shown before anything was placed');
    assert.equal(runner.calls.length, 1);
    // Asked again for the same state (another re-analysis) before the answer: no second request.
    assert.equal(background.place('doc', 3, changed, annotations, NONE).final, false);
    assert.equal(runner.calls.length, 1);
    runner.calls[0].resolve();
    await flush();
    assert.deepEqual(settled, ['doc']);
    const done = background.place('doc', 3, changed, annotations, NONE);
    assert.equal(done.final, true);
    assert.deepEqual(done.placements.annotations, reanchor(annotations, changed));
    assert.ok(done.placements.annotations.placed.length > 10, 'the case places many');

    // A line inserted in the middle: until the runner answers, what was shown moves with the text.
    const middle = changed.indexOf('\n', changed.length >> 1) + 1;
    const edited = `${changed.slice(0, middle)}An inserted line.\n${changed.slice(middle)}`;
    const interim = background.place('doc', 4, edited, annotations, NONE);
    assert.equal(interim.final, false);
    const shift = 'An inserted line.\n'.length;
    const expected = done.placements.annotations.placed.map((p) => (p.start >= middle ? { ...p, start: p.start + shift, end: p.end + shift } : p));
    assert.deepEqual(interim.placements.annotations.placed, expected);
    for (const p of interim.placements.annotations.placed) assert.equal(edited.slice(p.start, p.end), changed.slice(p.start - (p.start >= middle ? shift : 0), p.end - (p.start >= middle ? shift : 0)));
    assert.deepEqual(interim.placements.annotations.orphans, done.placements.annotations.orphans, 'orphans stay listed meanwhile');
    runner.calls[1].resolve();
    await flush();
    assert.deepEqual(background.place('doc', 4, edited, annotations, NONE).placements.annotations, reanchor(annotations, edited));
  });

  it('leaves out, until placed again, what lay in the changed range, and annotations no longer in the sidecar', async () => {
    const runner = new ManualRunner();
    const background = new BackgroundReanchor<Annotation, Rejection>(runner, () => undefined);
    background.place('doc', 1, changed, annotations, NONE);
    runner.calls[0].resolve();
    await flush();
    const placed = background.place('doc', 1, changed, annotations, NONE).placements.annotations.placed;
    const victim = placed[placed.length >> 1];
    const edited = changed.slice(0, victim.start + 1) + 'X' + changed.slice(victim.start + 2);
    const kept = annotations.filter((a) => a !== placed[0].item);
    const interim = background.place('doc', 2, edited, kept, NONE).placements.annotations.placed;
    assert.ok(!interim.some((p) => p.item === victim.item), 'the annotation the edit touched waits');
    assert.ok(!interim.some((p) => p.item === placed[0].item), 'a removed annotation is not shown');
    assert.equal(interim.length, placed.length - 2);
  });

  it('waits for the answer of the exact state when asked to (writing positions on save)', async () => {
    const runner = new ManualRunner();
    const background = new BackgroundReanchor<Annotation, Rejection>(runner, () => undefined);
    const waiting = background.placed('doc', 1, changed, annotations, NONE);
    await flush();
    runner.calls[0].resolve();
    assert.deepEqual((await waiting).annotations, reanchor(annotations, changed));
  });

  it('drops the answer for an older version and sends only the latest state after it', async () => {
    const runner = new ManualRunner();
    const settled: string[] = [];
    const background = new BackgroundReanchor<Annotation, Rejection>(runner, (key) => settled.push(key));
    const v5 = `x${changed}`;
    const v6 = `xy${changed}`;
    background.place('doc', 4, changed, annotations, NONE);
    background.place('doc', 5, v5, annotations, NONE);
    background.place('doc', 6, v6, annotations, NONE);
    assert.equal(runner.calls.length, 1, 'one request at a time per document');
    runner.calls[0].resolve();
    await flush();
    assert.deepEqual(settled, [], 'the stale answer is not applied');
    assert.equal(runner.calls[1].text, v6, 'the latest state is sent, the one between skipped');
    runner.calls[1].resolve();
    await flush();
    assert.deepEqual(settled, ['doc']);
    assert.equal(background.place('doc', 6, v6, annotations, NONE).final, true);
    assert.equal(background.place('doc', 4, changed, annotations, NONE).final, false, 'the stale answer was not kept for its version');
    // The same text under a newer version (an undo) is another state: asked again, never assumed.
    assert.equal(background.place('doc', 7, v6, annotations, NONE).final, false);
  });

  it('an answer for other sidecar lists is not used', async () => {
    const runner = new ManualRunner();
    const background = new BackgroundReanchor<Annotation, Rejection>(runner, () => undefined);
    background.place('doc', 1, changed, annotations, NONE);
    runner.calls[0].resolve();
    await flush();
    assert.equal(background.place('doc', 1, changed, annotations.slice(1), NONE).final, false);
  });

  it('a forgotten document drops its answer', async () => {
    const runner = new ManualRunner();
    const settled: string[] = [];
    const background = new BackgroundReanchor<Annotation, Rejection>(runner, (key) => settled.push(key));
    background.place('doc', 1, changed, annotations, NONE);
    background.forget('doc');
    runner.calls[0].resolve();
    await flush();
    assert.deepEqual(settled, []);
    assert.equal(background.place('doc', 1, changed, annotations, NONE).final, false);
  });

  it('when the runner fails, settles and places in the caller thread from then on', async () => {
    const runner = new ManualRunner();
    const settled: string[] = [];
    const background = new BackgroundReanchor<Annotation, Rejection>(runner, (key) => settled.push(key));
    background.place('doc', 1, changed, annotations, NONE);
    runner.calls[0].reject(new Error('worker gone'));
    await flush();
    assert.deepEqual(settled, ['doc']);
    assert.equal(background.broken?.message, 'worker gone');
    const placing = background.place('doc', 1, changed, annotations, NONE);
    assert.equal(placing.final, true);
    assert.deepEqual(placing.placements.annotations, reanchor(annotations, changed));
  });
});
