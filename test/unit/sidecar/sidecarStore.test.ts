import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { SidecarStoreError } from '../../../src/core/sidecar/sidecarErrors';
import { SidecarStore } from '../../../src/core/sidecar/sidecarStore';
import type { SidecarFile } from '../../../src/core/sidecar/sidecarFile';
import { writeCanonical } from '../../../src/core/sidecar/canonicalFormat';
import { emptySidecar } from '../../../src/core/model/annotation';
import type { Clock } from '../../../src/core/ports/clock';
import { MemoryFileSystem, type FsOperation } from './memoryFileSystem';
import { annotationOn } from './sidecarTestData';

const TEXT = 'On Thursday, Sergey Ryabkov said the New START treaty was still in force.';
const DOC = '/ws/docs/briefing.txt';
const SIDECAR = `${DOC}.annotations.yaml`;
const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'sidecar');

/** A clock whose sleeps only yield, so lock waits cost nothing in tests. */
const fastClock: Clock = { now: () => Date.now(), sleep: () => new Promise((r) => setImmediate(r)) };

function setup(initial?: string, options: { readOnly?: boolean; pid?: number } = {}) {
  const memory = new MemoryFileSystem(['/ws/docs']);
  memory.put(DOC, TEXT);
  if (initial !== undefined) memory.put(SIDECAR, initial);
  const store = new SidecarStore({ fs: memory, root: '/ws', clock: fastClock, readOnly: options.readOnly, process: { pid: options.pid ?? 100 } });
  return { memory, store };
}

function canonicalWith(...quotes: string[]): string {
  return writeCanonical({ ...emptySidecar(), annotations: quotes.map((q) => annotationOn(TEXT, q)) });
}

function bytes(memory: MemoryFileSystem, p: string): Uint8Array | undefined {
  return memory.files.get(p)?.data.slice();
}

function writesTo(memory: MemoryFileSystem): string[] {
  const writing: FsOperation[] = ['writeFile', 'rename', 'deleteFile', 'syncFile'];
  return memory.calls.filter((c) => writing.includes(c.op)).map((c) => `${c.op} ${c.path}`);
}

describe('sidecar store', () => {
  it('creates a missing sidecar on first save, beside the document', async () => {
    const { memory, store } = setup();
    const file = await store.open('docs/briefing.txt');
    assert.equal(file.state, 'missing');
    assert.equal(file.path, SIDECAR);
    file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'Sergey Ryabkov') });
    assert.deepEqual(await file.save(), { written: true, merged: false });
    assert.match(memory.text(SIDECAR) ?? '', /exact: "Sergey Ryabkov"/);
    assert.equal(file.state, 'loaded');
  });

  it('two stores of one process never name a temp file or a lock staging folder alike (each owns its serial)', async () => {
    const { memory } = setup(canonicalWith('Thursday'));
    const stores = [1, 2].map(() => new SidecarStore({ fs: memory, root: '/ws', clock: fastClock, process: { pid: 100 } }));
    for (const store of stores) {
      const file = await store.open(DOC);
      file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'New START') });
      await file.save();
    }
    const made = (marker: string) => memory.calls.filter((c) => (c.op === 'writeFile' || c.op === 'createDirectory') && path.basename(c.path).includes(marker)).map((c) => c.path);
    for (const marker of ['.marginalia-tmp-', '-new-']) {
      const names = made(marker);
      assert.equal(names.length, 2, `${marker}: ${names.join(', ')}`);
      assert.equal(new Set(names).size, 2, `${marker}: ${names.join(', ')}`);
    }
  });

  it('reliability #3: writes temp, fsyncs it, renames over the sidecar, fsyncs the folder, in that order', async () => {
    const { memory, store } = setup(canonicalWith('Thursday'));
    const file = await store.open(DOC);
    file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'New START') });
    memory.calls.length = 0;
    await file.save();
    const steps = memory.calls.filter((c) => !c.path.includes('.marginalia-lock') && ['writeFile', 'syncFile', 'rename', 'syncDirectory'].includes(c.op));
    assert.equal(steps.length, 4, JSON.stringify(steps));
    const temp = steps[0].path;
    assert.match(path.basename(temp), /^\.briefing\.txt\.annotations\.yaml\.marginalia-tmp-100-[a-z2-7]+-\d+$/);
    assert.deepEqual(steps, [
      { op: 'writeFile', path: temp },
      { op: 'syncFile', path: temp },
      { op: 'rename', path: temp, to: SIDECAR },
      { op: 'syncDirectory', path: '/ws/docs' },
    ]);
    assert.ok(!memory.files.has(temp));
  });

  describe('reliability #4: an error at each write step', () => {
    const steps: { op: FsOperation; partial?: number }[] = [
      { op: 'writeFile' },
      { op: 'writeFile', partial: 10 },
      { op: 'syncFile' },
      { op: 'rename' },
    ];
    for (const code of ['ENOSPC', 'EACCES', 'EROFS', 'EBUSY', 'EIO']) {
      for (const step of steps) {
        it(`${code} at ${step.op}${step.partial ? ' (partial write)' : ''}: original byte-identical, edits kept, error surfaced, retry succeeds`, async () => {
          const { memory, store } = setup(canonicalWith('Thursday'));
          const original = bytes(memory, SIDECAR);
          const file = await store.open(DOC);
          const added = annotationOn(TEXT, 'New START', { kind: 'treaty' });
          file.edit({ type: 'putAnnotation', annotation: added });
          memory.fail(step.op, code, { when: (p) => p.includes('marginalia-tmp'), partial: step.partial });
          await assert.rejects(file.save(), (e: Error & { code?: string }) => e.code === code);
          assert.deepEqual(bytes(memory, SIDECAR), original, 'sidecar untouched');
          assert.ok(file.sidecar.annotations.some((a) => a.id === added.id), 'edit kept in memory');
          assert.equal(file.unsavedEdits.length, 1);
          assert.deepEqual([...memory.files.keys()].filter((p) => p.includes('marginalia-')), [], 'no temp or lock file left');
          const retry = await file.save();
          assert.equal(retry.written, true);
          assert.match(memory.text(SIDECAR) ?? '', /exact: "New START"/);
          assert.match(memory.text(SIDECAR) ?? '', /exact: Thursday/);
        });
      }
    }

    it('EACCES creating the lock or reading the sidecar: untouched, kept, surfaced, retry succeeds', async () => {
      for (const [op, when] of [
        ['writeFile', (p: string) => p.includes('.marginalia-lock')],
        ['readFile', (p: string) => p === SIDECAR],
      ] as const) {
        const { memory, store } = setup(canonicalWith('Thursday'));
        const original = bytes(memory, SIDECAR);
        const file = await store.open(DOC);
        file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'New START') });
        memory.fail(op, 'EACCES', { when });
        await assert.rejects(file.save(), /EACCES/);
        assert.deepEqual(bytes(memory, SIDECAR), original);
        assert.equal(file.unsavedEdits.length, 1);
        assert.equal((await file.save()).written, true);
      }
    });

    it('a failed folder fsync after the rename is reported as a warning: the content is in place', async () => {
      const { memory, store } = setup(canonicalWith('Thursday'));
      const file = await store.open(DOC);
      file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'New START') });
      memory.fail('syncDirectory', 'EIO');
      const result = await file.save();
      assert.equal(result.written, true);
      assert.match(result.syncWarning ?? '', /could not be flushed/);
      assert.equal(file.unsavedEdits.length, 0);
    });
  });

  it('reliability #5: an external change since the last read is merged, never overwritten', async () => {
    const { memory, store } = setup(canonicalWith('Thursday'));
    const file = await store.open(DOC);
    const mine = annotationOn(TEXT, 'New START', { kind: 'treaty' });
    file.edit({ type: 'putAnnotation', annotation: mine });
    // Someone else (git pull, a second window) rewrites the file meanwhile.
    const theirs = annotationOn(TEXT, 'Sergey Ryabkov');
    const other = await new SidecarStore({ fs: memory, root: '/ws', clock: fastClock, process: { pid: 200 } }).open(DOC);
    other.edit({ type: 'putAnnotation', annotation: theirs }, { type: 'setMetadata', metadata: { title: 'Their title' } });
    await other.save();
    assert.equal(await file.changedOnDisk(), true);
    const result = await file.save();
    assert.deepEqual(result, { written: true, merged: true });
    const final = (await store.open(DOC)).sidecar;
    assert.deepEqual(final.annotations.map((a) => a.selectors.quote.exact).sort(), ['New START', 'Sergey Ryabkov', 'Thursday']);
    assert.equal(final.document.title, 'Their title');
  });

  it('reliability #5: an update to an annotation someone else deleted brings it back rather than losing it', async () => {
    const start = annotationOn(TEXT, 'Thursday', { kind: 'date' });
    const { memory, store } = setup(writeCanonical({ ...emptySidecar(), annotations: [start] }));
    const file = await store.open(DOC);
    file.edit({ type: 'putAnnotation', annotation: { ...start, note: 'my note' } });
    const other = await new SidecarStore({ fs: memory, root: '/ws', clock: fastClock, process: { pid: 200 } }).open(DOC);
    other.edit({ type: 'removeAnnotation', id: start.id });
    await other.save();
    await file.save();
    assert.equal((await store.open(DOC)).sidecar.annotations[0]?.note, 'my note');
  });

  it('reliability #5/#7: an external change that breaks the file stops the save; the edits stay in memory', async () => {
    const { memory, store } = setup(canonicalWith('Thursday'));
    const file = await store.open(DOC);
    file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'New START') });
    memory.put(SIDECAR, fs.readFileSync(path.join(FIXTURES, 'conflict.annotations.yaml')));
    const broken = bytes(memory, SIDECAR);
    await assert.rejects(file.save(), (e: SidecarStoreError) => e.code === 'LOAD_FAILED' && /kept in memory/.test(e.message) && e.problems.length > 0);
    assert.deepEqual(bytes(memory, SIDECAR), broken);
    assert.equal(file.state, 'failed');
    assert.equal(file.unsavedEdits.length, 1);
  });

  describe('reliability #7: a sidecar that fails to load is never written', () => {
    const broken: [string, string | Uint8Array, RegExp][] = [
      ['conflict markers', fs.readFileSync(path.join(FIXTURES, 'conflict.annotations.yaml')), /:4: .*resolve the conflict/],
      ['alias bomb', fs.readFileSync(path.join(FIXTURES, 'alias-bomb.annotations.yaml')), /:4: aliases/],
      ['prototype pollution', fs.readFileSync(path.join(FIXTURES, 'prototype-pollution.annotations.yaml')), /:2: the key '__proto__'/],
      ['newer version', 'marginalia: 7\nannotations: []\n', /:1: written by a newer Marginalia/],
      ['YAML syntax error', 'marginalia: 1\nannotations: [\n', /:\d+: /],
      ['schema error', 'marginalia: 1\nannotations:\n  - id: a-1\n    kind: speaker\n', /:3: missing `created`/],
      ['invalid UTF-8', new Uint8Array([0x6d, 0x61, 0xc3, 0x28]), /not valid UTF-8/],
    ];
    for (const [name, content, problem] of broken) {
      it(`${name}: failed state with file and line, edits refused, bytes identical`, async () => {
        const { memory, store } = setup();
        memory.put(SIDECAR, content);
        const original = bytes(memory, SIDECAR);
        memory.calls.length = 0;
        const file = await store.open(DOC);
        assert.equal(file.state, 'failed');
        assert.ok(file.problems.some((p) => p.startsWith(SIDECAR) && problem.test(p)), JSON.stringify(file.problems));
        assert.throws(() => file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'Thursday') }), /cannot be changed/);
        await assert.rejects(file.save(), (e: SidecarStoreError) => e.code === 'LOAD_FAILED');
        assert.deepEqual(bytes(memory, SIDECAR), original);
        assert.deepEqual(writesTo(memory), []);
      });
    }

    it('too large: refused from its size without being read', async () => {
      const { memory } = setup(canonicalWith('Thursday'));
      const store = new SidecarStore({ fs: memory, root: '/ws', clock: fastClock, maxBytes: 100 });
      memory.calls.length = 0;
      const file = await store.open(DOC);
      assert.equal(file.failure, 'too-large');
      assert.match(file.problems[0], /over the .* limit/);
      assert.ok(!memory.calls.some((c) => c.op === 'readFile' && c.path === SIDECAR));
      assert.deepEqual(writesTo(memory), []);
    });
  });

  it('reliability #8: an unchanged sidecar is never rewritten', async () => {
    const initial = fs.readFileSync(path.join(FIXTURES, 'with-comments.annotations.yaml'), 'utf8');
    for (const content of [canonicalWith('Thursday'), initial]) {
      const { memory, store } = setup(content);
      const file = await store.open(DOC);
      memory.calls.length = 0;
      assert.deepEqual(await file.save(), { written: false, merged: false });
      // An edit that changes nothing (the same annotation put again) writes nothing either.
      file.edit({ type: 'putAnnotation', annotation: file.sidecar.annotations[0] });
      assert.equal((await file.save()).written, false);
      assert.ok(!memory.calls.some((c) => c.op === 'rename' && !c.path.includes('.marginalia-lock')));
      assert.equal(memory.text(SIDECAR), content);
    }
  });

  it('reliability #8: a commented file keeps its comments over several saves, a failed one and an undo', async () => {
    const initial = fs.readFileSync(path.join(FIXTURES, 'with-comments.annotations.yaml'), 'utf8');
    const { memory, store } = setup(initial);
    const file = await store.open(DOC);
    const ryabkov = file.sidecar.annotations.find((a) => a.id === 'a-ryabkov0000000001');
    assert.ok(ryabkov);
    file.edit({ type: 'putAnnotation', annotation: { ...ryabkov, note: 'first' } });
    await file.save();
    file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'New START', { id: 'a-newstart00000000001', kind: 'treaty' }) });
    memory.fail('rename', 'EBUSY');
    await assert.rejects(file.save(), /EBUSY/);
    // Undo the unsaved addition: nothing left to write, and the file still says what the first save wrote.
    file.edit({ type: 'removeAnnotation', id: 'a-newstart00000000001' });
    const before = memory.text(SIDECAR);
    assert.equal((await file.save()).written, false);
    assert.equal(memory.text(SIDECAR), before);
    file.edit({ type: 'putAnnotation', annotation: { ...ryabkov, note: 'second' } });
    await file.save();
    const text = memory.text(SIDECAR) ?? '';
    for (const kept of ['# Annotations for the briefing', '# reviewed twice', 'reviewer: dana', '# trailing comment', 'note: second # first guess']) {
      assert.ok(text.includes(kept), kept);
    }
    assert.ok(!text.includes('New START"'), 'the undone annotation was never written');
  });

  it('reliability #2: leftover temp files of a killed save are swept on load and never read as sidecars', async () => {
    const { memory, store } = setup(canonicalWith('Thursday'));
    const leftover = '/ws/docs/.briefing.txt.annotations.yaml.marginalia-tmp-999-3';
    memory.put(leftover, 'marginalia: 1\nannotations: [\n');
    const unrelated = '/ws/docs/.other.txt.annotations.yaml.marginalia-tmp-999-1';
    memory.put(unrelated, 'x');
    const file = await store.open(DOC);
    assert.equal(file.state, 'loaded');
    assert.ok(!memory.files.has(leftover));
    assert.ok(memory.files.has(unrelated), "another document's leftovers wait for that document");
    assert.ok(!memory.calls.some((c) => c.op === 'readFile' && c.path === leftover));
  });

  it('reliability #2: a leftover of a first save killed before any sidecar existed is swept by the next save', async () => {
    const { memory, store } = setup(undefined);
    const leftover = '/ws/docs/.briefing.txt.annotations.yaml.marginalia-tmp-999-7';
    memory.put(leftover, 'marginalia: 1\nannotations: [\n');
    const file = await store.open(DOC);
    assert.equal(file.state, 'missing');
    assert.ok(!memory.calls.some((c) => c.op === 'readFile' && c.path === leftover), 'never read as a sidecar');
    file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'New START') });
    await file.save();
    assert.ok(!memory.files.has(leftover), 'swept after the save');
    assert.equal(file.sidecar.annotations.length, 1);
  });

  it('read-only mode (Restricted Mode): loads, keeps edits in memory, writes nothing at all', async () => {
    const { memory, store } = setup(canonicalWith('Thursday'), { readOnly: true });
    memory.put('/ws/docs/.briefing.txt.annotations.yaml.marginalia-tmp-999-3', 'x');
    const original = bytes(memory, SIDECAR);
    const file = await store.open(DOC);
    assert.equal(file.sidecar.annotations.length, 1);
    file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'New START') });
    await assert.rejects(file.save(), (e: SidecarStoreError) => e.code === 'READ_ONLY');
    assert.deepEqual(writesTo(memory), []);
    assert.deepEqual(bytes(memory, SIDECAR), original);
    assert.equal(file.sidecar.annotations.length, 2);
  });

  it('waits for a lock held by a live process, and breaks one left by a dead process', async () => {
    const { memory, store } = setup(canonicalWith('Thursday'));
    const lock = '/ws/docs/.briefing.txt.annotations.yaml.marginalia-lock';
    memory.put(lock, JSON.stringify({ pid: 4242, token: 'other', time: Date.now() }));
    const file = await store.open(DOC);
    file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'New START') });
    const timed = new SidecarStore({ fs: memory, root: '/ws', clock: fastClock, lockTimeoutMs: 30, process: { pid: 1, isAlive: () => true } });
    const blocked = await timed.open(DOC);
    blocked.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'New START') });
    await assert.rejects(blocked.save(), /another process is saving/);
    const dead = new SidecarStore({ fs: memory, root: '/ws', clock: fastClock, process: { pid: 1, isAlive: (pid) => pid !== 4242 } });
    const winner = await dead.open(DOC);
    winner.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'Sergey Ryabkov') });
    assert.equal((await winner.save()).written, true);
    assert.ok(!memory.files.has(lock));
    void file;
  });

  it('reliability #6: two writers doing random operations keep every annotation of both (property)', async () => {
    const op = fc.record({ writer: fc.integer({ min: 0, max: 1 }), action: fc.constantFrom('add', 'add', 'edit', 'save', 'reload'), at: fc.nat() });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), fc.scheduler(), async (ops, s) => {
        const { memory } = setup(canonicalWith('Thursday'));
        const stores = [100, 200].map((pid) => new SidecarStore({ fs: memory, root: '/ws', clock: fastClock, process: { pid } }));
        const files: SidecarFile[] = await Promise.all(stores.map((st) => st.open(DOC)));
        const expected = new Map<string, string | undefined>();
        const quotes = ['Thursday', 'Sergey Ryabkov', 'New START', 'treaty', 'force'];
        const tasks = ops.map((o, i) =>
          s.schedule(Promise.resolve(i)).then(async () => {
            const f = files[o.writer];
            if (o.action === 'add') {
              const a = annotationOn(TEXT, quotes[o.at % quotes.length], { note: `w${o.writer}-${i}` });
              f.edit({ type: 'putAnnotation', annotation: a });
              expected.set(a.id, a.note);
            } else if (o.action === 'edit') {
              const mine = f.sidecar.annotations.filter((a) => a.note?.startsWith(`w${o.writer}-`));
              if (mine.length === 0) return;
              const a = mine[o.at % mine.length];
              f.edit({ type: 'putAnnotation', annotation: { ...a, note: `${a.note}+` } });
              expected.set(a.id, `${a.note}+`);
            } else if (o.action === 'save') await f.save();
            else if (f.unsavedEdits.length === 0) await f.reload();
          }),
        );
        await s.waitAll();
        await Promise.all(tasks);
        await Promise.all(files.map((f) => f.save()));
        const final = (await stores[0].open(DOC)).sidecar.annotations;
        for (const [id, note] of expected) {
          const a = final.find((x) => x.id === id);
          assert.ok(a, `annotation ${id} kept`);
          assert.equal(a.note, note);
        }
      }),
      { numRuns: 150 },
    );
  });
});
