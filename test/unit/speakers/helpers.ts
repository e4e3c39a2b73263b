import type { Mention } from '../../../src/core/model/mention';
import { EMPTY_LEXICON } from '../../../src/core/lexicon/lexicon';
import { recognizeSpeakers } from '../../../src/core/recognizers/speakers/speakerRecognizer';

/** The speaker spans a single block yields, as their texts. */
export function speakerTexts(block: string): string[] {
  return speakers(block).map((m) => m.text);
}

/** The speaker mentions of a single block, with offsets checked against the block. */
export function speakers(block: string): Mention[] {
  return mentions(block).filter((m) => m.kind === 'speaker');
}

/** Every mention (speakers and people) of a single block, with offsets checked against the block. */
export function mentions(block: string): Mention[] {
  const found = recognizeSpeakers(block, { lexicon: EMPTY_LEXICON });
  for (const m of found) {
    if (block.slice(m.start, m.end) !== m.text) throw new Error(`span ${m.start}-${m.end} is not ${JSON.stringify(m.text)}`);
  }
  return found;
}

/** The one speaker mention whose text is `name`. */
export function only(block: string, name: string): Mention {
  const found = speakers(block).filter((m) => m.text === name);
  if (found.length !== 1) throw new Error(`expected one ${JSON.stringify(name)} in ${JSON.stringify(speakerTexts(block))}`);
  return found[0] as Mention;
}
