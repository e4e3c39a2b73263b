/**
 * What analyses keep from one document to the next: chrono-node's parsers and the calendar windows they read, and
 * the name keys of the people linked. Both depend only on their text, and the same windows and names recur
 * through a workspace, so a host that analyses many documents (the scan worker, a CLI batch, an export, the
 * editor's model) makes one and passes it to each analysis (`AnalyzeOptions.cache`); an analysis without one
 * makes its own. The host decides how long it lives (a worker's life, a command, until the lexicon changes); each
 * part holds a bounded number of entries, so a long life costs no more memory than a short one. A fresh cache
 * gives the same results as a warm one: only the time differs.
 */
import { CalendarReader } from './recognizers/dates/chronoAdapter';
import { NameKeys } from './recognizers/speakers/nameKeys';

export class AnalysisCache {
  readonly calendar = new CalendarReader();
  readonly names = new NameKeys();

  /** Forgets what was read (a host's lexicon changed: its documents are analysed again, from scratch). */
  clear(): void {
    this.calendar.clear();
    this.names.clear();
  }
}
