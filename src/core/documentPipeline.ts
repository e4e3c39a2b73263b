/**
 * The one way from a document's text to what it shows, for every host: the editor (open documents and the scan
 * of closed ones), the scan worker, the Export command and the CLI's `analyze`, `export` and `check`. Each
 * host finds the inputs its own way (see ports/documentSource.ts) and calls these, so none can analyse a
 * document against another date, or reconcile its sidecar differently, than the editor shows it.
 */
import { DocumentAnalyzer, type AnalysisResult } from './analyze';
import type { AnalysisCache } from './analysisCache';
import type { Lexicon } from './lexicon/lexicon';
import type { Placements } from './anchoring/backgroundReanchor';
import type { Annotation, Rejection, Sidecar } from './model/annotation';
import { analysisView, reconcile, type DocumentView } from './model/documentView';
import type { DocumentDate } from './recognizers/context';
import { dateFromPath } from './recognizers/dates/pathDate';

/** What a document is analysed with, besides its text. */
export interface DocumentSetup {
  lexicon: Lexicon;
  /** The document's sidecar, when it has one that loaded. */
  sidecar?: Sidecar;
  /** Where the text came from (any separator, or a URI's path): a date in it dates a text that has none. */
  path?: string;
  /** A date given for every document (`analyze --document-date`): it beats the sidecar's and the text's. */
  givenDate?: DocumentDate;
  /**
   * The file's own date (modification time or last commit), when the user turned that source on: the last
   * source tried, after the text and the path (see src/hosts/fileDate.ts).
   */
  fileDate?: DocumentDate;
  /** What the host's analyses keep across documents (see analysisCache.ts); without one, the analysis keeps its own. */
  cache?: AnalysisCache;
}

/**
 * The date the user set for the document, which the analysis resolves relative dates against: the given date,
 * else the sidecar's `document.date`. Undefined lets the analysis find one (dateline, title, path).
 */
export function userDate(setup: AnalyzerSetup): DocumentDate | undefined {
  if (setup.givenDate) return setup.givenDate;
  const value = setup.sidecar?.document.date;
  return value ? { value, source: 'metadata' } : undefined;
}

/** What the analysis itself needs of a {@link DocumentSetup}: of the sidecar, only its metadata (its date). */
export type AnalyzerSetup = Omit<DocumentSetup, 'sidecar' | 'lexicon'> & { sidecar?: Pick<Sidecar, 'document'> };

/** The analyzer for a document; the editor keeps one per open document for its incremental re-analysis. */
export function documentAnalyzer(setup: AnalyzerSetup & { lexicon: Lexicon }): DocumentAnalyzer {
  return new DocumentAnalyzer({
    lexicon: setup.lexicon,
    documentDate: userDate(setup),
    fallbackDate: (setup.path === undefined ? undefined : dateFromPath(setup.path)) ?? setup.fileDate,
    cache: setup.cache,
  });
}

/**
 * Reconciles an analysis with the document's sidecar: manual annotations win over automatic mentions of their
 * kind, rejected automatic mentions disappear (see {@link reconcile}), and the sidecar's date is the document's.
 */
export function reconciledView(
  text: string,
  auto: AnalysisResult,
  sidecar: Sidecar | undefined,
  givenDate?: DocumentDate,
  /** Where the sidecar's annotations and rejections lie in `text`, when the caller placed them already (a worker). */
  placements?: Placements<Annotation, Rejection>,
): DocumentView {
  const documentDate = userDate({ sidecar, givenDate }) ?? auto.documentDate;
  if (!sidecar || (sidecar.annotations.length === 0 && sidecar.rejections.length === 0)) return analysisView(auto, documentDate, sidecar?.document);
  return reconcile({ ...auto, documentDate }, sidecar, text, placements);
}

/** A document's view from its text and setup: {@link documentAnalyzer}, then {@link reconciledView}. */
export function viewDocument(text: string, setup: DocumentSetup): DocumentView {
  return reconciledView(text, documentAnalyzer(setup).analyze(text), setup.sidecar, setup.givenDate);
}
