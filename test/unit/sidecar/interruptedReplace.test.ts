import * as assert from 'node:assert/strict';
import { SidecarStore } from '../../../src/core/sidecar/sidecarStore';
import { writeCanonical } from '../../../src/core/sidecar/canonicalFormat';
import { emptySidecar } from '../../../src/core/model/annotation';
import type { Clock } from '../../../src/core/ports/clock';
import { MemoryFileSystem } from './memoryFileSystem';
import { annotationOn } from './sidecarTestData';

const TEXT = 'On Thursday, Sergey Ryabkov said the New START treaty was still in force.';
const DOC = '/ws/docs/briefing.txt';
const SIDECAR = `${DOC}.annotations.yaml`;
const TEMP = (n: string) => `/ws/docs/.briefing.txt.annotations.yaml.marginalia-tmp-77-abcd-${n}`;
const fastClock: Clock = { now: () => Date.now(), sleep: () => new Promise((r) => setImmediate(r)) };

function canonicalWith(...quotes: string[]): string {
  return writeCanonical({ ...emptySidecar(), annotations: quotes.map((q) => annotationOn(TEXT, q)) });
}

/**
 * In the web host, replacing a sidecar through the editor's file service deletes the old file before the temp file
 * is renamed into place: a crash in between leaves no sidecar and the saved annotations only in the temp file.
 */
describe('sidecar store: a replacement cut short between delete and rename', () => {
  function crashed(temps: Record<string, string>) {
    const memory = new MemoryFileSystem(['/ws/docs']);
    memory.put(DOC, TEXT);
    for (const [n, text] of Object.entries(temps)) memory.put(TEMP(n), text);
    return { memory, store: new SidecarStore({ fs: memory, root: '/ws', clock: fastClock, process: { pid: 100 } }) };
  }

  it('the next save keeps the annotations of the temp file, adds its own, and removes the temp file', async () => {
    const { memory, store } = crashed({ 1: canonicalWith('Sergey Ryabkov', 'New START') });
    const file = await store.open(DOC);
    assert.equal(file.state, 'missing');
    file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'Thursday') });
    const saved = await file.save();
    assert.equal(saved.written, true);
    assert.equal(saved.merged, true, 'the recovered annotations count as a change found on disk');
    const text = memory.text(SIDECAR) ?? '';
    for (const q of ['Sergey Ryabkov', 'New START', 'Thursday']) assert.match(text, new RegExp(`exact: "?${q}"?\n`), q);
    assert.equal(memory.text(TEMP('1')), undefined, 'the temp file is swept once its annotations are in the sidecar');
  });

  it('takes the newest temp file that parses, and ignores one cut short mid-write', async () => {
    const { memory, store } = crashed({ 1: canonicalWith('Sergey Ryabkov'), 2: canonicalWith('New START'), 3: canonicalWith('Thursday').slice(0, 40) });
    for (const n of ['1', '2', '3']) (memory.files.get(TEMP(n)) as { mtimeMs: number }).mtimeMs = Number(n) * 1_000;
    const file = await store.open(DOC);
    file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'treaty') });
    await file.save();
    const text = memory.text(SIDECAR) ?? '';
    assert.match(text, /exact: "New START"/);
    assert.match(text, /exact: "?treaty"?\n/);
    assert.doesNotMatch(text, /exact: "Sergey Ryabkov"/, 'an older temp file is not the last sidecar written');
  });

  it('writes the sidecar even when the temp file already holds exactly what the save would write', async () => {
    // A writer killed after its temp file was complete, before the rename: the next writer makes the same edit.
    const annotation = annotationOn(TEXT, 'Sergey Ryabkov');
    const complete = writeCanonical({ ...emptySidecar(), annotations: [annotation] });
    const { memory, store } = crashed({ 1: complete });
    const file = await store.open(DOC);
    file.edit({ type: 'putAnnotation', annotation });
    const saved = await file.save();
    assert.equal(saved.written, true, 'no sidecar was on disk, so the save wrote one');
    assert.equal(memory.text(SIDECAR), complete);
  });
});
