import type { Entity } from '../../model/entity';
import type { Mention } from '../../model/mention';
import type { Lexicon } from '../../lexicon/lexicon';
import type { BlockContext } from '../context';

// Initial scaffold: replaced by the speaker recognizer (issue 3).
export function recognizeSpeakers(_block: string, _ctx: BlockContext): Mention[] {
  return [];
}

export function linkPeople(_text: string, _mentions: Mention[], _lexicon: Lexicon): Entity[] {
  return [];
}
