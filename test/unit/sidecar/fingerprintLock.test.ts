import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { bytesHash, fnv1a64, textFingerprint } from '../../../src/core/sidecar/fingerprint';
import { acquireLock, LockTimeoutError } from '../../../src/core/sidecar/sidecarLock';
import type { Clock } from '../../../src/core/ports/clock';
import { MemoryFileSystem } from './memoryFileSystem';
import { WriterTokens } from '../../../src/core/sidecar/writerTokens';

describe('text fingerprint', () => {
  it('is FNV-1a 64 over UTF-16 code units, low byte first (checked against a BigInt reference, property)', () => {
    // FNV-1a 64 of the empty input is the offset basis.
    assert.equal(fnv1a64(''), 'cbf29ce484222325');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        let h = 0xcbf29ce484222325n;
        for (let i = 0; i < s.length; i++) {
          for (const byte of [s.charCodeAt(i) & 0xff, s.charCodeAt(i) >>> 8]) {
            h ^= BigInt(byte);
            h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
          }
        }
        assert.equal(fnv1a64(s), h.toString(16).padStart(16, '0'));
      }),
      { numRuns: 300 },
    );
    assert.match(textFingerprint('x'), /^fnv1a64:[0-9a-f]{16}$/);
  });

  it('is the same for CRLF, LF, BOM and NFD variants of a text, and differs when a character changes', () => {
    const lf = 'Café talks\nresumed on Monday.\n';
    const variants = [lf.replace(/\n/g, '\r\n'), `\ufeff${lf}`, lf.normalize('NFD')];
    for (const v of variants) assert.equal(textFingerprint(v), textFingerprint(lf));
    assert.notEqual(textFingerprint(lf.replace('Monday', 'Sunday')), textFingerprint(lf));
  });

  it('bytesHash tells different byte strings apart, including same-length ones', () => {
    const a = new TextEncoder().encode('marginalia: 1\nannotations: []\n');
    const b = new TextEncoder().encode('marginalia: 1\nannotations: []\r');
    assert.equal(bytesHash(a), bytesHash(a.slice()));
    assert.notEqual(bytesHash(a), bytesHash(b));
    assert.notEqual(bytesHash(a), bytesHash(a.slice(0, -1)));
  });
});

describe('sidecar lock', () => {
  const clock: Clock = { now: () => Date.now(), sleep: () => new Promise((r) => setImmediate(r)) };
  const lock = '/ws/.a.txt.annotations.yaml.marginalia-lock';

  it('is exclusive: a second owner waits, then gets it after release', async () => {
    const fs = new MemoryFileSystem(['/ws']);
    const release = await acquireLock(lock, { fs, clock, owner: { pid: 1, tokens: new WriterTokens('one') } });
    let second = false;
    const waiting = acquireLock(lock, { fs, clock, owner: { pid: 2, tokens: new WriterTokens('two') }, isProcessAlive: () => true }).then((r) => {
      second = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(second, false);
    await release();
    await (await waiting)();
    assert.equal(second, true);
    assert.equal(fs.files.has(lock), false);
  });

  it('times out with a clear error while a live owner holds it', async () => {
    const fs = new MemoryFileSystem(['/ws']);
    await acquireLock(lock, { fs, clock, owner: { pid: 1, tokens: new WriterTokens('one') } });
    await assert.rejects(acquireLock(lock, { fs, clock, owner: { pid: 2, tokens: new WriterTokens('two') }, isProcessAlive: () => true, timeoutMs: 20 }), LockTimeoutError);
  });

  it('breaks an empty lock left by a crash between create and write, once it is not brand new', async () => {
    const fs = new MemoryFileSystem(['/ws']);
    fs.put(lock, '');
    (fs.files.get(lock) as { mtimeMs: number }).mtimeMs = Date.now() - 5_000;
    const release = await acquireLock(lock, { fs, clock, owner: { pid: 2, tokens: new WriterTokens('two') }, timeoutMs: 100 });
    await release();
    assert.equal(fs.files.has(lock), false);
  });

  it('breaks a lock older than any save, whoever holds it', async () => {
    const fs = new MemoryFileSystem(['/ws']);
    fs.put(lock, JSON.stringify({ pid: 1, token: 'old', time: 0 }));
    (fs.files.get(lock) as { mtimeMs: number }).mtimeMs = Date.now() - 60_000;
    const release = await acquireLock(lock, { fs, clock, owner: { pid: 2, tokens: new WriterTokens('two') }, isProcessAlive: () => true, timeoutMs: 100 });
    // The old lock file was deleted; the lock now on disk is the new owner's (a folder holding its owner file).
    const files = [...fs.files.keys()];
    assert.equal(files.length, 1, files.join(', '));
    assert.ok(files[0]!.startsWith(`${lock}/`), files[0]);
    const held = JSON.parse(fs.text(files[0]!) ?? 'null') as { pid: number; token: string };
    assert.equal(held.pid, 2);
    assert.notEqual(held.token, 'old');
    await release();
    assert.deepEqual([...fs.files.keys()], []);
  });

  it('does not break a recent lock of a live owner, and its release leaves a lock re-taken by another owner', async () => {
    const fs = new MemoryFileSystem(['/ws']);
    fs.put(lock, JSON.stringify({ pid: 1, token: 'recent', time: 0 }));
    await assert.rejects(acquireLock(lock, { fs, clock, owner: { pid: 2, tokens: new WriterTokens('two') }, isProcessAlive: () => true, timeoutMs: 20 }), LockTimeoutError);
    assert.equal(JSON.parse(fs.text(lock) ?? 'null').token, 'recent');
    const release = await acquireLock(lock, { fs, clock, owner: { pid: 2, tokens: new WriterTokens('two') }, isProcessAlive: () => false, timeoutMs: 100 });
    const mine = fs.text(lock);
    fs.put(lock, JSON.stringify({ pid: 3, token: 'someone-else', time: 0 }));
    await release();
    assert.equal(JSON.parse(fs.text(lock) ?? 'null').token, 'someone-else', 'release removes only its own lock');
    assert.notEqual(mine, fs.text(lock));
  });
});
