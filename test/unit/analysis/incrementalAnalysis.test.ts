import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { absoluteCopy, analyze, DocumentAnalyzer, recognizeBlock } from '../../../src/core/analyze';
import { splitBlocks } from '../../../src/core/recognizers/blocks';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { changedRange } from '../../../src/core/textDiff';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';

const SAMPLES = path.resolve(__dirname, '..', '..', '..', 'samples');
const samples = fs
  .readdirSync(SAMPLES)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .map((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8'));
const options = { lexicon: BUILTIN_LEXICON };

/** What users type: letters, spaces, punctuation, and text that makes or breaks entities and blocks. */
const typed = fc.oneof(
  fc.constantFrom('x', ' ', 'e', ',', '.', '?', '\n', '\n\n', '- ', '"', 'said', ' said Sergei Ryabkov.', 'New START', 'on 5 February 2021', 'yesterday', 'MR. PRICE: '),
  fc.string({ maxLength: 6 }),
);

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const edits = fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: typed }), { minLength: 1, maxLength: 6 });

function apply(text: string, e: Edit): string {
  const at = Math.min(text.length, Math.floor(e.at * text.length));
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('Incremental analysis', () => {
  it('changedRange finds a replaced range that turns one text into the other', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
        const r = changedRange(a, b);
        assert.ok(r.start <= r.oldEnd && r.start <= r.newEnd);
        assert.equal(a.slice(0, r.start) + b.slice(r.start, r.newEnd) + a.slice(r.oldEnd), b);
        assert.equal(a.length - r.oldEnd, b.length - r.newEnd);
      }),
    );
  });

  it('changedRange is exact on long texts (compared in chunks)', () => {
    const long = samples.join('\n\n').repeat(3);
    const at = Math.floor(long.length * 0.61);
    const edited = `${long.slice(0, at)}xy${long.slice(at + 1)}`;
    assert.deepEqual(changedRange(long, edited), { start: at, oldEnd: at + 1, newEnd: at + 2 });
    assert.deepEqual(changedRange(long, long), { start: long.length, oldEnd: long.length, newEnd: long.length });
  });

  it('after any sequence of edits, the result equals a fresh analysis of the edited text', () => {
    fc.assert(
      fc.property(fc.nat(samples.length - 1), edits, (which, sequence) => {
        const analyzer = new DocumentAnalyzer(options);
        let text = samples[which];
        analyzer.analyze(text);
        for (const e of sequence) {
          text = apply(text, e);
          assert.deepEqual(analyzer.analyze(text), analyze(text, options));
        }
      }),
      {
        numRuns: 60,
        // Found by this property: a dash at the very start made turns with no lead, typing before it gave them one.
        examples: [[samples.length - 1, [{ at: 0, remove: 0, insert: '- ' }, { at: 0, remove: 0, insert: 'x' }]]],
      },
    );
  });

  it('typing inside a plain word shifts the previous result instead of linking again', () => {
    const text = samples[0];
    const analyzer = new DocumentAnalyzer(options);
    const before = analyzer.analyze(text);
    const at = text.indexOf(' the ', Math.floor(text.length / 2)) + 2;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const after = analyzer.analyze(edited);
    assert.equal(analyzer.lastPath, 'shifted');
    assert.deepEqual(after, analyze(edited, options));
    assert.equal(after.entities, before.entities);
    const moved = after.mentions.find((m) => m.start > at);
    assert.ok(moved && edited.slice(moved.start, moved.end) === moved.text);
  });

  it('a question mark that makes a dash-marked interview adds its turns layer', () => {
    const text = [
      'In an interview with Interfax, Deputy Foreign Minister Sergei Ryabkov discussed New START.',
      '- Sergei Alekseevich, will the talks resume',
      '- We are ready to talk about it.',
      '- And when',
      '- Perhaps in March.',
    ].join('\n');
    const analyzer = new DocumentAnalyzer(options);
    assert.ok(!analyzer.analyze(text).mentions.some((m) => m.layer === 'turns'));
    const at = text.indexOf(' resume') + ' resume'.length;
    const edited = `${text.slice(0, at)}?${text.slice(at)}`;
    const after = analyzer.analyze(edited);
    assert.ok(after.mentions.some((m) => m.layer === 'turns'));
    assert.deepEqual(after, analyze(edited, options));
    // And typing inside an answer of the interview moves its turns too.
    const inside = edited.indexOf('ready');
    const typedIn = `${edited.slice(0, inside)}so ${edited.slice(inside)}`;
    assert.deepEqual(analyzer.analyze(typedIn), analyze(typedIn, options));
  });

  it('typing a new speaker links again and finds them', () => {
    const text = samples[0];
    const analyzer = new DocumentAnalyzer(options);
    analyzer.analyze(text);
    const at = text.indexOf('\n\n', Math.floor(text.length / 2));
    const edited = `${text.slice(0, at)}\n\n"We are ready," said Zbigniew Kowalczyk.${text.slice(at)}`;
    const after = analyzer.analyze(edited);
    assert.equal(analyzer.lastPath, 'relinked');
    assert.ok(after.mentions.some((m) => m.kind === 'speaker' && m.text === 'Zbigniew Kowalczyk'));
    assert.deepEqual(after, analyze(edited, options));
  });

  it('an index updated after each edit answers like an index built from scratch', () => {
    /** Everything a feature can read about one document. */
    const observe = (index: WorkspaceIndex, uri: string) => {
      const doc = index.document(uri);
      const keys = [...index.entityKeys()].sort();
      return {
        lines: [...(index.lineStarts(uri) ?? [])],
        mentions: doc?.mentions,
        layered: doc?.layered,
        maxEnd: [...(doc?.maxEnd ?? [])],
        entities: keys.map((k) => [k, index.displayName(k), index.usage(k), index.mentionsOf(k).map((r) => [r.index, r.mention.start])]),
        kinds: (['speaker', 'date', 'treaty', 'person'] as const).map((k) => index.entitiesOfKind(k, uri)),
        at: [0, 0.25, 0.5, 0.75].map((f) => index.mentionAt(uri, Math.floor(f * (doc?.length ?? 0)))?.index),
      };
    };
    fc.assert(
      fc.property(fc.nat(samples.length - 1), edits, (which, sequence) => {
        const uri = 'file:///doc.txt';
        const analyzer = new DocumentAnalyzer(options);
        const live = new WorkspaceIndex();
        let text = samples[which];
        live.setDocument(uri, text, { ...analyzer.analyze(text), documentDate: undefined });
        for (const e of sequence) {
          text = apply(text, e);
          live.setDocument(uri, text, { ...analyzer.analyze(text), documentDate: undefined });
          const fresh = new WorkspaceIndex();
          fresh.setDocument(uri, text, { ...analyze(text, options), documentDate: undefined });
          assert.deepEqual(observe(live, uri), observe(fresh, uri));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('analyses in steps, pausing between blocks when asked, to the same result as in one go', async () => {
    const text = samples.join('\n\n');
    let asked = 0;
    let waited = 0;
    const analyzer = new DocumentAnalyzer(options);
    const stepped = await analyzer.analyzeInSteps(text, () => {
      asked++;
      return asked % 5 === 0 ? new Promise<void>((resolve) => setImmediate(() => (waited++, resolve()))) : undefined;
    });
    assert.deepEqual(stepped, analyze(text, options));
    assert.ok(asked > 20 && waited === Math.floor(asked / 5), `${asked} pauses asked, ${waited} waited`);
    // The analyzer goes on from the stepped result: a keystroke afterwards takes the short path.
    const at = text.indexOf(' the ', Math.floor(text.length / 2)) + 2;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    assert.deepEqual(analyzer.analyze(edited), analyze(edited, options));
    assert.equal(analyzer.lastPath, 'shifted');
  });

  it('copies recognizer mentions with exactly the keys, in the order, the recognizers write them', () => {
    // absoluteCopy spells each recognizer's keys out (for speed); a recognizer that writes another key must fail here.
    let checked = 0;
    for (const text of samples) {
      for (const b of splitBlocks(text)) {
        for (const m of recognizeBlock(text.slice(b.start, b.end), { lexicon: BUILTIN_LEXICON, documentDate: undefined })) {
          const copy = absoluteCopy(m, b.start);
          const expected = Object.keys(m).concat(m.kind === 'date' && m.value ? ['entityId'] : []);
          assert.deepEqual(Object.keys(copy), expected, `${m.kind} "${m.text}"`);
          assert.deepEqual({ ...copy, start: m.start, end: m.end, entityId: m.entityId }, { ...m, entityId: m.entityId });
          checked++;
        }
      }
    }
    assert.ok(checked > 50, `${checked} mentions checked`);
  });
});

describe('DocumentAnalyzer: the same text again', () => {
  it('returns the last result without analysing again (a sidecar change re-analyses an unchanged document)', () => {
    const analyzer = new DocumentAnalyzer(options);
    const text = samples.join('\n\n');
    const first = analyzer.analyze(text);
    // An equal text, not the same string: what getText() returns each time.
    const again = analyzer.analyze(text.slice(0, 10) + text.slice(10));
    assert.equal(again, first);
    const edited = analyzer.analyze(`${text}\n\nMore text.`);
    assert.notEqual(edited, first);
    assert.equal(new DocumentAnalyzer({ ...options, documentDate: '2020-01-01' }).analyze(text) === first, false);
  });
});
