/**
 * brat standoff back into Marginalia annotations, so work done in brat (or any tool that writes brat) can
 * come in as manual annotations. Reads what our brat export writes and what brat itself writes for entities:
 * T (text-bound, including discontinuous fragments), N (normalisation), # (AnnotatorNotes) and A/M
 * (attributes). Relations and events have no place in our model and are reported, not guessed at.
 */
import { ATTRIBUTE_NAME, attributeKeyProblem } from '../model/attributes';
import { ENTITY_KINDS, type MentionKind } from '../model/mention';
import { BRAT_NORMALIZATION_DB } from '../export/bratExport';
import { OffsetConverter } from '../export/offsets';
import type { ExportMention } from '../export/types';

export interface BratImport {
  /** Manual mentions in UTF-16 offsets, in file order. */
  mentions: ExportMention[];
  /** One readable line per skipped or doubtful line ("line 4: ..."). */
  problems: string[];
  /** Lines that make the whole file unusable (an attribute name a sidecar refuses): nothing of it may be written. */
  refused: string[];
}

const KINDS = new Set<string>([...ENTITY_KINDS, 'custom']);

/**
 * Parses an `.ann` file against the text of its `.txt` (brat offsets are code points into that exact text).
 * A T line whose offsets do not give back its text is skipped and reported: importing it would put the
 * annotation on the wrong words.
 */
export function parseBratAnn(ann: string, text: string): BratImport {
  const offsets = new OffsetConverter(text);
  const problems: string[] = [];
  const refused: string[] = [];
  const byId = new Map<string, ExportMention>();
  const mentions: ExportMention[] = [];
  const unsupported = new Set<string>();
  const lines = ann.split(/\r?\n/);
  const later: { no: number; line: string }[] = [];

  lines.forEach((line, i) => {
    const no = i + 1;
    if (line.trim() === '') return;
    if (!line.startsWith('T')) {
      later.push({ no, line });
      return;
    }
    const m = /^(T\d+)\t(\S+) ([0-9 ;]+)\t(.*)$/.exec(line);
    if (!m) {
      problems.push(`line ${no}: not a brat text-bound annotation: ${JSON.stringify(line)}`);
      return;
    }
    const [, id, type, spans, quoted] = m as unknown as [string, string, string, string, string];
    const fragments: [number, number][] = [];
    for (const part of spans.split(';')) {
      const nums = /^(\d+) (\d+)$/.exec(part.trim());
      if (!nums) {
        problems.push(`line ${no}: bad offsets ${JSON.stringify(spans)}`);
        return;
      }
      try {
        fragments.push([offsets.toUtf16(Number(nums[1])), offsets.toUtf16(Number(nums[2]))]);
      } catch (e) {
        problems.push(`line ${no}: ${(e as Error).message}`);
        return;
      }
    }
    const pieces = fragments.map(([s, e]) => text.slice(s, e));
    if (fragments.some(([s, e]) => s >= e) || pieces.join(' ') !== quoted) {
      problems.push(`line ${no}: ${id}: the text at ${spans} is ${JSON.stringify(pieces.join(' '))}, not ${JSON.stringify(quoted)}; skipped`);
      return;
    }
    const start = fragments[0]![0];
    const end = fragments[fragments.length - 1]![1];
    const mention: ExportMention = { kind: kindOf(type), start, end, text: text.slice(start, end), source: 'manual' };
    if (mention.kind === 'custom' && type !== 'custom') mention.label = type;
    byId.set(id, mention);
    mentions.push(mention);
  });

  for (const { no, line } of later) {
    const fields = line.split('\t');
    const head = (fields[1] ?? '').split(' ');
    if (line.startsWith('N')) {
      const target = byId.get(head[1] ?? '');
      const ref = head[2] ?? '';
      if (head[0] !== 'Reference' || !target || !ref.includes(':')) {
        problems.push(`line ${no}: normalisation not understood or its annotation was skipped: ${JSON.stringify(line)}`);
        continue;
      }
      const db = ref.slice(0, ref.indexOf(':'));
      target.entityId = db === BRAT_NORMALIZATION_DB ? ref.slice(db.length + 1) : ref;
      if (fields[2]) target.value = fields[2];
    } else if (line.startsWith('#')) {
      const target = byId.get(head[1] ?? '');
      if (head[0] !== 'AnnotatorNotes' || !target) {
        problems.push(`line ${no}: note not attached to an imported annotation: ${JSON.stringify(line)}`);
        continue;
      }
      const note = fields.slice(2).join('\t');
      target.note = target.note ? `${target.note}\n${note}` : note;
    } else if (line.startsWith('A') || line.startsWith('M')) {
      const target = byId.get(head[1] ?? '');
      const name = head[0] ?? '';
      const nameProblem = attributeKeyProblem(name);
      if (nameProblem) {
        refused.push(`line ${no}: ${nameProblem}`);
        continue;
      }
      if (!target || !ATTRIBUTE_NAME.test(name)) {
        problems.push(`line ${no}: attribute not attached to an imported annotation: ${JSON.stringify(line)}`);
        continue;
      }
      // Fresh object, and names checked above: a hostile `__proto__` attribute cannot reach a prototype.
      target.attributes = { ...(target.attributes ?? {}), [name]: head[2] ?? 'true' };
    } else {
      unsupported.add(line[0] as string);
    }
  }
  for (const kind of [...unsupported].sort()) {
    problems.push(`'${kind}' lines (relations, events, equivalences) have no counterpart in Marginalia and were not imported`);
  }
  return { mentions, problems, refused };
}

function kindOf(type: string): MentionKind {
  return KINDS.has(type) ? (type as MentionKind) : 'custom';
}
