import * as assert from 'node:assert/strict';
import { quoteTriggers, quoteTriggersFrom } from '../../../src/core/recognizers/quotes/quoteTriggers';
import { PARTICIPLE_CLASS, VERB_CLASS } from '../../../src/core/recognizers/quotes/reportingVerbs';
import { eachSpeakerTrigger } from '../../../src/core/recognizers/speakers/speakerTriggers';
import { phraseOf, SpeechHits, takeSpeechHits } from '../../../src/core/recognizers/speakers/speechHits';
import { recognizeBlock } from '../../../src/core/analyze';
import { EMPTY_LEXICON } from '../../../src/core/lexicon/lexicon';
import { RecognizerState } from '../../../src/core/recognizers/recognizerState';
import { blockSpeechHits } from '../../../src/core/recognizers/blockTriggers';
import { knownTriggers, scanTriggers } from '../../../src/core/recognizers/speakers/speechVerbs';
import { itAgreesOnRealText } from '../../support/sampleParagraphs';

/** What the speaker rules' own pass finds, and what they read from the shared hits. */
function speakerPass(block: string): string[] {
  const out: string[] = [];
  scanTriggers(block, (s, e, phrase, kind) => out.push(`${s}-${e} ${phrase} ${kind}`));
  return out;
}

function speakerShared(block: string): string[] {
  const out: string[] = [];
  eachSpeakerTrigger(new SpeechHits().read(block), (s, e, phrase, kind) => out.push(`${s}-${e} ${phrase} ${kind}`));
  return out;
}

function quoteShared(block: string): number[] | undefined {
  const hits = new SpeechHits().read(block);
  return quoteTriggersFrom(block, hits.data.slice(0, 3 * hits.count));
}

function assertSame(block: string): void {
  assert.deepEqual(speakerShared(block), speakerPass(block), `speaker triggers of ${JSON.stringify(block.slice(0, 200))}`);
  assert.deepEqual(quoteShared(block), quoteTriggers(block), `quote triggers of ${JSON.stringify(block.slice(0, 200))}`);
}

const PHRASES = [...new Set([...knownTriggers().keys(), ...VERB_CLASS.keys(), ...PARTICIPLE_CLASS.keys(), 'quoted', 'cites', 'according to'])];

describe('speakers: one speech-verb pass for the speaker and the quote rules', () => {
  it('gives each side exactly the triggers of its own pass, where the two sets of phrases differ', () => {
    const blocks = [
      'He went on to say that the talks had failed, adding that nothing was agreed.',
      'She believes it, thinks so, hopes for more and assessed the deal; he maintained, noting the risk.',
      'The paper quoted Berg as saying no. It cites Lind, and was quoted as saying yes. He was cited by TASS as saying so.',
      'According to Berg, the deal is off, according to him. according to.',
      'According\nto  Berg, "no," she said,\n  pointing out the risk, calling on NATO and calling for talks, called upon them.',
      'Berg expressed hope, expressed confidence and expressed concern that it was over; expressed the hope that.',
      'It has been clear, has been very clear and have been clear that he was, Lind said, stating, adding , saying',
      'Lind wrote in an op-ed that it was over. In an op-ed, Berg said. quotes quoted cited cites',
      ', saying, stating ,adding,\tnoting',
      'He said:\n"We will," said Berg, "go on," he added, urging calm and calls on all, urges, tells, told reporters.',
      'made it clear, makes clear, made clear that, was very clear, were quoted as saying, is quoted as saying',
    ];
    for (const b of blocks) assertSame(b);
  });

  it('agrees on every phrase of either side, in the places and spacings a phrase is met', () => {
    for (const p of PHRASES) {
      const spaced = p.replace(/ /g, '  ');
      const broken = p.replace(/ /g, '\n');
      for (const b of [p, `${p}.`, `Berg ${p} that it was so.`, `"No," ${p} Berg, ${p} `, `it was over, ${p} that`, `Lind ${spaced}, ${broken}\n${p}`]) assertSame(b);
    }
  });

  it('agrees where two phrases meet', () => {
    // Every phrase followed by every 7th phrase: overlapping and nested matches at many places.
    for (let i = 0; i < PHRASES.length; i++) {
      const p = PHRASES[i] as string;
      for (let j = i % 7; j < PHRASES.length; j += 7) assertSame(`Berg ${p} ${PHRASES[j] as string} Lind, ${p}`);
    }
  });

  it('hands the hits of the speaker pass to the quote layer with the mentions of the block, read once', () => {
    const block = 'Berg said on Monday that the talks, according to Lind, were over.';
    const raw = recognizeBlock(block, { lexicon: EMPTY_LEXICON, state: new RecognizerState() });
    const hits = takeSpeechHits(raw);
    assert.ok(hits !== undefined, 'hits kept on the mentions');
    assert.deepEqual(quoteTriggersFrom(block, hits), quoteTriggers(block));
    assert.equal(takeSpeechHits(raw), undefined, 'taken once: a second reading scans the block anew');
    // Without a recognizer state (a one-off call), nothing is kept and the quote layer scans the block itself.
    assert.equal(takeSpeechHits(recognizeBlock(block, { lexicon: EMPTY_LEXICON })), undefined);
  });

  it('keeps every hit and title word of a long block in a fresh state, the first block it reads', () => {
    const block = Array.from({ length: 150 }, (_, i) => `President Berg said ${i}, according to Mr. Lind.`).join(' ');
    const hits = blockSpeechHits(block, EMPTY_LEXICON, new RecognizerState());
    const expected: string[] = [];
    for (const m of block.matchAll(/\b(?:said|according to)\b/g)) expected.push(`${m.index}-${m.index + m[0].length} ${m[0]}`);
    const found: string[] = [];
    for (let i = 0; i < hits.count; i++) {
      const [start, end, id] = hits.data.slice(3 * i, 3 * i + 3) as unknown as [number, number, number];
      found.push(`${start}-${end} ${phraseOf(id)}`);
    }
    assert.equal(expected.length, 300);
    assert.deepEqual(found, expected);
    const titles: number[] = [];
    for (const m of block.matchAll(/\b(?:President|Mr)\b/g)) titles.push(m.index);
    assert.deepEqual([...(hits.titles as Int32Array).slice(0, titles.length + 1)], [...titles, -1]);
  });

  itAgreesOnRealText(assertSame);
});
