/**
 * What every exporter does first: pick the mentions the user asked for, re-check each against the text, and
 * order them. A span whose offsets do not give back its text is never exported (it would point at the wrong
 * words in the target tool); it is reported instead.
 */
import type { Entity } from '../model/entity';
import { compareMentions } from '../model/mention';
import { OffsetConverter } from './offsets';
import type { ExportDocument, ExportMention, ExportOptions } from './types';

export interface PreparedDocument {
  doc: ExportDocument;
  /** Checked mentions in {@link compareMentions} order, manual preferred over an auto one on the same span. */
  mentions: ExportMention[];
  offsets: OffsetConverter;
}

/**
 * Selects, checks and orders the mentions of every document; problems go to `warnings`. With `quotes`, the quotes
 * layer (what each speaker said, its `entityId` the speaker's) is kept even when other layers are not.
 */
export function prepareDocuments(
  documents: readonly ExportDocument[],
  options: ExportOptions,
  warnings: string[],
  quotes = false,
): PreparedDocument[] {
  return documents.map((doc) => {
    const offsets = new OffsetConverter(doc.text);
    const bySpan = new Map<string, ExportMention>();
    for (const m of doc.mentions) {
      if (options.manualOnly && m.source !== 'manual') continue;
      if (m.layer && !options.includeLayers && !(quotes && m.kind === 'quote')) continue;
      const problem = checkSpan(doc.text, offsets, m);
      if (problem) {
        warnings.push(`${doc.path}: ${m.kind} ${m.start}-${m.end} ${JSON.stringify(m.text)} skipped: ${problem}`);
        continue;
      }
      // The same kind on the same span twice (an accepted auto mention and its manual copy) is one annotation.
      const key = `${m.kind}\u0000${m.label ?? ''}\u0000${m.start}\u0000${m.end}\u0000${m.layer ?? ''}`;
      const seen = bySpan.get(key);
      if (!seen || (seen.source === 'auto' && m.source === 'manual')) bySpan.set(key, m);
    }
    return { doc, mentions: [...bySpan.values()].sort(compareMentions), offsets };
  });
}

/** Why a mention's offsets cannot be trusted, or undefined when they give back its text exactly. */
export function checkSpan(text: string, offsets: OffsetConverter, m: ExportMention): string | undefined {
  if (!Number.isInteger(m.start) || !Number.isInteger(m.end)) return 'offsets are not integers';
  if (m.start < 0 || m.end > text.length || m.start >= m.end) return `offsets outside the text or empty (length ${text.length})`;
  try {
    offsets.toCodePoints(m.start);
    offsets.toCodePoints(m.end);
  } catch (e) {
    return (e as Error).message;
  }
  const actual = text.slice(m.start, m.end);
  if (actual !== m.text) return `the text there is ${JSON.stringify(actual)}`;
  return undefined;
}

/** Entities by id, for canonical names and links. */
export function entityIndex(entities: readonly Entity[] | undefined): Map<string, Entity> {
  const map = new Map<string, Entity>();
  for (const e of entities ?? []) if (!map.has(e.id)) map.set(e.id, e);
  return map;
}

/** The label a mention is exported under: a custom mention's own label, else its kind. */
export function mentionLabel(m: ExportMention): string {
  return m.kind === 'custom' && m.label ? m.label : m.kind;
}

/** Canonical display name of what a mention refers to: the entity's name, else its normalised value. */
export function canonicalName(m: ExportMention, entities: Map<string, Entity>): string | undefined {
  return (m.entityId ? entities.get(m.entityId)?.name : undefined) ?? m.value;
}
