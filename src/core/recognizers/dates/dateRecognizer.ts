import type { Mention } from '../../model/mention';
import type { BlockContext, DocumentDate } from '../context';

// Initial scaffold: replaced by the date recognizer (issue 3).
export function recognizeDates(_block: string, _ctx: BlockContext): Mention[] {
  return [];
}

export function detectDocumentDate(_text: string): DocumentDate | undefined {
  return undefined;
}
