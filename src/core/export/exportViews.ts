/**
 * The documents of an export as the editor shows them, for any host: each read document's view (its lexicon, its
 * sidecar's date, annotations and rejections; see documentPipeline.ts) made into an export document. The Node
 * hosts (src/hosts/exportPipeline.ts: the CLI and the desktop's Export command) and the browser's Export command
 * (src/web/webExport.ts) find and read the documents their own way and call this, so an export says the same in
 * every host. Sidecars are only read.
 */
import { AnalysisCache } from '../analysisCache';
import { viewDocument } from '../documentPipeline';
import type { Entity } from '../model/entity';
import type { DocumentSource } from '../ports/documentSource';
import type { DocumentDate } from '../recognizers/context';
import { documentFromView } from './fromView';
import { prepareDocuments } from './prepare';
import type { ExportDocument, ExportMetadata, ExportOptions } from './types';

/** A document read for export. */
export interface ReadForExport {
  /** What the source names it by (a path, a URI string). */
  location: string;
  /** Its path in the export: `/`-separated, relative to the export's root. */
  name: string;
  /** Its path for a date in it (any separator, or a URI's path). */
  path: string;
  text: string;
  /** Read from a stream (stdin): no sidecar, no file date and no date from its path. */
  standalone?: boolean;
}

export interface ExportViewOptions {
  /** The workspace a sidecar must be in, for sources that do not know it. */
  sidecarRoot?: string;
  /** The file's own date when the user turned that source on (the last source tried). */
  fileDate?: (doc: ReadForExport) => DocumentDate | undefined | Promise<DocumentDate | undefined>;
  /** Where what is skipped or not exported is reported (lexicon problems, orphaned annotations). */
  stderr(text: string): void;
}

/**
 * The export documents of `docs`, with the entities their mentions link to (once each). Orphaned annotations
 * cannot be exported (their text is gone) and are reported; a sidecar that fails to load is an error in
 * `errors`, and its document exports its automatic mentions only.
 */
export async function exportViews(
  docs: readonly ReadForExport[],
  source: DocumentSource,
  options: ExportViewOptions,
): Promise<{ documents: ExportDocument[]; entities: Entity[]; errors: string[] }> {
  const entities = new Map<string, Entity>();
  const documents: ExportDocument[] = [];
  const errors: string[] = [];
  // One export is one batch: what its analyses keep across documents lives as long as it.
  const cache = new AnalysisCache();
  for (const doc of docs) {
    const { lexicon, problems } = await source.lexiconFor(doc.location);
    for (const p of problems) options.stderr(`${p}\n`);
    const found = doc.standalone ? { path: doc.name, problems: [], sidecar: undefined } : await source.sidecarFor(doc.location, options.sidecarRoot);
    errors.push(...found.problems);
    const shown = doc.standalone
      ? viewDocument(doc.text, { lexicon, cache })
      : viewDocument(doc.text, { lexicon, sidecar: found.sidecar, path: doc.path, fileDate: await options.fileDate?.(doc), cache });
    for (const e of shown.entities) if (!entities.has(e.id)) entities.set(e.id, e);
    for (const o of shown.orphans) options.stderr(`${found.path}: annotation ${o.item.id} not exported: ${o.message}\n`);
    const exported = documentFromView(doc.name, doc.text, { mentions: shown.mentions, placed: shown.placed, metadata: found.sidecar?.document });
    const metadata: ExportMetadata = { ...exported.metadata };
    if (!metadata.date && shown.documentDate) metadata.date = shown.documentDate.value;
    documents.push({ ...exported, metadata });
  }
  return { documents, entities: [...entities.values()], errors };
}

/** How many annotations an export writes: the exporters' own selection (manual-only, layers, duplicates). */
export function countExported(documents: readonly ExportDocument[], options: ExportOptions): number {
  return prepareDocuments(documents, options, []).reduce((n, d) => n + d.mentions.length, 0);
}
