import type { Lexicon } from './lexicon';

/** A problem in a workspace lexicon file: where it is and what is wrong. */
export interface LexiconProblem {
  file: string;
  /** 1-based line, when known. */
  line?: number;
  message: string;
}

// Initial scaffold: replaced by the workspace lexicon parser (issue 3).
export function parseWorkspaceLexicon(_text: string, _file: string): { lexicon: Lexicon; problems: LexiconProblem[] } {
  return { lexicon: { people: [], treaties: [] }, problems: [] };
}

export function mergeLexicons(base: Lexicon, overlay: Lexicon): Lexicon {
  return { people: [...base.people, ...overlay.people], treaties: [...base.treaties, ...overlay.treaties] };
}

export function formatLexiconProblem(p: LexiconProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`;
}
