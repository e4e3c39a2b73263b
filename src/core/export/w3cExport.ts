/**
 * W3C Web Annotation Data Model (JSON-LD): one AnnotationCollection whose first (and only) page holds one
 * Annotation per mention. Each target carries a TextQuoteSelector (exact text with context, which survives
 * edits) and a TextPositionSelector in code points, as the model requires (not UTF-16). Bodies: the kind as a
 * tagging TextualBody, the canonical entity as an identifying SpecificResource, the normalised value as a
 * describing TextualBody, the user's note as a commenting TextualBody; a quote's speaker is its identifying body
 * and the speaker's name its describing one. Every annotation also carries its own
 * @context so it stays valid when a consumer splits the page (the conformance tests check them one by one).
 */
import type { Entity } from '../model/entity';
import { entityIndex, mentionLabel, prepareDocuments } from './prepare';
import { quoteContext } from './textContext';
import type { ExportDocument, ExportMention, ExportOptions, ExportResult } from './types';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** File name of the W3C export. */
export const W3C_EXPORT_FILE = 'marginalia-annotations.jsonld';

const COLLECTION_ID = 'urn:marginalia:collection';

/** Default document IRI: a URN built from the relative path, so exports never reveal local folders. */
export function defaultDocumentIri(path: string): string {
  return `urn:marginalia:doc:${path.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * IRI of a canonical entity: its own web address when the lexicon gives one (`url`, or a Wikidata `Q` id),
 * else a stable URN from its id.
 */
export function entityIri(entityId: string, entity: Entity | undefined): string {
  const url = entity?.facts.url;
  if (typeof url === 'string' && /^https?:\/\/[^\s"<>]+$/.test(url)) return url;
  const wikidata = entity?.facts.wikidata;
  if (typeof wikidata === 'string' && /^Q[0-9]+$/.test(wikidata)) return `http://www.wikidata.org/entity/${wikidata}`;
  return `urn:marginalia:entity:${entityId.split(':').map(encodeURIComponent).join(':')}`;
}

type Body = Record<string, string>;

/** The software that wrote the export (the model's `generator`). */
export const W3C_GENERATOR = { type: 'Software', name: 'Marginalia' } as const;

/** RFC 3339 date-time with a zone, the form the model (and its conformance tests) require for created/modified. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface W3cAnnotation {
  '@context': string;
  id: string;
  type: 'Annotation';
  motivation: string;
  creator?: { type: 'Person'; name: string };
  created?: string;
  modified?: string;
  generator: typeof W3C_GENERATOR;
  body: Body[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

/** Exports every mention as a Web Annotation in one AnnotationCollection (`marginalia-annotations.jsonld`). */
export function exportW3c(documents: readonly ExportDocument[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const entities = entityIndex(options.entities);
  const docIri = options.documentIri ?? defaultDocumentIri;
  const items: W3cAnnotation[] = [];
  for (const { doc, mentions, offsets } of prepareDocuments(documents, options, warnings, true)) {
    const source = docIri(doc.path);
    const usedIds = new Set<string>();
    for (const m of mentions) {
      const start = offsets.toCodePoints(m.start);
      const end = offsets.toCodePoints(m.end);
      let id = annotationId(doc.path, m, start, end);
      for (let n = 2; usedIds.has(id); n++) id = `${annotationId(doc.path, m, start, end)}-${n}`;
      usedIds.add(id);
      const { prefix, suffix } = quoteContext(doc.text, m.start, m.end);
      const provenance: Partial<W3cAnnotation> = {};
      if (m.author) provenance.creator = { type: 'Person', name: m.author };
      for (const key of ['created', 'modified'] as const) {
        const value = m[key];
        if (value && DATE_TIME.test(value)) provenance[key] = value;
        else if (value) warnings.push(`${doc.path}: ${key} ${JSON.stringify(value)} of ${m.start}-${m.end} is not an RFC 3339 date-time; left out`);
      }
      items.push({
        '@context': W3C_CONTEXT,
        id,
        type: 'Annotation',
        motivation: m.entityId ? 'identifying' : 'tagging',
        ...provenance,
        generator: W3C_GENERATOR,
        body: bodies(m, entities),
        target: {
          source,
          selector: [
            { type: 'TextQuoteSelector', exact: m.text, prefix, suffix },
            { type: 'TextPositionSelector', start, end },
          ],
        },
      });
    }
  }
  const collection = {
    '@context': W3C_CONTEXT,
    id: COLLECTION_ID,
    type: 'AnnotationCollection',
    label: 'Marginalia annotations',
    total: items.length,
    // An empty collection has no page: the model allows `first` only when there are items.
    ...(items.length > 0 ? { first: { id: `${COLLECTION_ID}:page:1`, type: 'AnnotationPage', startIndex: 0, items } } : {}),
  };
  return { files: [{ path: W3C_EXPORT_FILE, content: `${JSON.stringify(collection, undefined, 2)}\n` }], warnings };
}

function annotationId(path: string, m: ExportMention, start: number, end: number): string {
  const doc = path.split('/').map(encodeURIComponent).join('/');
  const local = m.id ? encodeURIComponent(m.id) : `${encodeURIComponent(mentionLabel(m))}-${start}-${end}`;
  return `urn:marginalia:anno:${doc}/${local}`;
}

function bodies(m: ExportMention, entities: Map<string, Entity>): Body[] {
  const out: Body[] = [{ type: 'TextualBody', purpose: 'tagging', value: mentionLabel(m), format: 'text/plain' }];
  if (m.entityId) out.push({ type: 'SpecificResource', purpose: 'identifying', source: entityIri(m.entityId, entities.get(m.entityId)) });
  if (m.value) out.push({ type: 'TextualBody', purpose: 'describing', value: m.value, format: 'text/plain' });
  if (m.note) out.push({ type: 'TextualBody', purpose: 'commenting', value: m.note, format: 'text/plain' });
  return out;
}
