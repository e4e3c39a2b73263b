import type { Lexicon } from './lexicon';

// Initial scaffold: replaced by the built-in treaty and people data (issue 3).
export const BUILTIN_LEXICON: Lexicon = { people: [], treaties: [] };
