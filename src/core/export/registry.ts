/**
 * The one entry point hosts call: `exportDocuments(format, documents, options) -> {files, warnings}`. The
 * editor command and the CLI both list formats from {@link EXPORT_FORMATS} (for pickers and --help) and write
 * the returned files under the folder the user chose.
 */
import { exportBrat } from './bratExport';
import { exportConll } from './conllExport';
import { exportCsv } from './csvExport';
import { formatNames } from './formatNames';
import { exportJson } from './jsonExport';
import { exportJsonl } from './jsonlExport';
import { safeRelativePath } from './paths';
import { exportReport } from './reportExport';
import { exportReportHtml } from './reportHtml';
import { exportTei } from './teiExport';
import type { ExportDocument, ExportFormat, ExportOptions, ExportResult } from './types';
import { exportW3c } from './w3cExport';

export interface ExportFormatInfo {
  id: ExportFormat;
  /** Short name for pickers ("brat standoff"), in English ({@link formatNames} in the reader's language). */
  label: string;
  /** One line saying who reads it, in English. */
  description: string;
  /** True when the format writes several files (a folder is the natural destination). */
  multiFile: boolean;
  run(documents: readonly ExportDocument[], options: ExportOptions): ExportResult;
}

/** The reports first: they are what most people export (for a reader, not for another tool). */
export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { id: 'report', ...formatNames('report'), multiFile: false, run: exportReport },
  { id: 'report-html', ...formatNames('report-html'), multiFile: false, run: exportReportHtml },
  { id: 'json', ...formatNames('json'), multiFile: false, run: exportJson },
  { id: 'jsonl', ...formatNames('jsonl'), multiFile: false, run: exportJsonl },
  { id: 'csv', ...formatNames('csv'), multiFile: false, run: exportCsv },
  { id: 'w3c', ...formatNames('w3c'), multiFile: false, run: exportW3c },
  { id: 'brat', ...formatNames('brat'), multiFile: true, run: exportBrat },
  { id: 'conll', ...formatNames('conll'), multiFile: false, run: exportConll },
  { id: 'tei', ...formatNames('tei'), multiFile: true, run: exportTei },
];

/** Looks a format up by id; undefined for an unknown one. */
export function exportFormat(id: string): ExportFormatInfo | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}

/**
 * Exports documents in one format. Every output path is a safe relative path (no `..`, not absolute) and
 * unique; throws when two documents would write the same file (e.g. `a.md` and `a.txt` both to `a.ann`).
 */
export function exportDocuments(format: ExportFormat, documents: readonly ExportDocument[], options: ExportOptions = {}): ExportResult {
  const info = exportFormat(format);
  if (!info) throw new Error(`unknown export format '${format}' (known: ${EXPORT_FORMATS.map((f) => f.id).join(', ')})`);
  const result = info.run(documents, options);
  const seen = new Set<string>();
  for (const file of result.files) {
    const safe = safeRelativePath(file.path);
    if (safe !== file.path) throw new Error(`internal: export path ${JSON.stringify(file.path)} is not normalised`);
    const key = safe.toLowerCase(); // case-insensitive file systems (macOS, Windows) would merge these
    if (seen.has(key)) throw new Error(`two documents would both be exported to ${safe}; rename one or export them separately`);
    seen.add(key);
  }
  return result;
}
