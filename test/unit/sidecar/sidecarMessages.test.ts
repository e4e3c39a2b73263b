import * as assert from 'node:assert/strict';
import { parseSidecar, type ParsedSidecar } from '../../../src/core/sidecar/parseSidecar';
import type { SidecarStoreError } from '../../../src/core/sidecar/sidecarErrors';
import { SidecarStore } from '../../../src/core/sidecar/sidecarStore';
import { PSEUDO, unmark } from '../support/pseudoLocale';
import { MemoryFileSystem } from './memoryFileSystem';
import { annotationOn } from './sidecarTestData';

const ITEM = 'id: a-1, kind: date, created: "2026-01-01T00:00:00.000Z", modified: "2026-01-01T00:00:00.000Z"';
const SELECTORS = 'selectors: {position: {start: 0, end: 1}, quote: {exact: x}}';
const annotation = (fields: string) => `marginalia: 1\nannotations:\n  - {${fields}}\n`;

/** Sidecars each refused for other reasons, together saying every problem the reader words itself. */
const BROKEN: Array<[string, string | Uint8Array]> = [
  ['not UTF-8', new Uint8Array([0x6d, 0xff, 0x0a])],
  ['conflict markers', 'marginalia: 1\n<<<<<<< HEAD\n'],
  ['a key twice', 'marginalia: 1\nmarginalia: 1\n'],
  ['nested too deeply to parse', `marginalia: 1\nx: ${'['.repeat(20000)}${']'.repeat(20000)}\n`],
  ['a tag', 'marginalia: 1\ndocument: !!str x\n'],
  ['a number too large', annotation(`${ITEM}, selectors: {position: {start: 1e400, end: 1}, quote: {exact: x}}`)],
  ['a key that is no string', 'marginalia: 1\n? [a]\n: 1\n'],
  ['a forbidden key', 'marginalia: 1\n__proto__: 1\n'],
  ['nested deeper than allowed', `marginalia: 1\nx: ${'[ '.repeat(70)}${' ]'.repeat(70)}\n`],
  ['one alias', 'marginalia: 1\na: &x 1\nb: *x\n'],
  ['aliases', 'marginalia: 1\na: &x 1\nb: *x\nc: *x\n'],
  ['no mapping', '- a\n'],
  ['no version', 'document: {title: x}\n'],
  ['a version that is no number', 'marginalia: one\n'],
  ['a newer version', 'marginalia: 99\n'],
  ['a bad document', 'marginalia: 1\ndocument: {date: yesterday, title: 3}\n'],
  ['a document that is no mapping', 'marginalia: 1\ndocument: [1]\n'],
  ['annotations that are no list', 'marginalia: 1\nannotations: 1\n'],
  ['an annotation that is no mapping', 'marginalia: 1\nannotations: [1]\nrejections: [1]\n'],
  ['a bad id', annotation(`${ITEM.replace('a-1', '"-a"')}, ${SELECTORS}`)],
  ['an id twice', `marginalia: 1\nannotations:\n  - {${ITEM}, ${SELECTORS}}\n  - {${ITEM}, ${SELECTORS}}\n`],
  ['an unknown kind', annotation(`${ITEM.replace('kind: date', 'kind: villain')}, ${SELECTORS}`)],
  ['a bad timestamp', annotation(`${ITEM.replace('"2026-01-01T00:00:00.000Z"', 'yesterday')}, ${SELECTORS}`)],
  ['no selectors', annotation(ITEM)],
  ['half the selectors', annotation(`${ITEM}, selectors: {position: {start: 0, end: 1}}`)],
  ['selectors that are no mappings', annotation(`${ITEM}, selectors: {position: 1, quote: 2}`)],
  ['an end before the start', annotation(`${ITEM}, selectors: {position: {start: 2, end: 1}, quote: {exact: x}}`)],
  ['an offset that is no number', annotation(`${ITEM}, selectors: {position: {start: "0"}, quote: {exact: x}}`)],
  ['an attribute that is no single value', annotation(`${ITEM}, attributes: {a: [1]}, ${SELECTORS}`)],
  ['missing and non-text fields', annotation(`kind: [date], created: 2026-01-01, ${SELECTORS}`)],
];

function problemsOf(parsed: ParsedSidecar): string[] {
  return parsed.ok ? [] : parsed.problems.map((p) => p.message);
}

describe('sidecar problems in the reader\'s language (the core\'s messages port)', () => {
  it('every problem the reader finds is worded through the port, and reads as before in English', () => {
    for (const [what, input] of BROKEN) {
      const english = parseSidecar(input, 1000000);
      const pseudo = parseSidecar(input, 1000000, PSEUDO);
      assert.equal(english.ok, false, what);
      assert.ok(problemsOf(english).length > 0, what);
      assert.deepEqual(problemsOf(pseudo).map(unmark), problemsOf(english), what);
      for (const message of problemsOf(pseudo)) assert.match(message, /^\u00ab.*\u00bb$/s, `${what}: ${message}`);
      assert.equal(pseudo.ok || pseudo.failure, english.ok || english.failure, what);
    }
    const tooLarge = parseSidecar('marginalia: 1\n', 4, PSEUDO);
    assert.deepEqual(problemsOf(tooLarge), ['\u00abthe file is \u00ab0.0 MB\u00bb, over the \u00ab0.0 MB\u00bb limit for a sidecar\u00bb']);
  });

  it("the store's refusals say the file and the problem through the port", async () => {
    const memory = new MemoryFileSystem(['/ws']);
    memory.put('/ws/a.txt', 'text');
    memory.put('/ws/a.txt.annotations.yaml', 'marginalia: 99\n');
    const store = new SidecarStore({ fs: memory, root: '/ws', l10n: PSEUDO });
    const file = await store.open('/ws/a.txt');
    assert.deepEqual(file.problems, ['/ws/a.txt.annotations.yaml:1: \u00abwritten by a newer Marginalia (format 99; this version reads format 1). Update Marginalia; the file is left untouched.\u00bb']);
    const refusal = (run: () => unknown) => assert.throws(run, (e: SidecarStoreError) => /^\u00ab.*\u00bb$/.test(e.message) && e.message.includes('/ws/a.txt.annotations.yaml'));
    refusal(() => file.edit());
    await assert.rejects(file.save(), (e: SidecarStoreError) => /^\u00ab.*\u00bb$/.test(e.message) && e.message.includes('/ws/a.txt.annotations.yaml'));
    const readOnly = await new SidecarStore({ fs: memory, root: '/ws', readOnly: true, l10n: PSEUDO }).open('/ws/a.txt');
    await assert.rejects(readOnly.save(), (e: SidecarStoreError) => e.message === '\u00abread-only mode: /ws/a.txt.annotations.yaml is not written\u00bb');
    // A save that waits in vain for another process's lock.
    memory.put('/ws/b.txt', 'text');
    memory.put('/ws/.b.txt.annotations.yaml.marginalia-lock', JSON.stringify({ pid: 4242, token: 'other', time: Date.now() }));
    const clock = { now: () => Date.now(), sleep: () => new Promise<void>((r) => setImmediate(r)) };
    const blocked = await new SidecarStore({ fs: memory, root: '/ws', clock, lockTimeoutMs: 30, process: { pid: 1, isAlive: () => true }, l10n: PSEUDO }).open('/ws/b.txt');
    blocked.edit({ type: 'putAnnotation', annotation: annotationOn('text', 'text') });
    await assert.rejects(blocked.save(), (e: Error) => /^\u00abanother process is saving \/ws\/\.b\.txt\.annotations\.yaml\.marginalia-lock \(waited 30 ms\); try again\u00bb$/.test(e.message));
  });

  it('a refused path is worded through the port: the path, and why, for every reason', async () => {
    const store = new SidecarStore({ fs: new MemoryFileSystem(['/ws']), root: '/ws', l10n: PSEUDO });
    const mirrored = new SidecarStore({ fs: new MemoryFileSystem(['/ws']), root: '/ws', location: { mirrorFolder: '../elsewhere' }, l10n: PSEUDO });
    const refused: Array<[string, () => unknown]> = [
      ['a\0b.txt', () => store.sidecarPath('a\0b.txt')],
      ['', () => store.openSidecar('')],
      ['//server/share/a.txt', () => store.sidecarPath('//server/share/a.txt')],
      ['C:a.txt', () => store.sidecarPath('C:a.txt')],
      ['/elsewhere/a.txt', () => store.sidecarPath('/elsewhere/a.txt')],
      ['../../a.txt', () => store.sidecarPath('../../a.txt')],
      ['docs/a.txt', () => mirrored.sidecarPath('docs/a.txt')],
    ];
    const reasons = new Set<string>();
    for (const [path, run] of refused) {
      let message = '';
      try {
        await run();
      } catch (e) {
        assert.equal((e as SidecarStoreError).code, 'PATH_REFUSED', path);
        message = (e as Error).message;
      }
      const m = /^\u00abrefused path '(.*)': \u00ab(.+)\u00bb\u00bb$/s.exec(message);
      assert.ok(m, `${JSON.stringify(path)}: ${JSON.stringify(message)}`);
      reasons.add(m[2] as string);
    }
    assert.equal(reasons.size, 6, [...reasons].join(' | '));
  });
});
