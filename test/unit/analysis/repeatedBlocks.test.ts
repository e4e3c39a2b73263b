import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import type { Mention } from '../../../src/core/model/mention';

const options = { lexicon: BUILTIN_LEXICON };

/** The mentions of a text as found at `offset` in a longer one: what analysing the longer text must give there. */
function shifted(text: string, offset: number): Array<Pick<Mention, 'kind' | 'start' | 'end' | 'text' | 'value'>> {
  return analyze(text, options).mentions.map((m) => ({ kind: m.kind, start: m.start + offset, end: m.end + offset, text: m.text, value: m.value }));
}

function mentionsFrom(text: string, from: number): Array<Pick<Mention, 'kind' | 'start' | 'end' | 'text' | 'value'>> {
  return analyze(text, options)
    .mentions.filter((m) => m.start >= from)
    .map((m) => ({ kind: m.kind, start: m.start, end: m.end, text: m.text, value: m.value }));
}

describe('Repeated blocks', () => {
  const block = 'Ryabkov said on 5 February 2021 that the New START treaty would hold until 2026.';

  it('a paragraph repeated in a document is found at each place it occurs', () => {
    const text = `${block}\n\n${block}\n\n${block}`;
    const step = block.length + 2;
    const all = mentionsFrom(text, 0);
    assert.ok(shifted(block, 0).length >= 4, 'the block names a speaker, two dates and a treaty');
    for (let k = 0; k < 3; k++) {
      const here = all.filter((m) => m.start >= k * step && m.end <= k * step + block.length);
      assert.deepEqual(here, shifted(block, k * step), `copy ${k + 1}`);
    }
  });

  it('a block that differs from an earlier one by any single character is recognised for itself', () => {
    // Every position, so that some differ where a quick comparison of blocks does not look.
    for (let i = 0; i < block.length; i++) {
      const ch = block[i];
      const other = block.slice(0, i) + (/\d/.test(ch) ? String((Number(ch) + 1) % 10) : ch === 'x' ? 'y' : 'x') + block.slice(i + 1);
      const text = `${block}\n\n${other}`;
      const at = block.length + 2;
      assert.deepEqual(mentionsFrom(text, at), shifted(other, at), `changed character ${i}`);
    }
  });
});
