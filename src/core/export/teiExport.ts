/**
 * TEI P5 XML, one file per document: the text in paragraphs (split at blank lines, line breaks as `<lb/>`),
 * speakers as `<persName type="speaker" ref>`, people as `<persName ref>`, dates as `<date when>` (or
 * `when-iso` for ISO forms such as weeks that xs:date types cannot hold) with the normalised value at its own
 * precision, treaties as `<name type="treaty" ref>`, quotes as `<said who>` (the speaker), custom labels as `<seg type>`, notes as `<note>` after
 * the span. XML must nest: an annotation that crosses another or a paragraph break is left out and reported.
 */
import type { Entity } from '../model/entity';
import { replaceExtension, safeRelativePath } from './paths';
import { entityIndex, mentionLabel, prepareDocuments } from './prepare';
import type { ExportDocument, ExportMention, ExportOptions, ExportResult, ExportedFile } from './types';
import { entityIri } from './w3cExport';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** Escapes text for XML content and attribute values; characters XML 1.0 forbids become U+FFFD. */
export function xmlEscape(s: string): string {
  return (
    s
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

const XS_DATE = /^-?\d{4}(-\d{2}(-\d{2})?)?$/;

interface Node {
  m: ExportMention;
  children: Node[];
}

function openTag(m: ExportMention, entities: Map<string, Entity>): { open: string; close: string } {
  const ref = m.entityId ? ` ref="${xmlEscape(entityIri(m.entityId, entities.get(m.entityId)))}"` : '';
  switch (m.kind) {
    case 'speaker':
      return { open: `<persName type="speaker"${ref}>`, close: '</persName>' };
    case 'person':
      return { open: `<persName${ref}>`, close: '</persName>' };
    case 'treaty':
      return { open: `<name type="treaty"${ref}>`, close: '</name>' };
    case 'quote': {
      // What a person said, with who said it: the speaker's IRI, as `ref` elsewhere.
      const who = m.entityId ? ` who="${xmlEscape(entityIri(m.entityId, entities.get(m.entityId)))}"` : '';
      return { open: `<said${who}>`, close: '</said>' };
    }
    case 'date': {
      const when = m.value ? (XS_DATE.test(m.value) ? ` when="${xmlEscape(m.value)}"` : ` when-iso="${xmlEscape(m.value)}"`) : '';
      return { open: `<date${when}>`, close: '</date>' };
    }
    default:
      return { open: `<seg type="${xmlEscape(mentionLabel(m))}"${ref}>`, close: '</seg>' };
  }
}

/** Text with line breaks as `<lb/>` (XML would fold CRLF anyway; `<lb/>` keeps where the lines were). */
function textContent(s: string): string {
  return xmlEscape(s).replace(/\r\n|\r|\n/g, '<lb/>\n');
}

/** Paragraph ranges: text between blank lines. */
function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  const blank = /(?:\r\n|\n|\r(?!\n))[ \t]*(?:(?:\r\n|\n|\r(?!\n))[ \t]*)+/g;
  let from = 0;
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    if (m.index > from) out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  if (text.length > from) out.push([from, text.length]);
  return out;
}

function renderDocument(doc: ExportDocument, mentions: ExportMention[], entities: Map<string, Entity>, warnings: string[]): string {
  const paras = paragraphs(doc.text);
  const body: string[] = [];
  let k = 0;
  for (const [ps, pe] of paras) {
    const roots: Node[] = [];
    const stack: Node[] = [];
    for (; k < mentions.length && (mentions[k] as ExportMention).start < pe; k++) {
      const m = mentions[k] as ExportMention;
      if (m.start < ps || m.end > pe) {
        warnings.push(`${doc.path}: ${m.kind} ${m.start}-${m.end} crosses a paragraph break; TEI cannot hold it, left out`);
        continue;
      }
      while (stack.length > 0 && (stack[stack.length - 1] as Node).m.end <= m.start) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent && m.end > parent.m.end) {
        warnings.push(`${doc.path}: ${m.kind} ${m.start}-${m.end} crosses ${parent.m.kind} ${parent.m.start}-${parent.m.end}; XML cannot hold both, left out`);
        continue;
      }
      const node: Node = { m, children: [] };
      (parent ? parent.children : roots).push(node);
      stack.push(node);
    }
    body.push(`      <p>${renderRange(doc.text, ps, pe, roots, entities)}</p>`);
  }
  for (; k < mentions.length; k++) {
    const m = mentions[k] as ExportMention;
    warnings.push(`${doc.path}: ${m.kind} ${m.start}-${m.end} lies between paragraphs; left out of TEI`);
  }
  const title = doc.metadata?.title ?? doc.path;
  const date = doc.metadata?.date;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<TEI xmlns="${TEI_NS}">`,
    '  <teiHeader>',
    '    <fileDesc>',
    `      <titleStmt><title>${xmlEscape(title)}</title></titleStmt>`,
    '      <publicationStmt><p>Annotated with Marginalia and exported as TEI.</p></publicationStmt>',
    `      <sourceDesc><p>${xmlEscape(doc.metadata?.source ?? doc.path)}</p></sourceDesc>`,
    '    </fileDesc>',
    ...(date ? ['    <profileDesc>', `      <creation><date ${XS_DATE.test(date) ? 'when' : 'when-iso'}="${xmlEscape(date)}"/></creation>`, '    </profileDesc>'] : []),
    '  </teiHeader>',
    '  <text>',
    '    <body>',
    ...body,
    '    </body>',
    '  </text>',
    '</TEI>',
    '',
  ].join('\n');
}

function renderRange(text: string, from: number, to: number, nodes: Node[], entities: Map<string, Entity>): string {
  let out = '';
  let pos = from;
  for (const n of nodes) {
    out += textContent(text.slice(pos, n.m.start));
    const { open, close } = openTag(n.m, entities);
    out += open + renderRange(text, n.m.start, n.m.end, n.children, entities) + close;
    if (n.m.note) out += `<note type="annotation">${xmlEscape(n.m.note)}</note>`;
    pos = n.m.end;
  }
  return out + textContent(text.slice(pos, to));
}

/** Exports one TEI file per document (`<doc>.xml`, beside the document's relative path). */
export function exportTei(documents: readonly ExportDocument[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const entities = entityIndex(options.entities);
  const files: ExportedFile[] = prepareDocuments(documents, options, warnings, true).map(({ doc, mentions }) => ({
    path: replaceExtension(safeRelativePath(doc.path), '.xml'),
    content: renderDocument(doc, mentions, entities, warnings),
  }));
  return { files, warnings };
}
