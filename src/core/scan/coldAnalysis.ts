/**
 * The analysis of a document that is not open (a file found by the workspace scan, without a sidecar), straight
 * into what the index keeps of it: the main layer and the quotes, as the parts of a {@link ColdDocument}. Pure: the editor
 * runs it in a worker thread (src/hosts/scanWorker.ts), or in its own thread when it cannot.
 */
import { DocumentAnalyzer } from '../analyze';
import type { Lexicon } from '../lexicon/lexicon';
import type { Entity } from '../model/entity';
import { coldParts, type ColdParts } from '../index/coldDocument';
import { splitLayers } from '../index/sortedMentions';
import type { DocumentDate } from '../recognizers/context';
import { dateFromPath } from '../recognizers/dates/pathDate';

export interface ColdAnalysis {
  parts: ColdParts;
  /** The entities the mentions link to. */
  entities: readonly Entity[];
}

/**
 * `path` (any separator) is where the text came from: a date in it dates a text that has none of its own; else
 * `fileDate`, the file's own date when the user turned that source on (see src/hosts/fileDate.ts).
 */
export function analyzeCold(text: string, lexicon: Lexicon, path?: string, fileDate?: DocumentDate): ColdAnalysis {
  const fallbackDate = (path === undefined ? undefined : dateFromPath(path)) ?? fileDate;
  const result = new DocumentAnalyzer({ lexicon, fallbackDate }).analyze(text);
  const { mentions, layered } = splitLayers(result.mentions);
  return { parts: coldParts(text, result.documentDate, mentions, layered), entities: result.entities };
}
