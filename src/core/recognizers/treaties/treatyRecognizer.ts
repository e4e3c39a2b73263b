import type { Entity } from '../../model/entity';
import type { Mention } from '../../model/mention';
import type { Lexicon } from '../../lexicon/lexicon';
import type { BlockContext } from '../context';

// Initial scaffold: replaced by the treaty recognizer (issue 3).
export function recognizeTreaties(_block: string, _ctx: BlockContext): Mention[] {
  return [];
}

export function treatyEntities(_mentions: Mention[], _lexicon: Lexicon): Entity[] {
  return [];
}
