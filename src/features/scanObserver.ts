/**
 * What a workspace scan tells whoever watches how it goes (the benchmark and tests, through the internal stats
 * command): its start, each stretch of work between two yields to the editor, and each file it indexed. The
 * scanner keeps no figures itself; {@link ScanFigures} adds them up.
 */

/** How far the scans are, as the views show it. */
export interface ScanState {
  scanning: boolean;
  /** Files indexed in the current scan. */
  done: number;
  /** Files queued in the current scan (grows when watcher events arrive). */
  total: number;
}

export interface IndexedFile {
  /** How many files the scan had indexed before this one. */
  at: number;
  /** The synchronous analysis and indexing of this file on the editor's thread (ms); a stepped file yields between. */
  ms: number;
  /** Of which the analysis alone (ms); 0 for a file analysed in the worker. */
  analyzeMs: number;
  inWorker: boolean;
}

export interface ScanObserver {
  /** A full scan starts (not a watcher event's few files). */
  scanStarted?(): void;
  /** The scan ran `ms` without yielding to the editor. */
  slice?(ms: number): void;
  indexed?(file: IndexedFile): void;
}

/** The figures of the last full scan, as the benchmark reads them. */
export class ScanFigures implements ScanObserver {
  /** Time spent in analysis slices in the last full scan (ms). */
  busyMs = 0;
  /** The longest synchronous analysis and indexing of one file in the last full scan (ms), and which it was. */
  longestFileMs = 0;
  longestFileAt = -1;
  longestFileAnalyzeMs = 0;
  /** Files the last full scan had analysed in the worker, and all scans since this started counting. */
  workerFiles = 0;
  workerFilesTotal = 0;

  scanStarted(): void {
    this.busyMs = 0;
    this.longestFileMs = 0;
    this.longestFileAt = -1;
    this.longestFileAnalyzeMs = 0;
    this.workerFiles = 0;
  }

  slice(ms: number): void {
    this.busyMs += ms;
  }

  indexed(file: IndexedFile): void {
    if (file.inWorker) {
      this.workerFiles++;
      this.workerFilesTotal++;
    }
    if (file.ms <= this.longestFileMs) return;
    this.longestFileMs = file.ms;
    this.longestFileAt = file.at;
    this.longestFileAnalyzeMs = file.analyzeMs;
  }
}
