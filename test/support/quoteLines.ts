import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../src/core/lexicon/builtinLexicon';

/** The quotes `analyze` finds in a text as `speaker: text` lines, in order, each checked to slice to its text. */
export function quoteLines(text: string): string[] {
  return analyze(text, { lexicon: BUILTIN_LEXICON })
    .mentions.filter((m) => m.kind === 'quote')
    .map((m) => {
      assert.equal(text.slice(m.start, m.end), m.text, 'the span slices to its text');
      assert.equal(m.layer, 'quotes');
      assert.ok(m.entityId?.startsWith('person:'), `speaker id ${m.entityId}`);
      return `${m.value}: ${m.text}`;
    });
}
