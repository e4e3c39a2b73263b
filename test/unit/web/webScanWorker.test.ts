import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { mergeLexicons } from '../../../src/core/lexicon/workspaceLexicon';
import { handleScanMessage, ScanWorkerState } from '../../../src/hosts/scanProtocol';
import { WebScanWorkerClient, type ReadForScan, type WebWorkerLike } from '../../../src/web/webScanWorker';
import { buildInMemory, buildOptions, ROOT, threadAsWorker } from './browserBundle';

/**
 * The web scan worker as VS Code for the Web runs it, minus the browser: the real bundle of dist/web/scanWorker.js
 * in a Node worker thread posing as a web Worker (threadAsWebWorker). The client is the one the web extension
 * uses, with this as its Worker.
 */
const threadAsWebWorker = (source: string): WebWorkerLike => threadAsWorker(source);

const SAMPLES = path.join(ROOT, 'samples');
const samples = fs
  .readdirSync(SAMPLES)
  .filter((f) => /\.(txt|md)$/.test(f))
  .map((f) => path.join(SAMPLES, f));

async function readFromDisk(file: string, maxFileSize: number): Promise<ReadForScan> {
  const bytes = await fs.promises.readFile(file);
  if (bytes.length > maxFileSize) return { ok: false, reason: `${bytes.length} bytes, over the limit` };
  return { ok: true, bytes: new Uint8Array(bytes) };
}

describe('the web scan worker (VS Code for the Web)', function () {
  this.timeout(60_000);
  let source: string;
  before(async () => {
    source = (await buildInMemory(buildOptions('dist/web/scanWorker.js'))).text;
  });

  it("answers every document as the Node worker does: same parts, bytes and entities", async () => {
    const client = new WebScanWorkerClient(async () => source, readFromDisk, { createWorker: threadAsWebWorker });
    const state = new ScanWorkerState();
    try {
      for (const file of samples) {
        const web = await client.scan(file, 4_000_000, BUILTIN_LEXICON);
        const node = handleScanMessage({ type: 'scan', id: 1, path: file, maxFileSize: 4_000_000, lexicon: 'builtin' }, state)?.reply;
        assert.equal(web.outcome, 'indexed', `${file}: ${JSON.stringify(web)}`);
        assert.equal(node?.outcome, 'indexed');
        if (web.outcome !== 'indexed' || node?.outcome !== 'indexed') continue;
        const { entities, ...parts } = web.parts;
        assert.deepEqual(parts, node.parts, file);
        assert.deepEqual(web.bytes, new Uint8Array(node.bytes), file);
        assert.ok(entities.length > 0, `${file} has entities`);
      }
      assert.equal(client.ready, true);
    } finally {
      await client.stop();
    }
  });

  it('uses the workspace lexicon it is given, sent once', async () => {
    let posted = 0;
    const counting = (src: string): WebWorkerLike => {
      const w = threadAsWebWorker(src);
      const post = w.postMessage.bind(w);
      w.postMessage = (m, t) => {
        if (m.type === 'lexicon') posted++;
        post(m, t);
      };
      return w;
    };
    const newStart = BUILTIN_LEXICON.treaties.find((t) => t.id === 'treaty:new-start');
    assert.ok(newStart);
    const lexicon = mergeLexicons(BUILTIN_LEXICON, { people: [], treaties: [{ ...newStart, aliases: ['Prague Deal'] }] });
    const client = new WebScanWorkerClient(async () => source, async () => ({ ok: true, bytes: new TextEncoder().encode('Officials said the Prague Deal holds.\n') }), {
      createWorker: counting,
    });
    try {
      for (const name of ['a.txt', 'b.txt']) {
        const out = await client.scan(name, 1000, lexicon);
        assert.equal(out.outcome, 'indexed');
        assert.ok(out.outcome === 'indexed' && out.parts.entities.some((e) => e.id === 'treaty:new-start'), JSON.stringify(out));
      }
      assert.equal(posted, 1);
    } finally {
      await client.stop();
    }
  });

  it('dates a document by its file time under "modified" as the Node worker does, and not when off', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-web-file-date-'));
    const file = path.join(dir, 'readout.txt');
    fs.writeFileSync(file, 'Yesterday the two presidents spoke by phone about New START.\n');
    const noon = new Date(2021, 11, 30, 12);
    fs.utimesSync(file, noon, noon);
    const withTime = async (f: string, max: number): Promise<ReadForScan> => {
      const read = await readFromDisk(f, max);
      return read.ok ? { ...read, mtime: fs.statSync(f).mtimeMs } : read;
    };
    const client = new WebScanWorkerClient(async () => source, withTime, { createWorker: threadAsWebWorker });
    try {
      for (const mode of ['modified', 'off'] as const) {
        const web = await client.scan(file, 1e6, BUILTIN_LEXICON, mode);
        const node = handleScanMessage({ type: 'scan', id: 1, path: file, maxFileSize: 1e6, lexicon: 'builtin', fileDate: mode }, new ScanWorkerState())?.reply;
        assert.ok(web.outcome === 'indexed' && node?.outcome === 'indexed');
        // The web client puts the entities back into the parts; the Node worker's reply carries them apart.
        const { entities, ...parts } = web.parts;
        assert.deepEqual(parts, node.parts, mode);
        assert.equal(JSON.stringify(parts).includes('2021-12-29'), mode === 'modified', `yesterday resolved against the file time only when ${mode}`);
        assert.equal(entities.some((e) => e.id === 'date:2021-12-29'), mode === 'modified', `the date's entity only when ${mode}`);
      }
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips a binary file and a file over the limit with the reason, and names a file that could not be read', async () => {
    const reads: Record<string, () => Promise<ReadForScan>> = {
      'binary.txt': async () => ({ ok: true, bytes: new Uint8Array([0x4d, 0x00, 0x01, 0x02]) }),
      'large.txt': async () => ({ ok: false, reason: 'over the 10-byte limit' }),
      'gone.txt': () => Promise.reject(new Error('EntryNotFound (FileSystemError)')),
    };
    const client = new WebScanWorkerClient(async () => source, (p) => (reads[p] as () => Promise<ReadForScan>)(), { createWorker: threadAsWebWorker });
    try {
      const [binary, large, gone] = await Promise.all(['binary.txt', 'large.txt', 'gone.txt'].map((p) => client.scan(p, 10, BUILTIN_LEXICON)));
      assert.equal(binary?.outcome, 'skipped');
      assert.match(binary?.outcome === 'skipped' ? binary.reason : '', /binary/);
      assert.deepEqual(large, { outcome: 'skipped', reason: 'over the 10-byte limit' });
      assert.deepEqual(gone, { outcome: 'failed', message: 'gone.txt: EntryNotFound (FileSystemError)' });
    } finally {
      await client.stop();
    }
  });

  it('is broken, with the reason told once, where no Worker can start: the scanner then analyses in time slices', async () => {
    const told: string[] = [];
    const client = new WebScanWorkerClient(async () => source, readFromDisk, {
      createWorker: () => {
        throw new Error('this extension host has no Worker');
      },
      onBroken: (e) => told.push(e.message),
    });
    await assert.rejects(client.scan(samples[0] as string, 4_000_000, BUILTIN_LEXICON), /no Worker/);
    await assert.rejects(client.scan(samples[0] as string, 4_000_000, BUILTIN_LEXICON), /no Worker/);
    assert.equal(client.broken?.message, 'this extension host has no Worker');
    assert.deepEqual(told, ['this extension host has no Worker']);
  });
});
