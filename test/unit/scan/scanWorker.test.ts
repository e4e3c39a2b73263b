import * as assert from 'node:assert/strict';
import { dateFromPath } from '../../../src/core/recognizers/dates/pathDate';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { mergeLexicons } from '../../../src/core/lexicon/workspaceLexicon';
import type { Lexicon } from '../../../src/core/lexicon/lexicon';
import type { Entity } from '../../../src/core/model/entity';
import { EntityReceiver, EntitySender } from '../../../src/core/scan/entityTransfer';
import { handleScanMessage, ScanWorkerState, BUILTIN_LEXICON_KEY, type FromWorker } from '../../../src/hosts/scanProtocol';
import { ScanWorkerClient } from '../../../src/hosts/scanWorkerClient';
import { quotesByPerson } from '../../../src/core/index/quoteList';
import { observe } from '../index/observeIndex';
import { requireShared } from '../../support/sharedData';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLES = path.join(ROOT, 'samples');
const WORKER_SOURCE = path.join(ROOT, 'src', 'hosts', 'scanWorker.ts');
/** The worker from its TypeScript source, compiled on load as mocha's own files are. */
const TS_WORKER = { execArgv: ['--require', 'tsx/cjs'] };

/** The sample texts, plus a file with a byte-order mark and curly quotes, and one small enough for Node's buffer pool. */
function writeFiles(dir: string): string[] {
  const files = fs
    .readdirSync(SAMPLES)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => {
      fs.copyFileSync(path.join(SAMPLES, f), path.join(dir, f));
      return path.join(dir, f);
    });
  const bom = path.join(dir, 'bom.txt');
  fs.writeFileSync(bom, '\ufeffMOSCOW, 5 February 2026 \u2014 \u201cThe treaty expired today,\u201d Sergei Ryabkov said of New START.\n');
  const tiny = path.join(dir, 'tiny.txt');
  fs.writeFileSync(tiny, 'MR. HARTLEY: The INF Treaty ended on August 2, 2019.\n');
  return [...files, bom, tiny];
}

/** The index as the editor's thread makes it for a closed file: analysed there, indexed cold with its bytes. */
function indexedHere(files: readonly string[], lexicon: Lexicon = BUILTIN_LEXICON): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    const text = new TextDecoder('utf-8').decode(bytes);
    // As the editor's thread analyses a closed file: its path may date it.
    const r = analyze(text, { lexicon, fallbackDate: dateFromPath(file) });
    index.setDocument(`file://${file}`, text, { mentions: r.mentions, entities: r.entities, documentDate: r.documentDate }, { cold: true, bytes });
  }
  return index;
}

/** The index made of the worker's answers for `files`, each reply crossing as postMessage makes it cross. */
function throughProtocol(files: readonly string[]): { index: WorkspaceIndex; sentEntities: number } {
  const state = new ScanWorkerState();
  const receiver = new EntityReceiver();
  const index = new WorkspaceIndex();
  let sentEntities = 0;
  for (const [id, file] of files.entries()) {
    const answer = handleScanMessage({ type: 'scan', id, path: file, maxFileSize: 1e6, lexicon: BUILTIN_LEXICON_KEY }, state);
    assert.ok(answer);
    // A structured clone with the buffers transferred (and so detached here).
    const reply = structuredClone(answer.reply, { transfer: answer.transfer });
    assert.ok(answer.transfer.every((b) => b.byteLength === 0), 'the buffers were transferred, not copied');
    assert.equal(reply.outcome, 'indexed', `${file}: ${JSON.stringify(reply)}`);
    if (reply.outcome !== 'indexed') continue;
    sentEntities += reply.entities.fresh.length;
    index.setDocument(`file://${file}`, reply.bytes, { ...reply.parts, entities: receiver.resolve(reply.entities) });
  }
  return { index, sentEntities };
}

function entitiesOf(index: WorkspaceIndex): Array<Entity | undefined> {
  return [...index.entityKeys()].sort().map((k) => index.entity(k));
}

describe('The scan worker (closed files analysed off the editor thread)', function () {
  this.timeout(60_000);
  let dir: string;
  let files: string[];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-scan-worker-'));
    files = writeFiles(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('hands over documents that answer every view as the ones analysed in the editor thread', () => {
    const { index, sentEntities } = throughProtocol(files);
    const here = indexedHere(files);
    assert.deepEqual(observe(index), observe(here));
    // The quotes too (the Quotes view lists closed documents'), their buffers transferred with the rest.
    const quotes = quotesByPerson(index);
    assert.ok(quotes.length > 0, 'the files have quotes');
    assert.deepEqual(quotes, quotesByPerson(here));
    assert.deepEqual(entitiesOf(index), entitiesOf(here));
    const named = files.reduce((n, f) => n + new Set(analyze(fs.readFileSync(f, 'utf8'), { derivedLayers: false }).entities.map((e) => e.id)).size, 0);
    assert.ok(sentEntities < named, `entities named by several documents are sent once (${sentEntities} sent, ${named} named)`);
  });

  it('hands over the seed and corpus texts as the editor thread indexes them', function () {
    const texts = [requireShared(this, 'seeds'), requireShared(this, 'corpus', 'texts')].flatMap((d) =>
      fs.readdirSync(d).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => path.join(d, f)),
    );
    assert.ok(texts.length >= 20, `${texts.length} texts`);
    const { index } = throughProtocol(texts);
    const here = indexedHere(texts);
    assert.deepEqual(observe(index), observe(here));
    assert.deepEqual(entitiesOf(index), entitiesOf(here));
  });

  it('keeps a small file\'s bytes in a buffer of their own (a slice of Node\'s pool must not be transferred)', () => {
    const tiny = files.find((f) => f.endsWith('tiny.txt')) as string;
    const answer = handleScanMessage({ type: 'scan', id: 1, path: tiny, maxFileSize: 1e6, lexicon: BUILTIN_LEXICON_KEY }, new ScanWorkerState());
    assert.equal(answer?.reply.outcome, 'indexed');
    const bytes = (answer?.reply as Extract<FromWorker, { outcome: 'indexed' }>).bytes;
    assert.equal(bytes.byteOffset, 0);
    assert.equal(bytes.buffer.byteLength, bytes.byteLength);
    assert.ok(answer?.transfer.includes(bytes.buffer as ArrayBuffer));
  });

  it('skips folders and files over the size limit, and says which file could not be read', () => {
    const state = new ScanWorkerState();
    const ask = (p: string, maxFileSize = 1e6) => handleScanMessage({ type: 'scan', id: 7, path: p, maxFileSize, lexicon: BUILTIN_LEXICON_KEY }, state)?.reply;
    assert.deepEqual(ask(dir), { id: 7, outcome: 'skipped', reason: 'not a regular file (a folder), not read' });
    assert.match(JSON.stringify(ask(files[0], 10)), /"outcome":"skipped","reason":"\d+ bytes, over the 10-byte limit/);
    const missing = path.join(dir, 'gone.txt');
    const failed = ask(missing);
    assert.equal(failed?.outcome, 'failed');
    assert.ok(failed?.outcome === 'failed' && failed.message.includes(missing), JSON.stringify(failed));
    const noLexicon = handleScanMessage({ type: 'scan', id: 8, path: files[0], maxFileSize: 1e6, lexicon: 'lexicon-9' }, state)?.reply;
    assert.ok(noLexicon?.outcome === 'failed' && /lexicon-9/.test(noLexicon.message));
  });

  it('sends an entity once, and again only when a document knows more about it', () => {
    const sender = new EntitySender();
    const receiver = new EntityReceiver();
    const bare: Entity = { id: 'person:hartley', type: 'person', name: 'Hartley', aliases: [], facts: {} };
    const richer: Entity = { ...bare, facts: { role: 'State Department spokesperson' } };
    const first = sender.select([bare]);
    assert.deepEqual(first, { ids: ['person:hartley'], fresh: [bare] });
    assert.deepEqual(receiver.resolve(first), [bare]);
    const again = sender.select([{ ...bare }]);
    assert.deepEqual(again.fresh, [], 'an equal entity is not sent again');
    assert.deepEqual(receiver.resolve(again), [bare]);
    const more = sender.select([richer]);
    assert.deepEqual(more.fresh, [richer]);
    assert.deepEqual(receiver.resolve(more), [richer]);
    assert.deepEqual(receiver.resolve(sender.select([bare])), [richer], 'later documents resolve to what is known best');
    assert.throws(() => new EntityReceiver().resolve({ ids: ['treaty:inf'], fresh: [] }), /treaty:inf/);
  });

  it('runs in a real worker thread, with the workspace lexicon the editor gives it', async () => {
    const lexicon = mergeLexicons(BUILTIN_LEXICON, { people: [], treaties: [{ ...BUILTIN_LEXICON.treaties.find((t) => t.id === 'treaty:new-start')!, aliases: ['Prague Deal'] }] });
    const prague = path.join(dir, 'prague.txt');
    fs.writeFileSync(prague, 'Officials in Geneva said the Prague Deal would hold until 2026.\n');
    const client = new ScanWorkerClient(WORKER_SOURCE, TS_WORKER);
    try {
      const index = new WorkspaceIndex();
      const all = [...files, prague];
      // All requests at once, as the scanner keeps several in flight; the answers come in order.
      const outcomes = await Promise.all(all.map((f) => client.scan(f, 1e6, lexicon)));
      outcomes.forEach((o, i) => {
        assert.equal(o.outcome, 'indexed');
        if (o.outcome === 'indexed') index.setDocument(`file://${all[i]}`, o.bytes, o.parts);
      });
      const here = indexedHere(all, lexicon);
      assert.deepEqual(observe(index), observe(here));
      assert.deepEqual(entitiesOf(index), entitiesOf(here));
      const linked = index.mentionsOf('treaty:new-start').filter((r) => r.uri.endsWith('prague.txt'));
      assert.deepEqual(linked.map((r) => r.mention.text), ['Prague Deal']);
      assert.deepEqual(await client.scan(dir, 1e6, lexicon), { outcome: 'skipped', reason: 'not a regular file (a folder), not read' });
      assert.equal(client.pendingCount, 0);
    } finally {
      await client.stop();
    }
  });

  it('starts on launch, is ready once it answered, stops when idle, and starts a new one for the next scan', async () => {
    const client = new ScanWorkerClient(WORKER_SOURCE, { ...TS_WORKER, idleStopMs: 50 });
    try {
      client.launch();
      assert.ok(client.running && !client.ready, 'launched, and not ready before it answered');
      const first = await client.scan(files[0], 1e6, BUILTIN_LEXICON);
      assert.equal(first.outcome, 'indexed');
      assert.ok(client.running && client.ready);
      const deadline = Date.now() + 5000;
      while (client.running && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(!client.running && !client.ready, 'the idle worker was stopped');
      // A new worker has sent nothing yet: every entity comes again, so the ids resolve.
      const second = await client.scan(files[0], 1e6, BUILTIN_LEXICON);
      assert.ok(second.outcome === 'indexed' && first.outcome === 'indexed');
      assert.deepEqual(second.parts.entities, first.parts.entities);
    } finally {
      await client.stop();
    }
  });

  it('rejects every request with the reason once the worker cannot run, so the caller analyses in its own thread', async () => {
    const told: Error[] = [];
    const client = new ScanWorkerClient(path.join(dir, 'no-such-worker.js'), { onBroken: (e) => told.push(e) });
    await assert.rejects(client.scan(files[0], 1e6, BUILTIN_LEXICON), /no-such-worker|Cannot find module/);
    assert.ok(client.broken, 'the client says why');
    await assert.rejects(client.scan(files[0], 1e6, BUILTIN_LEXICON), (e) => e === client.broken);
    assert.ok(!client.running);
    assert.deepEqual(told, [client.broken], 'the log is told once');
  });
});
