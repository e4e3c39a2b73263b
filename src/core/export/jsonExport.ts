/**
 * Our own model as JSON: lossless (UTF-16 offsets exactly as in the editor, notes, labels, attributes, the
 * source of each mention, the full text) so it can be imported back. Versioned by `marginalia-export`;
 * documented in docs/export-formats.md.
 */
import type { Entity } from '../model/entity';
import { entityIndex, prepareDocuments } from './prepare';
import type { ExportDocument, ExportMention, ExportOptions, ExportResult } from './types';

/** Version of the JSON export format; bumped only for changes an older importer would misread. */
export const JSON_EXPORT_VERSION = 1;

/** File name of the JSON export inside the output folder. */
export const JSON_EXPORT_FILE = 'marginalia-export.json';

/** The JSON form of one mention; keys in a fixed order so exports diff cleanly. */
export interface JsonMention {
  id?: string;
  kind: string;
  label?: string;
  start: number;
  end: number;
  text: string;
  entityId?: string;
  value?: string;
  note?: string;
  attributes?: Record<string, string>;
  source: 'auto' | 'manual';
  layer?: string;
  author?: string;
  created?: string;
  modified?: string;
}

export interface JsonDocument {
  path: string;
  title?: string;
  date?: string;
  source?: string;
  text: string;
  mentions: JsonMention[];
}

export interface JsonExport {
  'marginalia-export': number;
  offsetUnit: 'utf-16';
  scope: 'manual' | 'manual+auto';
  documents: JsonDocument[];
  entities: Entity[];
}

/** Builds the JSON export object (see {@link exportJson} for the file). */
export function buildJsonExport(documents: readonly ExportDocument[], options: ExportOptions, warnings: string[]): JsonExport {
  const prepared = prepareDocuments(documents, options, warnings, true);
  const known = entityIndex(options.entities);
  const used = new Map<string, Entity>();
  const docs = prepared.map(({ doc, mentions }) => {
    for (const m of mentions) {
      const e = m.entityId ? known.get(m.entityId) : undefined;
      if (e && !used.has(e.id)) used.set(e.id, e);
    }
    return prune({
      path: doc.path,
      title: doc.metadata?.title,
      date: doc.metadata?.date,
      source: doc.metadata?.source,
      text: doc.text,
      mentions: mentions.map(toJsonMention),
    }) as JsonDocument;
  });
  return {
    'marginalia-export': JSON_EXPORT_VERSION,
    offsetUnit: 'utf-16',
    scope: options.manualOnly ? 'manual' : 'manual+auto',
    documents: docs,
    entities: [...used.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(toJsonEntity),
  };
}

/** Exports every document into one `marginalia-export.json`. */
export function exportJson(documents: readonly ExportDocument[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const data = buildJsonExport(documents, options, warnings);
  return { files: [{ path: JSON_EXPORT_FILE, content: `${JSON.stringify(data, undefined, 2)}\n` }], warnings };
}

function toJsonMention(m: ExportMention): JsonMention {
  return prune({
    id: m.id,
    kind: m.kind,
    label: m.label,
    start: m.start,
    end: m.end,
    text: m.text,
    entityId: m.entityId,
    value: m.value,
    note: m.note,
    attributes: m.attributes && Object.keys(m.attributes).length > 0 ? sortKeys(m.attributes) : undefined,
    source: m.source,
    layer: m.layer,
    author: m.author,
    created: m.created,
    modified: m.modified,
  }) as JsonMention;
}

function toJsonEntity(e: Entity): Entity {
  return { id: e.id, type: e.type, name: e.name, aliases: [...e.aliases], facts: prune(sortKeys(e.facts)) as Entity['facts'] };
}

/** Drops undefined members so the file holds only what is known. */
function prune<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function sortKeys<V>(o: Record<string, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k] as V;
  return out;
}
