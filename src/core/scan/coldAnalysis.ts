/**
 * The analysis of a document that is not open (a file found by the workspace scan, without a sidecar), straight
 * into what the index keeps of it: the main layer and the quotes, as the parts of a {@link ColdDocument}. Pure: the editor
 * runs it in a worker thread (src/hosts/scanWorker.ts), or in its own thread when it cannot.
 */
import type { AnalysisCache } from '../analysisCache';
import { viewDocument } from '../documentPipeline';
import type { Lexicon } from '../lexicon/lexicon';
import { coldParts, type ColdParts } from '../index/coldDocument';
import { splitLayers } from '../index/sortedMentions';
import type { DocumentDate } from '../recognizers/context';

/**
 * `path` (any separator) is where the text came from: a date in it dates a text that has none of its own; else
 * `fileDate`, the file's own date when the user turned that source on (see src/hosts/fileDate.ts). `cache`: what the
 * scan's analyses keep across documents (see analysisCache.ts).
 */
export function analyzeCold(text: string, lexicon: Lexicon, path?: string, fileDate?: DocumentDate, cache?: AnalysisCache): ColdParts {
  // No sidecar: a document with one is reconciled with it on the editor's thread.
  const shown = viewDocument(text, { lexicon, path, fileDate, cache });
  const { mentions, layered } = splitLayers(shown.mentions);
  return coldParts(text, shown, mentions, layered);
}
