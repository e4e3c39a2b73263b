import { analyze } from '../../../src/core/analyze';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';

// Written for these tests: two dated texts and one without a date, treaties named near some quotes only.
export const DESK_DOCS: Record<string, string> = {
  'file:///w/a-geneva.txt':
    'GENEVA, May 1, 2024 - Talks resumed.\n\n"New START still matters to us," Helena Marsh said.\n\n' +
    '"The weather was fine," Helena Marsh said.\n\n"We will not discuss the INF Treaty," said Daniel Okafor.\n',
  'file:///w/b-vienna.txt':
    'VIENNA, January 10, 2023 - A meeting ended.\n\n"The first round went well," Helena Marsh said of New START.\n' +
    'The Open Skies Treaty was not on the agenda.\n\nTalks may resume on March 3, 2023.\n',
  'file:///w/c-notes.txt': 'Notes from the meeting.\n\n"Undated words about New START," Helena Marsh said.\n',
};

export function deskIndex(cold = true, docs: Record<string, string> = DESK_DOCS): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(docs)) {
    const r = analyze(text, { lexicon: BUILTIN_LEXICON });
    index.setDocument(uri, text, { mentions: r.mentions, entities: r.entities, documentDate: r.documentDate }, cold ? { cold: true } : undefined);
  }
  return index;
}

