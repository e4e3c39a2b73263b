import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeCommand } from '../../../src/cli/analyzeCommand';
import type { CliIo } from '../../../src/cli/cliIo';

const TEXT = 'Russian Deputy Foreign Minister Sergei Ryabkov said talks were stalled. "We will wait," Ryabkov added.\n';

describe('marginalia analyze --format json: quotes', () => {
  let dir: string;
  let out: string;
  let io: CliIo;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-analyze-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
    out = '';
    io = { stdout: (t) => (out += t), stderr: () => undefined, cwd: dir };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists each quote as an entity with its span, text, speaker name and speaker id', async () => {
    assert.equal(await analyzeCommand.run(['--format', 'json', 'a.txt'], io), 0);
    const doc = (JSON.parse(out) as { documents: { entities: Record<string, unknown>[] }[] }).documents[0];
    const quotes = doc?.entities.filter((e) => e.kind === 'quote');
    const speaker = doc?.entities.find((e) => e.kind === 'speaker');
    const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length, text: s });
    assert.deepEqual(quotes, [
      { kind: 'quote', ...at('talks were stalled'), speaker: 'Sergei Ryabkov', speakerId: speaker?.id },
      { kind: 'quote', ...at('We will wait,'), speaker: 'Sergei Ryabkov', speakerId: speaker?.id },
    ]);
    assert.match(String(speaker?.id), /^person:/);
    for (const q of quotes ?? []) assert.equal(TEXT.slice(q.start as number, q.end as number), q.text);
  });
});
