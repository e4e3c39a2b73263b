import * as assert from 'node:assert/strict';
import type { Found } from '../../../src/core/recognizers/speakers/attribution';
import { nameEndingAt } from '../../../src/core/recognizers/speakers/names';
import { BY, JOINT_WE, QUOTE_LINE_END, QUOTE_THEN_DASH, readMarks } from '../../../src/core/recognizers/speakers/speakerMarks';
import { REMARKS_RE } from '../../../src/core/recognizers/speakers/speechVerbs';
import { BlockTokens } from '../../../src/core/recognizers/speakers/tokens';
import { speakerTexts } from './helpers';

/** What each rule's own search found before the one pass: the pass must find the same. */
function reference(block: string): { marks: number; remarks: Found[] } {
  let marks = 0;
  if (/["”»]\s*[—–]/.test(block)) marks |= QUOTE_THEN_DASH;
  for (let nl = block.indexOf('\n'); nl !== -1; nl = block.indexOf('\n', nl + 1)) {
    let i = nl - 1;
    while (i >= 0 && /[*_]|[^\S\n]/.test(block[i] as string)) i--;
    if (i >= 0 && '"”„»'.includes(block[i] as string)) marks |= QUOTE_LINE_END;
  }
  if (block.indexOf('We,') !== -1) marks |= JOINT_WE;
  if (block.indexOf('by') !== -1 || block.indexOf('By') !== -1) marks |= BY;
  const remarks: Found[] = [];
  if (block.indexOf('s ') !== -1) {
    const tokens = new BlockTokens();
    const re = new RegExp(REMARKS_RE.source, 'g');
    for (let m = re.exec(block); m !== null; m = re.exec(block)) {
      const n = nameEndingAt(block, m.index, tokens);
      if (n) remarks.push({ name: n, rule: 'remarks' });
    }
  }
  return { marks, remarks };
}

function read(block: string): { marks: number; remarks: Found[] } {
  const remarks: Found[] = [];
  const marks = readMarks(block, remarks, new BlockTokens());
  return { marks, remarks };
}

describe('speakers: the marks read in one pass', () => {
  it('finds each mark where its own search did', () => {
    const cases = [
      'Anna Berg’s remarks were brief.',
      "Anna Berg's\nremarks",
      'Anna Berg’s\nremarks and no plural s',
      '“It is over.”\n— Maria Lind',
      '“It is over.” — Maria Lind, spokeswoman',
      '"It is over." \r\n– Maria Lind',
      '“It is over.” *\nMaria Lind',
      '„Es ist vorbei.„\nMaria Lind',
      '« C’est fini. »\nMaria Lind',
      '“It is over.“\nMaria Lind',
      '“Over.”\n\n—',
      'We, the leaders, note',
      'Anna Berg’s by remarks',
      'remarks by Anna Berg',
      'By Anna Berg',
      'nearby',
      '“Over.”\nby',
      'Anna Berg’s op-ed and Olaf Holm’s statement, “done.” — We,',
      'nothing to see here',
    ];
    for (const block of cases) assert.deepEqual(read(block), reference(block), JSON.stringify(block));
  });

  it('agrees with the searches on random text made of the marks’ characters', () => {
    const parts = ['’s ', "'s ", 's ', ' ', '\n', '\r', '*', '_', '"', '”', '“', '„', '»', '«', '—', '–', 'We,', 'W', 'Anna Berg', 'new ', 'by', 'By ', 'b', 'y', 'remarks', 'statement', ' speech', '.'];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 3000; k++) {
      let block = '';
      for (let i = next(14); i >= 0; i--) block += parts[next(parts.length)];
      assert.deepEqual(read(block), reference(block), JSON.stringify(block));
    }
  });

  it('a quotation mark that both closes a line and precedes a dash gives both marks', () => {
    assert.equal(read('“Over.”\n— Maria Lind').marks, QUOTE_LINE_END | QUOTE_THEN_DASH);
    assert.deepEqual(speakerTexts('“It is over.”\n— Maria Lind'), ['Maria Lind']);
  });
});
