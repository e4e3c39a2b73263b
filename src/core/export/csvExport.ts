/**
 * CSV for spreadsheets: one row per annotation. RFC 4180 (CRLF rows, fields quoted when they hold a comma,
 * quote or line break, quotes doubled), UTF-8 with a BOM so Excel opens names and emoji correctly, and
 * formula injection neutralised (reliability row 19). Offsets are code points, as spreadsheet functions and
 * Python/R string indexing count characters.
 *
 * A small function instead of csv-stringify: the whole job is ~20 lines, the core stays dependency-free and
 * stream-free, and the escaping rule is tested cell by cell here.
 */
import { canonicalName, entityIndex, mentionLabel, prepareDocuments } from './prepare';
import type { ExportDocument, ExportOptions, ExportResult } from './types';

/** File name of the CSV export. */
export const CSV_EXPORT_FILE = 'marginalia-export.csv';

/** Column order of the CSV export. */
export const CSV_COLUMNS = ['document', 'kind', 'text', 'start', 'end', 'value', 'canonical_id', 'canonical_name', 'note', 'source'] as const;

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Makes a cell safe to open in a spreadsheet: a cell starting with a formula trigger gets a leading `'`
 * (the OWASP advice and what csv-stringify's `escape_formulas` does), so it is shown as text and never run.
 */
export function neutraliseFormula(cell: string): string {
  return cell.length > 0 && FORMULA_TRIGGERS.has(cell[0] as string) ? `'${cell}` : cell;
}

/** Quotes one field per RFC 4180 when needed. */
export function quoteCsvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One CSV record: every text cell neutralised, then quoted; numbers written as they are. */
export function csvRow(cells: readonly (string | number | undefined)[]): string {
  return cells
    .map((c) => (typeof c === 'number' ? String(c) : quoteCsvField(neutraliseFormula(c ?? ''))))
    .join(',');
}

/** Exports every annotation of every document as one row of `marginalia-export.csv`. */
export function exportCsv(documents: readonly ExportDocument[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const entities = entityIndex(options.entities);
  const rows = [csvRow(CSV_COLUMNS)];
  for (const { doc, mentions, offsets } of prepareDocuments(documents, options, warnings)) {
    for (const m of mentions) {
      rows.push(
        csvRow([
          doc.path,
          mentionLabel(m),
          m.text,
          offsets.toCodePoints(m.start),
          offsets.toCodePoints(m.end),
          m.value,
          m.entityId,
          canonicalName(m, entities),
          m.note,
          m.source,
        ]),
      );
    }
  }
  return { files: [{ path: CSV_EXPORT_FILE, content: `\uFEFF${rows.join('\r\n')}\r\n` }], warnings };
}
