import * as assert from 'node:assert/strict';
import {
  acceptMention,
  annotateAllOccurrences,
  createAnnotation,
  inverseEdits,
  rejectMention,
  updateAnnotation,
  type EditContext,
} from '../../../src/core/sidecar/annotationEdits';
import { applyEdits, sameSidecar, type SidecarEdit } from '../../../src/core/sidecar/sidecarEdits';
import { emptySidecar } from '../../../src/core/model/annotation';
import { reconcile } from '../../../src/core/model/documentView';
import type { Mention } from '../../../src/core/model/mention';
import { SidecarStore } from '../../../src/core/sidecar/sidecarStore';
import { MemoryFileSystem } from './memoryFileSystem';

const TEXT = 'Varga spoke first. Then Vargas, her aide, spoke. Later Varga closed the session under the Harbour Accord.';
const ctx: EditContext = { now: '2026-11-22T09:00:00.000Z', author: 'dana' };
const later: EditContext = { now: '2026-11-22T10:00:00.000Z', author: 'dana' };

describe('annotation edits (the AnnotationService building blocks)', () => {
  it('creates an annotation with selectors, author and timestamps', () => {
    const a = createAnnotation(TEXT, 0, 5, { kind: 'speaker', note: 'chair' }, ctx);
    assert.match(a.id, /^a-[a-z2-7]{16}$/);
    assert.deepEqual({ ...a, id: 'x' }, {
      id: 'x',
      kind: 'speaker',
      note: 'chair',
      author: 'dana',
      created: ctx.now,
      modified: ctx.now,
      selectors: { position: { start: 0, end: 5 }, quote: { exact: 'Varga', prefix: '', suffix: TEXT.slice(5, 37) } },
    });
    assert.throws(() => createAnnotation(TEXT, 5, 5, { kind: 'speaker' }, ctx), RangeError);
  });

  it('updates fields, clears a field given as undefined, and stamps modified', () => {
    const a = createAnnotation(TEXT, 0, 5, { kind: 'speaker', note: 'chair', label: 'L' }, ctx);
    const b = updateAnnotation(a, { kind: 'person', note: undefined }, later);
    assert.equal(b.kind, 'person');
    assert.equal('note' in b, false);
    assert.equal(b.label, 'L');
    assert.equal(b.modified, later.now);
    assert.equal(b.created, ctx.now);
    assert.equal(a.note, 'chair', 'the original is untouched');
  });

  it('accepting an automatic mention makes it manual; rejecting hides it after reload', () => {
    const start = TEXT.indexOf('Harbour Accord');
    const auto: Mention = { kind: 'treaty', start, end: start + 14, text: 'Harbour Accord', entityId: 'treaty:harbour-accord', source: 'auto' };
    const accepted = acceptMention(TEXT, auto, ctx, { note: 'checked' });
    assert.equal(accepted.entityId, 'treaty:harbour-accord');
    const view = reconcile({ mentions: [auto], entities: [] }, { ...emptySidecar(), annotations: [accepted] }, TEXT);
    assert.deepEqual(view.mentions.map((m) => m.source), ['manual']);
    const rejected = reconcile({ mentions: [auto], entities: [] }, { ...emptySidecar(), rejections: [rejectMention(TEXT, auto, ctx)] }, TEXT);
    assert.deepEqual(rejected.mentions, []);
  });

  it('annotates all identical occurrences as whole words, skipping ones already annotated', () => {
    const first = createAnnotation(TEXT, 0, 5, { kind: 'speaker' }, ctx);
    const all = annotateAllOccurrences(TEXT, 0, 5, { kind: 'speaker' }, [{ start: 0, end: 5, kind: 'speaker' }], ctx);
    assert.deepEqual(
      all.map((a) => a.selectors.position.start),
      [TEXT.indexOf('Varga closed')],
    );
    assert.notEqual(all[0].id, first.id);
  });

  it('inverse edits undo any sequence of edits exactly', () => {
    const a = createAnnotation(TEXT, 0, 5, { kind: 'speaker' }, ctx);
    const b = createAnnotation(TEXT, TEXT.indexOf('Harbour'), TEXT.indexOf('Harbour') + 14, { kind: 'treaty' }, ctx);
    const before = applyEdits(emptySidecar(), [{ type: 'putAnnotation', annotation: a }, { type: 'setMetadata', metadata: { title: 'Old' } }]);
    const edits: SidecarEdit[] = [
      { type: 'putAnnotation', annotation: updateAnnotation(a, { note: 'n' }, later) },
      { type: 'putAnnotation', annotation: b },
      { type: 'removeAnnotation', id: a.id },
      { type: 'putRejection', rejection: rejectMention(TEXT, { kind: 'date', start: 6, end: 11, text: 'spoke', source: 'auto' }, ctx) },
      { type: 'setMetadata', metadata: { title: 'New', date: '2024-03-14' } },
    ];
    const after = applyEdits(before, edits);
    assert.ok(!sameSidecar(after, before));
    assert.ok(sameSidecar(applyEdits(after, inverseEdits(before, edits)), before));
  });

  it('a sidecar file tells its listeners about edits, reloads and merges', async () => {
    const memory = new MemoryFileSystem(['/ws']);
    const store = new SidecarStore({ fs: memory, root: '/ws' });
    const file = await store.open('doc.txt');
    const seen: number[] = [];
    const stop = file.onDidChange((f) => seen.push(f.sidecar.annotations.length));
    file.edit({ type: 'putAnnotation', annotation: createAnnotation(TEXT, 0, 5, { kind: 'speaker' }, ctx) });
    await file.save();
    await file.reload();
    stop();
    file.edit({ type: 'removeAnnotation', id: file.sidecar.annotations[0].id });
    assert.deepEqual(seen, [1, 1]);
  });
});
