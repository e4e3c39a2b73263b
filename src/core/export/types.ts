/**
 * The shapes every exporter and importer shares. Exporters are pure: documents in, file contents out; the
 * caller (CLI, editor command) decides where the files go and writes them.
 */
import type { Entity } from '../model/entity';
import type { Mention } from '../model/mention';
import type { Messages } from '../ports/messages';

/**
 * A mention as exporters see it: the shared model plus what a manual annotation adds (its sidecar id, the
 * user's note, the label of a custom kind). Kept here rather than in Mention so the shared type stays small.
 */
export interface ExportMention extends Mention {
  /** Stable id of the manual annotation in its sidecar, when there is one. */
  id?: string;
  /** The user's free-text note. */
  note?: string;
  /** User label for `custom` mentions (and an optional display label for others). */
  label?: string;
  /** Who made a manual annotation (the sidecar's `author`). */
  author?: string;
  /** When a manual annotation was made and last changed (ISO 8601 date-time). */
  created?: string;
  modified?: string;
}

/** Document facts that do not come from the text (sidecar metadata or the caller). */
export interface ExportMetadata {
  title?: string;
  /** Reference date of the document (ISO 8601), e.g. a press briefing's date. */
  date?: string;
  /** Where the text came from (URL or citation). */
  source?: string;
}

/**
 * One document as the export and import formats carry it. `path` is relative to the export root, with `/`
 * separators. Made by `documentFromView` (fromView.ts) from a document's DocumentView, for the CLI's `export` and
 * the editor's Export command, and by the JSON and brat importers from a file; read by every exporter
 * (registry.ts) and by `import`. A type of its own, not a function of DocumentView: `import` makes it from a file
 * and writes it to sidecars or straight back to a file (`import --out`) with no analysis and so no view, and it
 * holds what a view does not (the path and text; a manual annotation's id, note, label, author and times as
 * fields of its mention, where a view has them in attributes and in its placed annotations).
 */
export interface ExportDocument {
  path: string;
  text: string;
  mentions: ExportMention[];
  metadata?: ExportMetadata;
}

export interface ExportOptions {
  /** Export only `manual` mentions (the user's own work); default false: manual and automatic. */
  manualOnly?: boolean;
  /** Canonical entities mentions link to, for names and links (lexicon entities, analysis results). */
  entities?: readonly Entity[];
  /**
   * IRI of a document for formats that need one (W3C). Default: `urn:marginalia:doc:` + the percent-encoded
   * path, which is stable and never reveals the exporting machine's folders; the CLI passes `file:` URLs.
   */
  documentIri?: (path: string) => string;
  /**
   * What the report puts before a document's path in its links (`<linkBase><path>#L12`): the way from the folder
   * the report is written to back to the export root, e.g. `../samples/`. Default '': the report sits at the root.
   */
  linkBase?: string;
  /** Include mentions of derived layers (e.g. speaker turns); default false: main-layer spans only. */
  includeLayers?: boolean;
  /** The words of the reports (headings, table headers, dates): the editor passes `vscode.l10n`; English by default. */
  l10n?: Messages;
  /** The language those words are in (a BCP 47 tag, the HTML report's `lang`); 'en' by default. */
  language?: string;
}

/** One output file: `path` is relative to the chosen output folder and never leaves it. */
export interface ExportedFile {
  path: string;
  content: string;
}

export interface ExportResult {
  files: ExportedFile[];
  /** Mentions skipped or changed on the way, one readable line each ("doc.txt: 12-19 ..."). */
  warnings: string[];
}

/** Every export format Marginalia writes. */
export type ExportFormat = 'json' | 'jsonl' | 'csv' | 'w3c' | 'brat' | 'conll' | 'tei' | 'report' | 'report-html';
