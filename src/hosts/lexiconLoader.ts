import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_LEXICON } from '../core/lexicon/builtinLexicon';
import type { Lexicon } from '../core/lexicon/lexicon';
import { formatLexiconProblem, mergeLexicons, parseWorkspaceLexicon } from '../core/lexicon/workspaceLexicon';

/** Where a workspace keeps its own people and treaties, relative to the workspace folder. */
export const WORKSPACE_LEXICON_PATH = path.join('.marginalia', 'lexicon.yaml');

interface Loaded {
  lexicon: Lexicon;
  problems: string[];
}

const byFolder = new Map<string, Loaded>();

/**
 * The lexicon for a document on disk: built-in data merged with the nearest `.marginalia/lexicon.yaml` in the
 * document's folder or above. Problems are returned once per lexicon file (a later call for another document
 * in the same folder gets the lexicon without repeating them).
 */
export function loadLexiconForPath(documentPath: string): Loaded {
  const file = findUp(path.dirname(documentPath));
  if (!file) return { lexicon: BUILTIN_LEXICON, problems: [] };
  const cached = byFolder.get(file);
  if (cached) return { lexicon: cached.lexicon, problems: [] };
  let loaded: Loaded;
  try {
    const { lexicon, problems } = parseWorkspaceLexicon(fs.readFileSync(file, 'utf8'), file);
    loaded = { lexicon: mergeLexicons(BUILTIN_LEXICON, lexicon), problems: problems.map(formatLexiconProblem) };
  } catch (e) {
    loaded = { lexicon: BUILTIN_LEXICON, problems: [`${file}: ${e instanceof Error ? e.message : String(e)}`] };
  }
  byFolder.set(file, loaded);
  return loaded;
}

function findUp(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, WORKSPACE_LEXICON_PATH);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(d) === d) return undefined;
  }
}
