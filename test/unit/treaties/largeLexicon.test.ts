import * as assert from 'node:assert/strict';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import type { Lexicon, TreatyEntry } from '../../../src/core/lexicon/lexicon';
import { mergeLexicons } from '../../../src/core/lexicon/workspaceLexicon';
import { treatyTables } from '../../../src/core/recognizers/treaties/treatyTables';
import { links } from './helpers';

/** A workspace lexicon far larger than the built-in one: many distinct first words. */
function largeLexicon(n: number): Lexicon {
  const treaties: TreatyEntry[] = [];
  for (let i = 0; i < n; i++) {
    treaties.push({ id: `treaty:river-${i}`, name: `River${i} Accord`, fullName: `Treaty on River Number ${i}`, abbreviations: [`RVA${i}`], aliases: [`Basin${i} Pact`] });
  }
  return mergeLexicons(BUILTIN_LEXICON, { people: [], treaties });
}

describe('treaties: a large workspace lexicon', () => {
  const lexicon = largeLexicon(1500);

  it('switches to the capitalised-word scanner past a few hundred first words', () => {
    assert.equal(treatyTables(lexicon).checkTriggers, true);
    assert.equal(treatyTables(BUILTIN_LEXICON).checkTriggers, false);
  });

  it('finds the same kinds of names with either scanner', () => {
    const text = 'The River7 Accord, the Basin1499 Pact, RVA12 and the Treaty on River Number 640 sit beside New START, 51 open skies missions and the NPT.';
    assert.deepEqual(links(text, { lexicon }), [
      ['River7 Accord', 'treaty:river-7'],
      ['Basin1499 Pact', 'treaty:river-1499'],
      ['RVA12', 'treaty:river-12'],
      ['Treaty on River Number 640', 'treaty:river-640'],
      ['New START', 'treaty:new-start'],
      ['open skies', 'treaty:open-skies'],
      ['NPT', 'treaty:npt'],
    ]);
  });

  it('shares forms with a common first word in one trie path ("Treaty on River Number ...")', () => {
    const node = treatyTables(lexicon).trie.next.get('treaty')?.next.get('on')?.next.get('river')?.next.get('number');
    assert.equal(node?.next.size, 1500);
  });
});
