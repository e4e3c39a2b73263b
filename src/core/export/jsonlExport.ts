/**
 * JSON Lines for NLP tools: one document per line with its text and labelled spans. Offsets are code points,
 * because the tools that read this (doccano, spaCy, Prodigy) index Python strings, which count code points.
 * Each line carries both shapes those tools ingest: doccano's `label: [[start, end, label]]` and
 * Prodigy/spaCy's `spans: [{start, end, label}]`, so neither needs a conversion script.
 */
import { canonicalName, entityIndex, mentionLabel, prepareDocuments } from './prepare';
import type { ExportDocument, ExportOptions, ExportResult } from './types';

/** File name of the JSON Lines export. */
export const JSONL_EXPORT_FILE = 'marginalia-export.jsonl';

export interface JsonlSpan {
  start: number;
  end: number;
  label: string;
  text: string;
  entity_id?: string;
  canonical?: string;
  source: 'auto' | 'manual';
}

export interface JsonlLine {
  text: string;
  label: [number, number, string][];
  spans: JsonlSpan[];
  meta: { path: string; title?: string; date?: string; offset_unit: 'codepoint' };
}

/** Exports one JSON object per document, one per line, into `marginalia-export.jsonl`. */
export function exportJsonl(documents: readonly ExportDocument[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const entities = entityIndex(options.entities);
  const lines = prepareDocuments(documents, options, warnings).map(({ doc, mentions, offsets }) => {
    const spans: JsonlSpan[] = mentions.map((m) => {
      const span: JsonlSpan = {
        start: offsets.toCodePoints(m.start),
        end: offsets.toCodePoints(m.end),
        label: mentionLabel(m),
        text: m.text,
        source: m.source,
      };
      if (m.entityId) span.entity_id = m.entityId;
      const name = canonicalName(m, entities);
      if (name !== undefined) span.canonical = name;
      return span;
    });
    const meta: JsonlLine['meta'] = { path: doc.path, offset_unit: 'codepoint' };
    if (doc.metadata?.title) meta.title = doc.metadata.title;
    if (doc.metadata?.date) meta.date = doc.metadata.date;
    const line: JsonlLine = { text: doc.text, label: spans.map((s) => [s.start, s.end, s.label]), spans, meta };
    // JSON.stringify escapes raw line breaks inside strings, so one document is always one physical line.
    return JSON.stringify(line);
  });
  return { files: [{ path: JSONL_EXPORT_FILE, content: lines.map((l) => `${l}\n`).join('') }], warnings };
}
