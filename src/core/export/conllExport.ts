/**
 * CoNLL with IOB2 tags: one `token<TAB>tag` per line, a blank line between sentences (here: lines of the
 * text), `-DOCSTART-` before each document, documents in the order given. Tags are `B-<kind>`/`I-<kind>` or
 * `O`. Tokens are cut at every annotation boundary first, so a tag never covers half a token. IOB2 cannot
 * nest, so where annotations overlap the earlier (then longer) one is kept and the other reported.
 */
import { mentionLabel, prepareDocuments } from './prepare';
import type { ExportDocument, ExportMention, ExportOptions, ExportResult } from './types';

/** File name of the CoNLL export. */
export const CONLL_EXPORT_FILE = 'marginalia-export.conll';

/** Words (letters/digits with inner apostrophes, dots, hyphens), emoji sequences, flags, or single symbols. */
const TOKEN =
  /[\p{L}\p{M}\p{N}]+(?:['\u2019.\-][\p{L}\p{M}\p{N}]+)*|\p{Regional_Indicator}{2}|\p{Extended_Pictographic}\uFE0F?(?:\u200D\p{Extended_Pictographic}\uFE0F?)*|\S/gu;

export interface ConllToken {
  text: string;
  start: number;
  end: number;
  tag: string;
}

/** Tokens of a document with their IOB2 tags, sentence ends marked by `undefined`. */
export function conllTokens(text: string, mentions: ExportMention[], warnings: string[], path: string): (ConllToken | undefined)[] {
  const kept: ExportMention[] = [];
  let lastEnd = 0;
  for (const m of mentions) {
    if (m.start >= lastEnd) {
      kept.push(m);
      lastEnd = m.end;
    } else {
      warnings.push(`${path}: ${m.kind} ${m.start}-${m.end} overlaps another annotation; CoNLL IOB2 cannot nest it, left out`);
    }
  }
  const out: (ConllToken | undefined)[] = [];
  const pushSegment = (from: number, to: number, mention: ExportMention | undefined) => {
    const label = mention ? mentionLabel(mention) : undefined;
    let first = true;
    TOKEN.lastIndex = 0;
    const segment = text.slice(from, to);
    // Outside annotations, a line break ends a sentence; inside one, the annotation carries on (I- tags).
    const breaks = /\r\n|\r|\n/g;
    let lineStart = 0;
    const lines: [number, number][] = [];
    if (mention) lines.push([0, segment.length]);
    else {
      for (let b = breaks.exec(segment); b; b = breaks.exec(segment)) {
        lines.push([lineStart, b.index]);
        lineStart = b.index + b[0].length;
      }
      lines.push([lineStart, segment.length]);
    }
    lines.forEach(([ls, le], i) => {
      if (i > 0 && out.length > 0 && out[out.length - 1] !== undefined) out.push(undefined);
      TOKEN.lastIndex = 0;
      const line = segment.slice(ls, le);
      for (let t = TOKEN.exec(line); t; t = TOKEN.exec(line)) {
        const start = from + ls + t.index;
        out.push({ text: t[0], start, end: start + t[0].length, tag: label ? `${first ? 'B' : 'I'}-${label}` : 'O' });
        first = false;
      }
    });
  };
  let pos = 0;
  for (const m of kept) {
    if (m.start > pos) pushSegment(pos, m.start, undefined);
    pushSegment(m.start, m.end, m);
    pos = m.end;
  }
  if (pos < text.length) pushSegment(pos, text.length, undefined);
  return out;
}

/** Exports all documents into one `marginalia-export.conll`. */
export function exportConll(documents: readonly ExportDocument[], options: ExportOptions = {}): ExportResult {
  const warnings: string[] = [];
  const lines: string[] = [];
  for (const { doc, mentions } of prepareDocuments(documents, options, warnings)) {
    lines.push('-DOCSTART-\tO', '');
    const tokens = conllTokens(doc.text, mentions, warnings, doc.path);
    for (const t of tokens) lines.push(t ? `${t.text}\t${t.tag}` : '');
    if (lines[lines.length - 1] !== '') lines.push('');
  }
  return { files: [{ path: CONLL_EXPORT_FILE, content: lines.map((l) => `${l}\n`).join('') }], warnings };
}
